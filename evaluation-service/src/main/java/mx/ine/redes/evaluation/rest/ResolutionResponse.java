package mx.ine.redes.evaluation.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import mx.ine.redes.evaluation.CommitteeResolution;

/** A resolution of the Committee as recorded: on the report or on an item (its subject, account and area). */
public record ResolutionResponse(
        UUID id,
        String cycleId,
        String subjectKind,
        UUID subjectId,
        UUID itemId,
        UUID accountId,
        String areaCode,
        String resolution,
        String text,
        LocalDate resolvedOn,
        String recordedBy,
        Instant recordedAt) {

    public static ResolutionResponse of(CommitteeResolution resolution) {
        return new ResolutionResponse(resolution.id, resolution.cycleId, resolution.subjectKind.name(), resolution.subjectId,
                resolution.itemId, resolution.accountId, resolution.areaCode, resolution.resolution.name(), resolution.text,
                resolution.resolvedOn, resolution.recordedBy, resolution.recordedAt);
    }
}
