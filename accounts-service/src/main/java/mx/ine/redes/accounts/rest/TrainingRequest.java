package mx.ine.redes.accounts.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import mx.ine.redes.accounts.Training;

/** A training session held for administrators and who attended it (registered people). */
public record TrainingRequest(
        @NotNull LocalDate heldOn,
        @NotBlank @Size(max = 300) String topic,
        @NotNull @DecimalMin(value = "0.25") @DecimalMax(value = "200") BigDecimal hours,
        @NotNull Training.Modality modality,
        @NotEmpty List<@NotBlank @Email String> attendeeEmails) {
}
