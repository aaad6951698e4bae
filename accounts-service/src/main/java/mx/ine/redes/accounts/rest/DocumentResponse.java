package mx.ine.redes.accounts.rest;

import java.time.LocalDate;
import java.util.UUID;

public record DocumentResponse(UUID id, String title, String link, String description, LocalDate publishedOn) {
}
