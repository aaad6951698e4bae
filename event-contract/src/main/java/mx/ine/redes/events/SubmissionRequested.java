package mx.ine.redes.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One account was asked for its statistics, in a cycle or ad hoc (Art. 12), with its deadline. */
public record SubmissionRequested(
        UUID requestId,
        UUID accountId,
        String cycleId,
        String requestKind,
        List<String> requestedFields,
        String areaCode,
        List<String> administratorEmails,
        Instant effectiveAt,
        Instant dueAt) implements DomainEvent {

    public SubmissionRequested {
        requestedFields = requestedFields == null ? List.of() : List.copyOf(requestedFields);
        administratorEmails = administratorEmails == null ? List.of() : List.copyOf(administratorEmails);
    }

    @Override
    public String aggregateId() {
        return accountId.toString();
    }
}
