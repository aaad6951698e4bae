package mx.ine.redes.evaluation.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The cycle to open: {@code 2026-S1} (January–June 2026) or {@code 2026-S2} (July–December 2026). */
public record CycleRequest(@NotBlank @Size(max = 20) String id) {
}
