package mx.ine.redes.accounts.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;

/** The person (registered in {@code /api/people}) who will administer the account. */
public record AdministratorRequest(@NotBlank @Email String email) {
}
