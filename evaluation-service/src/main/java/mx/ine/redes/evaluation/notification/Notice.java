package mx.ine.redes.evaluation.notification;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What to tell whom: {@code subjectId} is the request (or observation) the notice is about and
 * {@code values} fill the Spanish template of {@code kind} (e.g. {@code handle}, {@code network},
 * {@code cycleId}, {@code dueAt}, {@code areaName}).
 */
public record Notice(
        NoticeKind kind,
        List<String> recipients,
        UUID subjectId,
        UUID accountId,
        Map<String, String> values) {

    public Notice {
        recipients = List.copyOf(recipients);
        values = Map.copyOf(values);
    }
}
