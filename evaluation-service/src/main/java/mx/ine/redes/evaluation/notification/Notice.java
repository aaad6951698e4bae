package mx.ine.redes.evaluation.notification;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What to tell whom: {@code subjectId} is the request (or observation) the notice is about and
 * {@code values} fill the Spanish template of {@code kind} (e.g. {@code handle}, {@code network},
 * {@code cycle}, {@code dueAt}). {@code recipients} are used only for {@link Audience#FIXED}; the
 * others are resolved when the notice leaves.
 */
public record Notice(
        NoticeKind kind,
        Audience audience,
        List<String> recipients,
        UUID subjectId,
        UUID accountId,
        Map<String, String> values) {

    public Notice {
        recipients = List.copyOf(recipients);
        values = Map.copyOf(values);
    }

    public Notice(NoticeKind kind, List<String> recipients, UUID subjectId, UUID accountId, Map<String, String> values) {
        this(kind, Audience.FIXED, recipients, subjectId, accountId, values);
    }

    public static Notice to(Audience audience, NoticeKind kind, UUID subjectId, UUID accountId, Map<String, String> values) {
        return new Notice(kind, audience, List.of(), subjectId, accountId, values);
    }
}
