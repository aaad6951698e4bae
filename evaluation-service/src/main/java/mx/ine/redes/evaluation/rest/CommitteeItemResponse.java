package mx.ine.redes.evaluation.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A non-compliance item of the Committee: the account (network and handle as the registry has them
 * now), its area, what was not attended, the dates of its chain (the deadline missed, the
 * escalation, the head's notice and term, the report) and the Committee's resolutions on it.
 */
public record CommitteeItemResponse(
        UUID id,
        String subjectKind,
        UUID subjectId,
        UUID accountId,
        String network,
        String handle,
        String areaCode,
        String cycleId,
        String status,
        String unattended,
        Instant dueAt,
        Instant escalatedAt,
        String escalatedTo,
        Instant headNotifiedAt,
        Instant attendBy,
        Instant reportedAt,
        Instant withdrawnAt,
        List<ResolutionResponse> resolutions) {
}
