package mx.ine.redes.evaluation.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** An electoral process: from its first to its last day (inclusive) every day and hour counts. */
public record ElectoralProcessRequest(
        @NotBlank @Size(max = 300) String name,
        @NotNull LocalDate startsOn,
        @NotNull LocalDate endsOn,
        @Size(max = 300) String sourceReference) {
}
