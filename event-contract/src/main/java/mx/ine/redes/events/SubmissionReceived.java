package mx.ine.redes.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A submission or a correction of it arrived; each correction is a new {@code version}. */
public record SubmissionReceived(
        UUID submissionId,
        UUID requestId,
        UUID accountId,
        String cycleId,
        String network,
        int version,
        Instant receivedAt,
        boolean late,
        Map<String, Long> figures,
        LocalDate lastPublicationOn,
        List<String> warnings) implements DomainEvent {

    public SubmissionReceived {
        figures = figures == null ? Map.of() : Map.copyOf(figures);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    @Override
    public String aggregateId() {
        return accountId.toString();
    }
}
