package mx.ine.redes.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A submission or a correction of it arrived; each correction is a new {@code version} (schema
 * version 2). It carries all a consumer needs to evaluate and report without asking back: every
 * figure by its {@link StatisticField} name, the audience and campaign breakdowns, the warnings,
 * whether it was late against the deadline as it stood at receipt ({@code dueAt}), the observation it
 * answers, its evidence and who entered it.
 */
public record SubmissionReceived(
        UUID submissionId,
        UUID requestId,
        UUID accountId,
        String cycleId,
        String requestKind,
        String network,
        int version,
        Instant receivedAt,
        Instant dueAt,
        boolean late,
        Map<String, Long> figures,
        Audience audience,
        List<CampaignPosts> campaigns,
        LocalDate lastPublicationOn,
        List<SubmissionWarning> warnings,
        UUID answersObservationId,
        int evidenceCount,
        List<EvidenceFile> evidence,
        EnteredBy enteredBy) implements DomainEvent {

    public SubmissionReceived {
        figures = figures == null ? Map.of() : Map.copyOf(figures);
        campaigns = campaigns == null ? List.of() : List.copyOf(campaigns);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    @Override
    public String aggregateId() {
        return accountId.toString();
    }

    /** Audience shares in percent (0–100, each group summing to at most 100); a group left out is empty. */
    public record Audience(
            Map<String, BigDecimal> gender,
            Map<String, BigDecimal> ageBands,
            Map<String, BigDecimal> countries) {

        public Audience {
            gender = gender == null ? Map.of() : Map.copyOf(gender);
            ageBands = ageBands == null ? Map.of() : Map.copyOf(ageBands);
            countries = countries == null ? Map.of() : Map.copyOf(countries);
        }
    }

    /** Posts published under one campaign hashtag (seeds 000 and 004). */
    public record CampaignPosts(String hashtag, long posts) {
    }

    /**
     * Something worth a look that did not stop the submission (domain.md §4): {@code code} such as
     * {@code FOLLOWERS_DROPPED}, the fields concerned, and what a person reads (Spanish).
     */
    public record SubmissionWarning(String code, List<String> fields, String message) {

        public SubmissionWarning {
            fields = fields == null ? List.of() : List.copyOf(fields);
        }
    }

    /** One evidence file: its SHA-256 (hex), the type recognised from its content, its size and name. */
    public record EvidenceFile(String sha256, String contentType, long sizeBytes, String fileName) {
    }

    /**
     * Who entered the version: the administrator, or CNCS on their behalf (Art. 9) from a document
     * received by e-mail or oficio, named by its reference (e.g. {@code INE/JLE-CHIS/0123/2026}).
     */
    public record EnteredBy(String email, boolean onBehalf, String channel, String documentReference) {
    }
}
