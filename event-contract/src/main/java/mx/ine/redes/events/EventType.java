package mx.ine.redes.events;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event of domain.md §7: its wire name, payload record, topic and current schema version. */
public enum EventType {
    ACCOUNT_REGISTERED(AccountRegistered.class, Topics.ACCOUNTS),
    ACCOUNT_UPDATED(AccountUpdated.class, Topics.ACCOUNTS),
    ACCOUNT_DECOMMISSIONED(AccountDecommissioned.class, Topics.ACCOUNTS),
    ADMINISTRATOR_ASSIGNED(AdministratorAssigned.class, Topics.ACCOUNTS),
    ACCOUNT_FLAGGED_DORMANT(AccountFlaggedDormant.class, Topics.ACCOUNTS),
    TRAINING_RECORDED(TrainingRecorded.class, Topics.ACCOUNTS),
    REVIEW_CYCLE_OPENED(ReviewCycleOpened.class, Topics.EVALUATION),
    SUBMISSION_REQUESTED(SubmissionRequested.class, Topics.EVALUATION),
    SUBMISSION_RECEIVED(SubmissionReceived.class, Topics.SUBMISSIONS),
    EVALUATION_COMPLETED(EvaluationCompleted.class, Topics.EVALUATION),
    OBSERVATION_ISSUED(ObservationIssued.class, Topics.EVALUATION),
    OBSERVATION_RESOLVED(ObservationResolved.class, Topics.EVALUATION),
    SUBMISSION_OVERDUE(SubmissionOverdue.class, Topics.EVALUATION),
    ESCALATED_TO_AREA_HEAD(EscalatedToAreaHead.class, Topics.EVALUATION),
    REPORTED_TO_COMMITTEE(ReportedToCommittee.class, Topics.EVALUATION),
    ESCALATION_WITHDRAWN(EscalationWithdrawn.class, Topics.EVALUATION),
    SUBMISSION_DEADLINE_MOVED(SubmissionDeadlineMoved.class, Topics.EVALUATION);

    private static final Map<String, EventType> BY_WIRE_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));
    private static final Map<Class<?>, EventType> BY_PAYLOAD =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::payloadType, Function.identity()));

    private final Class<? extends DomainEvent> payloadType;
    private final String topic;

    EventType(Class<? extends DomainEvent> payloadType, String topic) {
        this.payloadType = payloadType;
        this.topic = topic;
    }

    /** The name on the wire is the record's simple name, e.g. {@code AccountRegistered}. */
    public String wireName() {
        return payloadType.getSimpleName();
    }

    public Class<? extends DomainEvent> payloadType() {
        return payloadType;
    }

    public String topic() {
        return topic;
    }

    /** Bumped whenever a payload changes incompatibly; consumers read it from the envelope. */
    public int schemaVersion() {
        return 1;
    }

    public static EventType of(Class<?> payloadType) {
        EventType type = BY_PAYLOAD.get(payloadType);
        if (type == null) {
            throw new IllegalArgumentException("Not a registered event payload: " + payloadType.getName());
        }
        return type;
    }

    public static EventType fromWireName(String wireName) {
        EventType type = BY_WIRE_NAME.get(wireName);
        if (type == null) {
            throw new MalformedEventException("Unknown event type: " + wireName);
        }
        return type;
    }
}
