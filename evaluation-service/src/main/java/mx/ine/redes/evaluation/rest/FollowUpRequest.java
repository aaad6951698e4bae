package mx.ine.redes.evaluation.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** CNCS follows up an answered observation whose correction did not satisfy it: a new observation. */
public record FollowUpRequest(
        @NotBlank @Size(max = 4000) String text,
        @NotNull @Size(min = 1, max = 30) List<@NotBlank @Size(max = 60) String> fields) {
}
