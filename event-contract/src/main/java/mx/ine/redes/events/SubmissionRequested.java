package mx.ine.redes.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One account was asked for its statistics, in a cycle or ad hoc (Art. 12), with its deadline.
 * {@code windowOpensAt} is the first instant a submission is accepted (1 July / 1 January 00:00
 * Mexico City for a cycle; the issue for an ad hoc request). {@code dueAt} is provisional until the
 * notice leaves: the term runs from the notice, and {@link SubmissionDeadlineMoved} follows. An ad
 * hoc request CNCS makes on the Committee's behalf (Art. 8 II) says so, citing the Committee's
 * resolution that asked for it.
 */
public record SubmissionRequested(
        UUID requestId,
        UUID accountId,
        String cycleId,
        String requestKind,
        List<String> requestedFields,
        String areaCode,
        List<String> administratorEmails,
        Instant windowOpensAt,
        Instant effectiveAt,
        Instant dueAt,
        boolean onBehalfOfCommittee,
        UUID committeeResolutionId) implements DomainEvent {

    public SubmissionRequested {
        requestedFields = requestedFields == null ? List.of() : List.copyOf(requestedFields);
        administratorEmails = administratorEmails == null ? List.of() : List.copyOf(administratorEmails);
    }

    public SubmissionRequested(UUID requestId, UUID accountId, String cycleId, String requestKind, List<String> requestedFields,
                               String areaCode, List<String> administratorEmails, Instant windowOpensAt, Instant effectiveAt,
                               Instant dueAt) {
        this(requestId, accountId, cycleId, requestKind, requestedFields, areaCode, administratorEmails, windowOpensAt,
                effectiveAt, dueAt, false, null);
    }

    @Override
    public String aggregateId() {
        return accountId.toString();
    }
}
