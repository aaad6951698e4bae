package mx.ine.redes.evaluation.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import mx.ine.redes.evaluation.CommitteeResolution;
import mx.ine.redes.support.input.FreeText;

/**
 * A resolution of the Committee: on the cycle's report ({@code REPORT}, no {@code subjectId}) or on
 * one of its non-compliance items ({@code NON_COMPLIANCE_ITEM}, {@code subjectId} the request or
 * observation reported), what it resolved, its text, and the session's date (not in the future).
 */
public record CommitteeResolutionRequest(
        @NotBlank @Size(max = 20) String cycleId,
        @NotNull CommitteeResolution.SubjectKind subjectKind,
        UUID subjectId,
        @NotNull CommitteeResolution.Kind resolution,
        @NotBlank @FreeText @Size(max = 4000) String text,
        @NotNull LocalDate resolvedOn) {
}
