package mx.ine.redes.evaluation.service;

import mx.ine.redes.support.registry.AreaSubtreeVisibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mx.ine.redes.evaluation.SubmissionRequest;
import mx.ine.redes.evaluation.rest.ProgressResponse;
import mx.ine.redes.support.paging.Page;
import mx.ine.redes.support.paging.PageRequest;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.Text;

/**
 * Reads of requests (single reads, lists, escalations, progress), each restricted by
 * {@link AccountVisibility}: the registry as it is now decides who sees a request, and a request
 * one may not see is not found.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RequestQueries {

    /** The order of {@code GET /api/requests}: the newest issued first, then by id (a stable order across pages). */
    public static final String REQUEST_ORDER = "r.issued_at desc, r.id";
    /** The order of {@code GET /api/escalations}: the most recently escalated first, then by id. */
    public static final String ESCALATION_ORDER = "r.escalated_at desc, r.id";

    @Inject
    EntityManager entityManager;

    @Inject
    AccountVisibility visibility;

    public SubmissionRequest require(UUID id) {
        Page<SubmissionRequest> found = find("r.id = :id", "r.id", Map.of("id", id), new PageRequest(0, 1));
        if (found.items().isEmpty()) {
            throw ProblemException.notFound(Text.of("No existe el requerimiento " + id + ".",
                    "There is no request " + id + "."));
        }
        return found.items().get(0);
    }

    public Page<SubmissionRequest> list(String cycleId, UUID accountId, SubmissionRequest.Status status, PageRequest page) {
        StringBuilder where = new StringBuilder("true");
        Map<String, Object> parameters = new HashMap<>();
        if (cycleId != null) {
            where.append(" and r.cycle_id = :cycle");
            parameters.put("cycle", cycleId);
        }
        if (accountId != null) {
            where.append(" and r.account_id = :account");
            parameters.put("account", accountId);
        }
        if (status != null) {
            where.append(" and r.status = :status");
            parameters.put("status", status.name());
        }
        return find(where.toString(), REQUEST_ORDER, parameters, page);
    }

    public Page<SubmissionRequest> escalations(SubmissionRequest.Status status, PageRequest page) {
        // A withdrawn chain (an on-time submission that arrived late between services) is not an escalation.
        // Nor is a withdrawn request (CNCS withdrew it, or a baja did).
        String escalated = "r.escalated_at is not null and r.chain_withdrawn_at is null and r.status <> 'WITHDRAWN'";
        String where = status == null ? escalated : escalated + " and r.status = :status";
        Map<String, Object> parameters = status == null ? Map.of() : Map.of("status", status.name());
        return find(where, ESCALATION_ORDER, parameters, page);
    }

    @SuppressWarnings("unchecked")
    private Page<SubmissionRequest> find(String where, String orderBy, Map<String, Object> parameters, PageRequest page) {
        AreaSubtreeVisibility.Restriction restriction = visibility.requests("r.account_id");
        String condition = " from submission_request r where " + restriction.sql() + " and " + where;
        var count = entityManager.createNativeQuery("select count(*)" + condition);
        restriction.parameters().forEach(count::setParameter);
        parameters.forEach(count::setParameter);
        long total = ((Number) count.getSingleResult()).longValue();
        return page.of(total, () -> {
            var query = entityManager.createNativeQuery("select r.*" + condition + " order by " + orderBy, SubmissionRequest.class)
                    .setFirstResult(page.firstResult()).setMaxResults(page.size());
            restriction.parameters().forEach(query::setParameter);
            parameters.forEach(query::setParameter);
            return query.getResultList();
        });
    }

    public ProgressResponse progress(String cycleId) {
        ProgressResponse.Counts total = counts("true", cycleId).getOrDefault("", zero());
        return new ProgressResponse(cycleId, total, groups("area_level", cycleId), groups("area_code", cycleId));
    }

    private List<ProgressResponse.Group> groups(String column, String cycleId) {
        List<ProgressResponse.Group> groups = new ArrayList<>();
        counts(column, cycleId).forEach((key, counts) -> groups.add(new ProgressResponse.Group(key, counts)));
        groups.sort(java.util.Comparator.comparing(ProgressResponse.Group::key));
        return groups;
    }

    @SuppressWarnings("unchecked")
    private Map<String, ProgressResponse.Counts> counts(String groupBy, String cycleId) {
        AreaSubtreeVisibility.Restriction restriction = visibility.requests("r.account_id");
        String key = groupBy.equals("true") ? "''" : "r." + groupBy;
        var query = entityManager.createNativeQuery("""
                select %s as key, count(*) filter (where r.status <> 'WITHDRAWN'),
                       count(*) filter (where r.status = 'SUBMITTED'),
                       count(*) filter (where r.status = 'SUBMITTED' and not r.submitted_late),
                       count(*) filter (where r.status = 'SUBMITTED' and r.submitted_late),
                       count(*) filter (where r.status not in ('SUBMITTED', 'WITHDRAWN')),
                       count(*) filter (where r.status in ('OVERDUE', 'ESCALATED', 'REPORTED')),
                       count(*) filter (where r.status = 'WITHDRAWN')
                from submission_request r
                where r.cycle_id = :cycle and %s
                group by 1""".formatted(key, restriction.sql()));
        query.setParameter("cycle", cycleId);
        restriction.parameters().forEach(query::setParameter);
        Map<String, ProgressResponse.Counts> counts = new HashMap<>();
        for (Object[] row : (List<Object[]>) query.getResultList()) {
            counts.put((String) row[0], new ProgressResponse.Counts(number(row[1]), number(row[2]), number(row[3]),
                    number(row[4]), number(row[5]), number(row[6]), number(row[7])));
        }
        return counts;
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static ProgressResponse.Counts zero() {
        return new ProgressResponse.Counts(0, 0, 0, 0, 0, 0, 0);
    }
}
