package mx.ine.redes.submissions.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One line of the CNCS list of submissions. */
public record SubmissionSummary(
        UUID id,
        UUID requestId,
        UUID accountId,
        String network,
        String handle,
        String areaCode,
        String cycleId,
        String kind,
        int currentVersion,
        Instant firstReceivedAt,
        Instant lastReceivedAt,
        boolean late,
        List<String> warnings,
        boolean onBehalf) {
}
