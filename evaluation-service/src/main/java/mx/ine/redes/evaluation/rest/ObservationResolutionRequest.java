package mx.ine.redes.evaluation.rest;

import jakarta.validation.constraints.Size;

/** CNCS resolves an answered observation: the correction attended it; an optional note says how. */
public record ObservationResolutionRequest(@Size(max = 4000) String note) {
}
