package mx.ine.redes.evaluation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mx.ine.redes.evaluation.EvaluationCase;
import mx.ine.redes.evaluation.rest.BacklogResponse;
import mx.ine.redes.support.paging.Page;
import mx.ine.redes.support.paging.PageRequest;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.Text;
import mx.ine.redes.support.registry.AreaSubtreeVisibility;

/**
 * Reads of evaluation cases, each restricted by {@link AccountVisibility} as requests are (the
 * registry as it is now decides; a case one may not see is not found).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class EvaluationQueries {

    /** The order of {@code GET /api/evaluations}: the nearest term first, then by id (stable across pages). */
    public static final String CASE_ORDER = "c.due_at, c.id";

    @Inject
    EntityManager entityManager;

    @Inject
    AccountVisibility visibility;

    @Inject
    CalendarService calendar;

    @Inject
    Clock clock;

    public EvaluationCase require(UUID id) {
        Page<EvaluationCase> found = find("c.id = :id", Map.of("id", id), new PageRequest(0, 1));
        if (found.items().isEmpty()) {
            throw ProblemException.notFound(Text.of("No existe la evaluación " + id + ".", "There is no evaluation " + id + "."));
        }
        return found.items().get(0);
    }

    public Page<EvaluationCase> list(String cycleId, UUID accountId, EvaluationCase.Status status, Boolean late,
                                     Instant dueBefore, PageRequest page) {
        StringBuilder where = new StringBuilder("true");
        Map<String, Object> parameters = new HashMap<>();
        if (accountId != null) {
            where.append(" and c.account_id = :account");
            parameters.put("account", accountId);
        }
        if (cycleId != null) {
            where.append(" and c.cycle_id = :cycle");
            parameters.put("cycle", cycleId);
        }
        if (status != null) {
            where.append(" and c.status = :status");
            parameters.put("status", status.name());
        }
        if (late != null) {
            where.append(" and c.late = :late");
            parameters.put("late", late);
        }
        if (dueBefore != null) {
            where.append(" and c.due_at < :dueBefore");
            parameters.put("dueBefore", dueBefore);
        }
        return find(where.toString(), parameters, page);
    }

    /** The receipts of every version of a case, by version: the record that a correction did not restart the term. */
    @SuppressWarnings("unchecked")
    public List<Object[]> receipts(UUID caseId) {
        return entityManager.createNativeQuery("""
                        select version, submission_id, received_at, applied from evaluation_case_receipt
                        where case_id = :case order by version""")
                .setParameter("case", caseId).getResultList();
    }

    @SuppressWarnings("unchecked")
    private Page<EvaluationCase> find(String where, Map<String, Object> parameters, PageRequest page) {
        AreaSubtreeVisibility.Restriction restriction = visibility.requests("c.account_id");
        String condition = " from evaluation_case c where " + restriction.sql() + " and " + where;
        var count = entityManager.createNativeQuery("select count(*)" + condition);
        restriction.parameters().forEach(count::setParameter);
        parameters.forEach(count::setParameter);
        long total = ((Number) count.getSingleResult()).longValue();
        return page.of(total, () -> {
            var query = entityManager.createNativeQuery("select c.*" + condition + " order by " + CASE_ORDER, EvaluationCase.class)
                    .setFirstResult(page.firstResult()).setMaxResults(page.size());
            restriction.parameters().forEach(query::setParameter);
            parameters.forEach(query::setParameter);
            return query.getResultList();
        });
    }

    /**
     * The backlog as of now: open cases; open cases due within the close of the N-th business day
     * from now (term not yet passed); open cases past their term (marked late, or due and not yet
     * swept); and cases completed late — in total and per area level.
     */
    @SuppressWarnings("unchecked")
    public BacklogResponse backlog(String cycleId, int withinBusinessDays) {
        Instant now = clock.instant();
        Instant limit = calendar.calculator().afterBusinessDays(now, withinBusinessDays).dueAt();
        AreaSubtreeVisibility.Restriction restriction = visibility.requests("c.account_id");
        var query = entityManager.createNativeQuery("""
                select c.area_level,
                       count(*) filter (where c.status = 'OPEN'),
                       count(*) filter (where c.status = 'OPEN' and not c.late and c.due_at > :now and c.due_at <= :limit),
                       count(*) filter (where c.status = 'OPEN' and (c.late or c.due_at <= :now)),
                       count(*) filter (where c.status = 'COMPLETED' and c.late)
                from evaluation_case c
                where %s and (cast(:cycle as text) is null or c.cycle_id = :cycle)
                group by 1 order by 1""".formatted(restriction.sql()));
        query.setParameter("now", now).setParameter("limit", limit).setParameter("cycle", cycleId);
        restriction.parameters().forEach(query::setParameter);
        List<BacklogResponse.Level> levels = new ArrayList<>();
        long open = 0;
        long dueSoon = 0;
        long past = 0;
        long completedLate = 0;
        for (Object[] row : (List<Object[]>) query.getResultList()) {
            BacklogResponse.Counts counts = new BacklogResponse.Counts(number(row[1]), number(row[2]), number(row[3]),
                    number(row[4]));
            levels.add(new BacklogResponse.Level((String) row[0], counts));
            open += counts.open();
            dueSoon += counts.dueWithin();
            past += counts.pastTerm();
            completedLate += counts.completedLate();
        }
        return new BacklogResponse(now, withinBusinessDays, limit, new BacklogResponse.Counts(open, dueSoon, past, completedLate),
                levels);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
