package mx.ine.redes.accounts.rest;

import java.util.UUID;

public record PersonResponse(UUID id, String name, String email, String areaCode) {
}
