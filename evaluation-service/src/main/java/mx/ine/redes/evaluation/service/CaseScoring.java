package mx.ine.redes.evaluation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import mx.ine.redes.evaluation.EvaluationCase;
import mx.ine.redes.evaluation.ReviewCycle;
import mx.ine.redes.evaluation.ReviewedAccount;
import mx.ine.redes.evaluation.scoring.AccountScore;
import mx.ine.redes.events.CycleIds;
import mx.ine.redes.evaluation.scoring.Scoring;
import mx.ine.redes.evaluation.scoring.ScoringInput;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.Text;

/**
 * The provisional score of an evaluation case (Art. 13): the cycle's cases are scored together with
 * the current formula, so that each account is ranked against its peers (same network and level in
 * the same cycle); the history is the account's case of the previous cycle; dormancy is the
 * registry's last publication more than 365 days before today. Nothing is stored: completion (a
 * later slice of issue 12) records the score and publishes {@code EvaluationCompleted}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CaseScoring {

    static final int DORMANT_AFTER_DAYS = 365;

    @Inject
    EntityManager entityManager;

    @Inject
    Scoring scoring;

    @Inject
    Clock clock;

    @Inject
    mx.ine.redes.evaluation.config.CalendarConfig calendarConfig;

    /** The case's score among its cycle's cases. */
    public AccountScore score(EvaluationCase target) {
        if (target.cycleId == null) {
            throw ProblemException.unprocessable(Text.of("Sólo se califica la evaluación de un ciclo semestral; un requerimiento "
                    + "específico (Art. 12) no tiene pares con qué compararse.", "Only a semester cycle's evaluation is scored; an ad hoc "
                    + "request (Art. 12) has no peers to compare with."), List.of());
        }
        ReviewCycle cycle = entityManager.find(ReviewCycle.class, target.cycleId);
        if (cycle == null) {
            throw ProblemException.unprocessable(Text.of("Este servicio no conoce el ciclo " + target.cycleId + ".",
                    "This service does not know cycle " + target.cycleId + "."), List.of());
        }
        List<EvaluationCase> cases = entityManager.createQuery("from EvaluationCase where cycleId = :cycle", EvaluationCase.class)
                .setParameter("cycle", target.cycleId).getResultList();
        Map<UUID, Long> previousFollowers = previousFollowers(target.cycleId);
        Map<UUID, LocalDate> lastPublications = lastPublications(cases);
        LocalDate today = LocalDate.ofInstant(clock.instant(), calendarConfig.zone());
        List<ScoringInput> inputs = new ArrayList<>(cases.size());
        for (EvaluationCase evaluation : cases) {
            LocalDate last = lastPublications.get(evaluation.accountId);
            boolean dormant = last != null && last.plusDays(DORMANT_AFTER_DAYS).isBefore(today);
            inputs.add(new ScoringInput(evaluation.accountId, evaluation.network, evaluation.areaLevel, evaluation.figures,
                    cycle.periodStart, cycle.periodEnd, previousFollowers.get(evaluation.accountId), dormant));
        }
        return scoring.scoreCycle(inputs).stream().filter(score -> score.accountId().equals(target.accountId)).findFirst()
                .orElseThrow();
    }

    /** Followers each account reported in the previous cycle (G on X, else followers at the end). */
    private Map<UUID, Long> previousFollowers(String cycleId) {
        Map<UUID, Long> followers = new HashMap<>();
        CycleIds.previous(cycleId).ifPresent(previous -> entityManager.createQuery(
                        "from EvaluationCase where cycleId = :cycle", EvaluationCase.class)
                .setParameter("cycle", previous).getResultList()
                .forEach(evaluation -> {
                    Long reported = evaluation.figures.getOrDefault("followers", evaluation.figures.get("followersAtEnd"));
                    if (reported != null) {
                        followers.put(evaluation.accountId, reported);
                    }
                }));
        return followers;
    }

    private Map<UUID, LocalDate> lastPublications(List<EvaluationCase> cases) {
        Map<UUID, LocalDate> last = new HashMap<>();
        if (cases.isEmpty()) {
            return last;
        }
        entityManager.createQuery("from ReviewedAccount where accountId in :ids", ReviewedAccount.class)
                .setParameter("ids", cases.stream().map(c -> c.accountId).toList()).getResultList()
                .forEach(account -> {
                    if (account.lastPublicationOn != null) {
                        last.put(account.accountId, account.lastPublicationOn);
                    }
                });
        return last;
    }
}
