package mx.ine.redes.evaluation.service;

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
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.security.Caller;
import mx.ine.redes.support.security.Roles;

/**
 * Reads of requests with object-level visibility, following the registry as it is now (the
 * projection {@code reviewed_account}, not the copy taken when the request was issued): CNCS and
 * the read-only roles see all; an area head sees the requests of the accounts of their area and of
 * every area below it; an administrator those of the accounts they administer now. Anything else
 * is not found.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RequestQueries {

    @Inject
    EntityManager entityManager;

    @Inject
    Caller caller;

    private record Restriction(String sql, Map<String, Object> parameters) {
    }

    private Restriction restriction() {
        if (caller.hasRole(Roles.CNCS) || caller.hasRole(Roles.COMMITTEE) || caller.hasRole(Roles.TRANSPARENCY)
                || caller.hasRole(Roles.INTEGRATION)) {
            return new Restriction("true", Map.of());
        }
        StringBuilder sql = new StringBuilder("exists (select 1 from reviewed_account a where a.account_id = r.account_id and (false");
        Map<String, Object> parameters = new HashMap<>();
        if (caller.hasRole(Roles.AREA_HEAD)) {
            sql.append(" or a.head_email = :visibilityEmail"
                    + " or a.ancestors @> jsonb_build_array(jsonb_build_object('headEmail', cast(:visibilityEmail as text)))");
            parameters.put("visibilityEmail", caller.email());
        }
        if (caller.hasRole(Roles.ACCOUNT_ADMIN)) {
            sql.append(" or a.administrator_emails @> jsonb_build_array(cast(:visibilityAdmin as text))");
            parameters.put("visibilityAdmin", caller.email());
        }
        return new Restriction(sql.append("))").toString(), parameters);
    }

    public SubmissionRequest require(UUID id) {
        List<SubmissionRequest> found = find("r.id = :id", "r.id", Map.of("id", id), 1, 0);
        if (found.isEmpty()) {
            throw ProblemException.notFound("No existe el requerimiento " + id + ".");
        }
        return found.get(0);
    }

    public List<SubmissionRequest> list(String cycleId, UUID accountId, SubmissionRequest.Status status, int page, int size) {
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
        return find(where.toString(), "r.issued_at desc, r.id", parameters, size, page * size);
    }

    public List<SubmissionRequest> escalations(SubmissionRequest.Status status) {
        // A withdrawn chain (an on-time submission that arrived late between services) is not an escalation.
        String where = status == null ? "r.escalated_at is not null and r.chain_withdrawn_at is null"
                : "r.escalated_at is not null and r.chain_withdrawn_at is null and r.status = :status";
        Map<String, Object> parameters = status == null ? Map.of() : Map.of("status", status.name());
        return find(where, "r.escalated_at desc, r.id", parameters, 1000, 0);
    }

    @SuppressWarnings("unchecked")
    private List<SubmissionRequest> find(String where, String orderBy, Map<String, Object> parameters, int limit, int offset) {
        Restriction restriction = restriction();
        var query = entityManager.createNativeQuery("select r.* from submission_request r where " + restriction.sql()
                + " and " + where + " order by " + orderBy + " limit " + limit + " offset " + offset, SubmissionRequest.class);
        restriction.parameters().forEach(query::setParameter);
        parameters.forEach(query::setParameter);
        return query.getResultList();
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
        Restriction restriction = restriction();
        String key = groupBy.equals("true") ? "''" : "r." + groupBy;
        var query = entityManager.createNativeQuery("""
                select %s as key, count(*),
                       count(*) filter (where r.status = 'SUBMITTED'),
                       count(*) filter (where r.status = 'SUBMITTED' and not r.submitted_late),
                       count(*) filter (where r.status = 'SUBMITTED' and r.submitted_late),
                       count(*) filter (where r.status <> 'SUBMITTED'),
                       count(*) filter (where r.status in ('OVERDUE', 'ESCALATED', 'REPORTED'))
                from submission_request r
                where r.cycle_id = :cycle and %s
                group by 1""".formatted(key, restriction.sql()));
        query.setParameter("cycle", cycleId);
        restriction.parameters().forEach(query::setParameter);
        Map<String, ProgressResponse.Counts> counts = new HashMap<>();
        for (Object[] row : (List<Object[]>) query.getResultList()) {
            counts.put((String) row[0], new ProgressResponse.Counts(number(row[1]), number(row[2]), number(row[3]),
                    number(row[4]), number(row[5]), number(row[6])));
        }
        return counts;
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static ProgressResponse.Counts zero() {
        return new ProgressResponse.Counts(0, 0, 0, 0, 0, 0);
    }
}
