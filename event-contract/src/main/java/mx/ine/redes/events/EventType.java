package mx.ine.redes.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event of domain.md §7: its wire name, payload record, topic and current schema version. */
public enum EventType {
    ACCOUNT_REGISTERED(WireNames.ACCOUNT_REGISTERED, AccountRegistered.class, Topics.ACCOUNTS),
    ACCOUNT_UPDATED(WireNames.ACCOUNT_UPDATED, AccountUpdated.class, Topics.ACCOUNTS),
    ACCOUNT_DECOMMISSIONED(WireNames.ACCOUNT_DECOMMISSIONED, AccountDecommissioned.class, Topics.ACCOUNTS),
    ADMINISTRATOR_ASSIGNED(WireNames.ADMINISTRATOR_ASSIGNED, AdministratorAssigned.class, Topics.ACCOUNTS),
    ACCOUNT_FLAGGED_DORMANT(WireNames.ACCOUNT_FLAGGED_DORMANT, AccountFlaggedDormant.class, Topics.ACCOUNTS),
    TRAINING_RECORDED(WireNames.TRAINING_RECORDED, TrainingRecorded.class, Topics.ACCOUNTS),
    REVIEW_CYCLE_OPENED(WireNames.REVIEW_CYCLE_OPENED, ReviewCycleOpened.class, Topics.EVALUATION),
    SUBMISSION_REQUESTED(WireNames.SUBMISSION_REQUESTED, SubmissionRequested.class, Topics.EVALUATION),
    SUBMISSION_RECEIVED(WireNames.SUBMISSION_RECEIVED, SubmissionReceived.class, Topics.SUBMISSIONS, 2),
    EVALUATION_COMPLETED(WireNames.EVALUATION_COMPLETED, EvaluationCompleted.class, Topics.EVALUATION),
    OBSERVATION_ISSUED(WireNames.OBSERVATION_ISSUED, ObservationIssued.class, Topics.EVALUATION),
    OBSERVATION_RESOLVED(WireNames.OBSERVATION_RESOLVED, ObservationResolved.class, Topics.EVALUATION),
    SUBMISSION_OVERDUE(WireNames.SUBMISSION_OVERDUE, SubmissionOverdue.class, Topics.EVALUATION),
    ESCALATED_TO_AREA_HEAD(WireNames.ESCALATED_TO_AREA_HEAD, EscalatedToAreaHead.class, Topics.EVALUATION),
    REPORTED_TO_COMMITTEE(WireNames.REPORTED_TO_COMMITTEE, ReportedToCommittee.class, Topics.EVALUATION),
    ESCALATION_WITHDRAWN(WireNames.ESCALATION_WITHDRAWN, EscalationWithdrawn.class, Topics.EVALUATION),
    SUBMISSION_DEADLINE_MOVED(WireNames.SUBMISSION_DEADLINE_MOVED, SubmissionDeadlineMoved.class, Topics.EVALUATION),
    SUBMISSION_REQUEST_WITHDRAWN(WireNames.SUBMISSION_REQUEST_WITHDRAWN, SubmissionRequestWithdrawn.class, Topics.EVALUATION),
    OBSERVATION_DEADLINE_MOVED(WireNames.OBSERVATION_DEADLINE_MOVED, ObservationDeadlineMoved.class, Topics.EVALUATION),
    RATING_OVERRIDDEN(WireNames.RATING_OVERRIDDEN, RatingOverridden.class, Topics.EVALUATION),
    RECOMMENDATION_ATTENDED(WireNames.RECOMMENDATION_ATTENDED, RecommendationAttended.class, Topics.EVALUATION),
    BAJA_PROPOSED(WireNames.BAJA_PROPOSED, BajaProposed.class, Topics.EVALUATION),
    COMMITTEE_RESOLUTION_RECORDED(WireNames.COMMITTEE_RESOLUTION_RECORDED, CommitteeResolutionRecorded.class, Topics.EVALUATION),
    PERMANENCE_RECORDED(WireNames.PERMANENCE_RECORDED, PermanenceRecorded.class, Topics.ACCOUNTS),
    EVALUATION_OPENED(WireNames.EVALUATION_OPENED, EvaluationOpened.class, Topics.EVALUATION),
    EVALUATION_TERM_MOVED(WireNames.EVALUATION_TERM_MOVED, EvaluationTermMoved.class, Topics.EVALUATION);

    private static final Map<String, EventType> BY_WIRE_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));
    private static final Map<Class<?>, EventType> BY_PAYLOAD =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::payloadType, Function.identity()));

    /**
     * The names on the wire, fixed here rather than taken from the record classes: renaming a class
     * must not rename an event that other services and stored records already know.
     */
    public static final class WireNames {
        public static final String ACCOUNT_REGISTERED = "AccountRegistered";
        public static final String ACCOUNT_UPDATED = "AccountUpdated";
        public static final String ACCOUNT_DECOMMISSIONED = "AccountDecommissioned";
        public static final String ADMINISTRATOR_ASSIGNED = "AdministratorAssigned";
        public static final String ACCOUNT_FLAGGED_DORMANT = "AccountFlaggedDormant";
        public static final String TRAINING_RECORDED = "TrainingRecorded";
        public static final String REVIEW_CYCLE_OPENED = "ReviewCycleOpened";
        public static final String SUBMISSION_REQUESTED = "SubmissionRequested";
        public static final String SUBMISSION_RECEIVED = "SubmissionReceived";
        public static final String EVALUATION_COMPLETED = "EvaluationCompleted";
        public static final String OBSERVATION_ISSUED = "ObservationIssued";
        public static final String OBSERVATION_RESOLVED = "ObservationResolved";
        public static final String SUBMISSION_OVERDUE = "SubmissionOverdue";
        public static final String ESCALATED_TO_AREA_HEAD = "EscalatedToAreaHead";
        public static final String REPORTED_TO_COMMITTEE = "ReportedToCommittee";
        public static final String ESCALATION_WITHDRAWN = "EscalationWithdrawn";
        public static final String SUBMISSION_DEADLINE_MOVED = "SubmissionDeadlineMoved";
        public static final String SUBMISSION_REQUEST_WITHDRAWN = "SubmissionRequestWithdrawn";
        public static final String OBSERVATION_DEADLINE_MOVED = "ObservationDeadlineMoved";
        public static final String RATING_OVERRIDDEN = "RatingOverridden";
        public static final String RECOMMENDATION_ATTENDED = "RecommendationAttended";
        public static final String BAJA_PROPOSED = "BajaProposed";
        public static final String COMMITTEE_RESOLUTION_RECORDED = "CommitteeResolutionRecorded";
        public static final String PERMANENCE_RECORDED = "PermanenceRecorded";
        public static final String EVALUATION_OPENED = "EvaluationOpened";
        public static final String EVALUATION_TERM_MOVED = "EvaluationTermMoved";

        private WireNames() {
        }
    }

    private final String wireName;
    private final Class<? extends DomainEvent> payloadType;
    private final String topic;
    private final int schemaVersion;

    EventType(String wireName, Class<? extends DomainEvent> payloadType, String topic) {
        this(wireName, payloadType, topic, 1);
    }

    EventType(String wireName, Class<? extends DomainEvent> payloadType, String topic, int schemaVersion) {
        this.wireName = wireName;
        this.payloadType = payloadType;
        this.topic = topic;
        this.schemaVersion = schemaVersion;
    }

    /** The name on the wire, e.g. {@code AccountRegistered}. */
    public String wireName() {
        return wireName;
    }

    public Class<? extends DomainEvent> payloadType() {
        return payloadType;
    }

    public String topic() {
        return topic;
    }

    /**
     * Bumped whenever a payload changes incompatibly; consumers read it from the envelope.
     * {@code SubmissionReceived} is at 2: version 1 (warnings as plain strings, no evidence, no
     * author) was never produced by submissions-service, only by tests.
     */
    public int schemaVersion() {
        return schemaVersion;
    }

    public static EventType of(Class<?> payloadType) {
        EventType type = BY_PAYLOAD.get(payloadType);
        if (type == null) {
            throw new IllegalArgumentException("Not a registered event payload: " + payloadType.getName());
        }
        return type;
    }

    public static EventType fromWireName(String wireName) {
        return find(wireName).orElseThrow(() -> new MalformedEventException("Unknown event type: " + wireName));
    }

    /** @return the type of this wire name, or empty for one this version of the contract does not know */
    public static Optional<EventType> find(String wireName) {
        return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
    }
}
