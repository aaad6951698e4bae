package mx.ine.redes.evaluation.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * CNCS issues an observation (Art. 14) on an open evaluation: its text, the figures concerned
 * (wire names of the submission's fields) and, optionally, the code of the suggested observation
 * (a submission's warning) it takes up.
 */
public record ObservationRequest(
        @NotNull UUID evaluationId,
        @NotBlank @Size(max = 4000) String text,
        @NotNull @Size(min = 1, max = 30) List<@NotBlank @Size(max = 60) String> fields,
        @Size(max = 100) String suggestion) {
}
