package mx.ine.redes.evaluation.service;

import mx.ine.redes.support.registry.AreaSubtreeVisibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mx.ine.redes.evaluation.Notification;
import mx.ine.redes.support.paging.Page;
import mx.ine.redes.support.paging.PageRequest;

/**
 * Reads of notifications, restricted by {@link AccountVisibility}: a notice is seen by whoever
 * answers for its account now (its current administrators, the heads of its area and of the
 * areas above), not by whoever it was sent to when it left — the recipients are the record of
 * who was told, and a filter, never a grant.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class NotificationQueries {

    /** The order of {@code GET /api/notifications}: the most recently queued first, then by id (stable across pages). */
    public static final String ORDER = "n.queued_at desc, n.id";

    @Inject
    EntityManager entityManager;

    @Inject
    AccountVisibility visibility;

    @SuppressWarnings("unchecked")
    public Page<Notification> list(UUID subject, String recipient, PageRequest page) {
        AreaSubtreeVisibility.Restriction restriction = visibility.notifications("n.account_id");
        StringBuilder where = new StringBuilder(" from notification n where ").append(restriction.sql());
        Map<String, Object> parameters = new HashMap<>(restriction.parameters());
        if (subject != null) {
            where.append(" and n.subject_id = :subject");
            parameters.put("subject", subject);
        }
        if (recipient != null && !recipient.isBlank()) {
            where.append(" and n.recipients @> jsonb_build_array(cast(:recipient as text))");
            parameters.put("recipient", recipient.strip().toLowerCase(java.util.Locale.ROOT));
        }
        var count = entityManager.createNativeQuery("select count(*)" + where);
        parameters.forEach(count::setParameter);
        long total = ((Number) count.getSingleResult()).longValue();
        return page.of(total, () -> {
            var query = entityManager.createNativeQuery("select n.*" + where + " order by " + ORDER, Notification.class)
                    .setFirstResult(page.firstResult()).setMaxResults(page.size());
            parameters.forEach(query::setParameter);
            return (List<Notification>) query.getResultList();
        });
    }
}
