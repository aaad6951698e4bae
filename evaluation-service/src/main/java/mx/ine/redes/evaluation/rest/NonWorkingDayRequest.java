package mx.ine.redes.evaluation.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A day the Institute declared non-working, and where it declared it (e.g. the DOF notice). */
public record NonWorkingDayRequest(
        @NotNull LocalDate day,
        @NotBlank @Size(max = 300) String description,
        @NotBlank @Size(max = 300) String sourceReference) {
}
