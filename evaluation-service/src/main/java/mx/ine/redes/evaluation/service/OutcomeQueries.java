package mx.ine.redes.evaluation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mx.ine.redes.evaluation.BajaProposal;
import mx.ine.redes.evaluation.EvaluationCase;
import mx.ine.redes.evaluation.Recommendation;
import mx.ine.redes.events.CycleIds;
import mx.ine.redes.support.paging.Page;
import mx.ine.redes.support.paging.PageRequest;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.Text;
import mx.ine.redes.support.registry.AreaSubtreeVisibility;

/**
 * Reads of what evaluations yield — recommendations and proposed bajas — each restricted by
 * {@link AccountVisibility} as evaluations are (one that may not be seen is not found).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OutcomeQueries {

    /** The order of {@code GET /api/recommendations}: the oldest made first, then by id. */
    public static final String RECOMMENDATION_ORDER = "r.made_at, r.id";

    /** The order of {@code GET /api/baja-proposals}: the oldest proposed first, then by id. */
    public static final String PROPOSAL_ORDER = "p.proposed_at, p.id";

    @Inject
    EntityManager entityManager;

    @Inject
    AccountVisibility visibility;

    public Recommendation requireRecommendation(UUID id) {
        Page<Recommendation> found = recommendations("r.id = :id", Map.of("id", id), new PageRequest(0, 1));
        if (found.items().isEmpty()) {
            throw ProblemException.notFound(Text.of("No existe la recomendación " + id + ".", "There is no recommendation " + id + "."));
        }
        return found.items().get(0);
    }

    public Page<Recommendation> recommendations(UUID accountId, String cycleId, UUID caseId, Recommendation.Status status,
                                                PageRequest page) {
        StringBuilder where = new StringBuilder("true");
        Map<String, Object> parameters = new HashMap<>();
        if (accountId != null) {
            where.append(" and r.account_id = :account");
            parameters.put("account", accountId);
        }
        if (cycleId != null) {
            where.append(" and r.cycle_id = :cycle");
            parameters.put("cycle", cycleId);
        }
        if (caseId != null) {
            where.append(" and r.case_id = :case");
            parameters.put("case", caseId);
        }
        if (status != null) {
            where.append(" and r.status = :status");
            parameters.put("status", status.name());
        }
        return recommendations(where.toString(), parameters, page);
    }

    /**
     * The recommendations of the same account's evaluation of the previous semester cycle
     * ({@link CycleIds#previous}), with their status and answer: what this evaluation follows up. The
     * caller sees the case, so sees its account.
     */
    public List<Recommendation> previousRecommendations(EvaluationCase evaluation) {
        return CycleIds.previous(evaluation.cycleId).map(previous -> entityManager.createQuery("""
                        select r from Recommendation r, EvaluationCase c
                        where r.caseId = c.id and c.accountId = :account and c.cycleId = :cycle
                        order by r.madeAt, r.id""", Recommendation.class)
                .setParameter("account", evaluation.accountId).setParameter("cycle", previous)
                .getResultList()).orElse(List.of());
    }

    public BajaProposal requireProposal(UUID id) {
        Page<BajaProposal> found = proposals("p.id = :id", Map.of("id", id), new PageRequest(0, 1));
        if (found.items().isEmpty()) {
            throw ProblemException.notFound(Text.of("No existe la propuesta de baja " + id + ".",
                    "There is no proposed baja " + id + "."));
        }
        return found.items().get(0);
    }

    public Page<BajaProposal> proposals(String cycleId, BajaProposal.Status status, PageRequest page) {
        StringBuilder where = new StringBuilder("true");
        Map<String, Object> parameters = new HashMap<>();
        if (cycleId != null) {
            where.append(" and p.cycle_id = :cycle");
            parameters.put("cycle", cycleId);
        }
        if (status != null) {
            where.append(" and p.status = :status");
            parameters.put("status", status.name());
        }
        return proposals(where.toString(), parameters, page);
    }

    private Page<Recommendation> recommendations(String where, Map<String, Object> parameters, PageRequest page) {
        return find("recommendation r", "r", RECOMMENDATION_ORDER, Recommendation.class, where, parameters, page);
    }

    private Page<BajaProposal> proposals(String where, Map<String, Object> parameters, PageRequest page) {
        return find("baja_proposal p", "p", PROPOSAL_ORDER, BajaProposal.class, where, parameters, page);
    }

    @SuppressWarnings("unchecked")
    private <T> Page<T> find(String table, String alias, String order, Class<T> type, String where,
                             Map<String, Object> parameters, PageRequest page) {
        AreaSubtreeVisibility.Restriction restriction = visibility.requests(alias + ".account_id");
        String condition = " from " + table + " where " + restriction.sql() + " and " + where;
        var count = entityManager.createNativeQuery("select count(*)" + condition);
        restriction.parameters().forEach(count::setParameter);
        parameters.forEach(count::setParameter);
        long total = ((Number) count.getSingleResult()).longValue();
        return page.of(total, () -> {
            var query = entityManager.createNativeQuery("select " + alias + ".*" + condition + " order by " + order, type)
                    .setFirstResult(page.firstResult()).setMaxResults(page.size());
            restriction.parameters().forEach(query::setParameter);
            parameters.forEach(query::setParameter);
            return (List<T>) query.getResultList();
        });
    }
}
