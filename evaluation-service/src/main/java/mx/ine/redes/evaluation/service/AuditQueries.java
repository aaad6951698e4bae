package mx.ine.redes.evaluation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import mx.ine.redes.evaluation.AuditedAct;
import mx.ine.redes.support.paging.Page;
import mx.ine.redes.support.paging.PageRequest;
import mx.ine.redes.support.registry.AreaSubtreeVisibility;

/**
 * Reads of the audit trail ({@code GET /api/audit}), restricted by {@link AccountVisibility} as
 * requests are: cncs, committee, transparency and integration read every act; a head or an
 * administrator reads the acts on the accounts they answer for now (acts on no account — a cycle
 * opened, a calendar changed — only those who see everything).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AuditQueries {

    /** The order of {@code GET /api/audit}: as they happened (occurredAt ascending), then by id. */
    public static final String ACT_ORDER = "a.occurred_at, a.id";

    /** What to read: every criterion may be null; {@code from} inclusive, {@code to} exclusive. */
    public record Filter(String subjectId, UUID accountId, String cycleId, String actor, String action, Instant from,
                         Instant to) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    AccountVisibility visibility;

    @SuppressWarnings("unchecked")
    public Page<AuditedAct> list(Filter filter, PageRequest page) {
        AreaSubtreeVisibility.Restriction restriction = visibility.requests("a.account_id");
        StringBuilder where = new StringBuilder(" from audited_act a where " + restriction.sql());
        Map<String, Object> parameters = new HashMap<>(restriction.parameters());
        condition(where, parameters, "a.subject_id = :subject", "subject", filter.subjectId());
        condition(where, parameters, "a.account_id = :account", "account", filter.accountId());
        condition(where, parameters, "a.cycle_id = :cycle", "cycle", filter.cycleId());
        condition(where, parameters, "a.actor = :actor", "actor", filter.actor());
        condition(where, parameters, "a.action = :action", "action", filter.action());
        condition(where, parameters, "a.occurred_at >= :from", "from", filter.from());
        condition(where, parameters, "a.occurred_at < :to", "to", filter.to());
        var count = entityManager.createNativeQuery("select count(*)" + where);
        parameters.forEach(count::setParameter);
        long total = ((Number) count.getSingleResult()).longValue();
        return page.of(total, () -> {
            var query = entityManager.createNativeQuery("select a.*" + where + " order by " + ACT_ORDER, AuditedAct.class)
                    .setFirstResult(page.firstResult()).setMaxResults(page.size());
            parameters.forEach(query::setParameter);
            return query.getResultList();
        });
    }

    private static void condition(StringBuilder where, Map<String, Object> parameters, String sql, String name, Object value) {
        if (value != null) {
            where.append(" and ").append(sql);
            parameters.put(name, value);
        }
    }
}
