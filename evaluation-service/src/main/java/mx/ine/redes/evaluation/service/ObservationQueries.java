package mx.ine.redes.evaluation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mx.ine.redes.evaluation.Observation;
import mx.ine.redes.support.paging.Page;
import mx.ine.redes.support.paging.PageRequest;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.ProblemException.Violation;
import mx.ine.redes.support.problem.Text;
import mx.ine.redes.support.registry.AreaSubtreeVisibility;

/** Reads of observations, each restricted by {@link AccountVisibility} as requests are. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ObservationQueries {

    /** The order of {@code GET /api/observations}: the newest issued first, then by id. */
    public static final String ORDER = "o.issued_at desc, o.id";

    @Inject
    EntityManager entityManager;

    @Inject
    AccountVisibility visibility;

    public Observation require(UUID id) {
        Page<Observation> found = find("o.id = :id", Map.of("id", id), new PageRequest(0, 1));
        if (found.items().isEmpty()) {
            throw ObservationService.notFound(id);
        }
        return found.items().get(0);
    }

    public Page<Observation> list(UUID evaluationId, UUID accountId, String cycleId, Observation.Status status, PageRequest page) {
        StringBuilder where = new StringBuilder("true");
        Map<String, Object> parameters = new HashMap<>();
        if (evaluationId != null) {
            where.append(" and o.evaluation_id = :evaluation");
            parameters.put("evaluation", evaluationId);
        }
        if (accountId != null) {
            where.append(" and o.account_id = :account");
            parameters.put("account", accountId);
        }
        if (cycleId != null) {
            where.append(" and o.cycle_id = :cycle");
            parameters.put("cycle", cycleId);
        }
        if (status != null) {
            where.append(" and o.status = :status");
            parameters.put("status", status.name());
        }
        return find(where.toString(), parameters, page);
    }

    @SuppressWarnings("unchecked")
    private Page<Observation> find(String where, Map<String, Object> parameters, PageRequest page) {
        AreaSubtreeVisibility.Restriction restriction = visibility.requests("o.account_id");
        String condition = " from observation o where " + restriction.sql() + " and " + where;
        var count = entityManager.createNativeQuery("select count(*)" + condition);
        restriction.parameters().forEach(count::setParameter);
        parameters.forEach(count::setParameter);
        long total = ((Number) count.getSingleResult()).longValue();
        return page.of(total, () -> {
            var query = entityManager.createNativeQuery("select o.*" + condition + " order by " + ORDER, Observation.class)
                    .setFirstResult(page.firstResult()).setMaxResults(page.size());
            restriction.parameters().forEach(query::setParameter);
            parameters.forEach(query::setParameter);
            return query.getResultList();
        });
    }

    /**
     * Completion waits for every observation of the case that is still open: issued, answered
     * without CNCS's decision, overdue or escalated. 409 naming each, with its status and deadline.
     */
    static void refuseCompletionWhileOpen(UUID evaluationId) {
        List<Observation> open = Observation.ofEvaluation(evaluationId).stream()
                .filter(o -> o.status.blocksCompletion()).toList();
        if (open.isEmpty()) {
            return;
        }
        String named = open.stream().map(o -> o.id + " (" + o.status.name() + ", fecha límite " + o.dueAt + ")")
                .collect(java.util.stream.Collectors.joining("; "));
        String namedEnglish = open.stream().map(o -> o.id + " (" + o.status.name() + ", deadline " + o.dueAt + ")")
                .collect(java.util.stream.Collectors.joining("; "));
        throw ProblemException.conflict(Text.of("La evaluación no puede concluirse mientras tenga observaciones abiertas: "
                        + named + ". Resuélvalas o deles seguimiento.", "The evaluation cannot be completed while it has open"
                        + " observations: " + namedEnglish + ". Resolve or follow them up."),
                open.stream().map(o -> Violation.field("observations", Text.of("Abierta: " + o.id + " (" + o.status.name()
                        + ", fecha límite " + o.dueAt + ").", "Open: " + o.id + " (" + o.status.name() + ", deadline "
                        + o.dueAt + ")."))).toList());
    }
}
