package mx.ine.redes.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every piece of information a statistics form can ask for (Art. 11, domain.md §4), by the name it
 * has on the wire: in {@link SubmissionReceived#figures()}, in an ad hoc request's
 * {@link SubmissionRequested#requestedFields()} and in the forms submissions-service serves. Which
 * fields a network's form requires, and the letter each has in the Lineamientos' tables, is the
 * form's business (submissions-service); this is only the shared vocabulary.
 */
public enum StatisticField {
    /** A: messages or posts published in the period. */
    POSTS("posts", Kind.COUNT),
    /** X B: own messages. */
    OWN_POSTS("ownPosts", Kind.COUNT),
    /** X C: messages from Comunicación Social. */
    CNCS_POSTS("cncsPosts", Kind.COUNT),
    /** X D: tweet impressions; Facebook D: impressions (the second figure). */
    IMPRESSIONS("impressions", Kind.COUNT),
    /** X E: profile visits. */
    PROFILE_VISITS("profileVisits", Kind.COUNT),
    /** X F: mentions. */
    MENTIONS("mentions", Kind.COUNT),
    /** X G: followers. */
    FOLLOWERS("followers", Kind.COUNT),
    /** X H, Facebook E: multimedia contents. */
    MULTIMEDIA_POSTS("multimediaPosts", Kind.COUNT),
    /** Facebook B; optional on other networks. */
    SHARES("shares", Kind.COUNT),
    /** Facebook C, other networks C. */
    LIKES("likes", Kind.COUNT),
    /** Facebook D: reach (the first figure). */
    REACH("reach", Kind.COUNT),
    /** Other networks B: follower growth in the period (may be negative: followers lost). */
    FOLLOWER_GROWTH("followerGrowth", Kind.SIGNED_COUNT),
    /** Other networks, optional: plays or views. */
    PLAYS("plays", Kind.COUNT),
    FOLLOWERS_AT_START("followersAtStart", Kind.COUNT),
    FOLLOWERS_AT_END("followersAtEnd", Kind.COUNT),
    STORIES("stories", Kind.COUNT),
    VIDEO_VIEWS("videoViews", Kind.COUNT),
    WATCH_TIME_MINUTES("watchTimeMinutes", Kind.COUNT),
    /** Audience by gender, age band and country, in percent. */
    AUDIENCE("audience", Kind.AUDIENCE),
    /** Posts per campaign hashtag. */
    CAMPAIGNS("campaigns", Kind.CAMPAIGNS),
    LAST_PUBLICATION_ON("lastPublicationOn", Kind.DATE),
    /** Screenshots or documents (PNG, JPEG, PDF): at least one file. */
    EVIDENCE("evidence", Kind.EVIDENCE);

    /** How a field's value is written. */
    public enum Kind { COUNT, SIGNED_COUNT, AUDIENCE, CAMPAIGNS, DATE, EVIDENCE }

    private static final Map<String, StatisticField> BY_WIRE_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(StatisticField::wireName, Function.identity()));

    private final String wireName;
    private final Kind kind;

    StatisticField(String wireName, Kind kind) {
        this.wireName = wireName;
        this.kind = kind;
    }

    public String wireName() {
        return wireName;
    }

    public Kind kind() {
        return kind;
    }

    /** A count of {@link SubmissionReceived#figures()}. */
    public boolean isCount() {
        return kind == Kind.COUNT || kind == Kind.SIGNED_COUNT;
    }

    public static Optional<StatisticField> find(String wireName) {
        return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
    }
}
