package mx.ine.redes.evaluation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mx.ine.redes.evaluation.EvaluationCase;
import mx.ine.redes.evaluation.Recommendation;
import mx.ine.redes.evaluation.ReviewedAccount;
import mx.ine.redes.evaluation.notification.Audience;
import mx.ine.redes.evaluation.notification.Notice;
import mx.ine.redes.evaluation.notification.NoticeKind;
import mx.ine.redes.evaluation.notification.Notifier;
import mx.ine.redes.evaluation.scoring.AccountScore;
import mx.ine.redes.evaluation.scoring.Criterion;
import mx.ine.redes.evaluation.scoring.Rating;
import mx.ine.redes.evaluation.scoring.SubScore;

/**
 * What follows a completion, in its transaction: the act audited, the result (score, rating with its
 * justification if CNCS overrode it, each sub-score and each recommendation) sent to the account's
 * administrators ({@link NoticeKind#EVALUATION_COMPLETED}), and the proposed baja the rule yields
 * ({@link BajaProposals}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CompletionOutcomes {

    @Inject
    AuditTrail audit;

    @Inject
    Notifier notifier;

    @Inject
    BajaProposals bajaProposals;

    public void completed(EvaluationCase evaluation, AccountScore score, List<Recommendation> recommendations) {
        audit.record(AuditTrail.Act.of(evaluation.completedBy, "EVALUATION_COMPLETED", "EVALUATION", evaluation.id,
                        evaluation.accountId, evaluation.cycleId, evaluation.dueAt, "La CNCS concluyó la evaluación"
                                + (evaluation.late ? " fuera de su plazo" : "") + " con calificación " + evaluation.overallScore
                                + " y dictamen " + evaluation.rating + ".")
                .with("overallScore", String.valueOf(evaluation.overallScore)).with("rating", evaluation.rating)
                .with("computedRating", evaluation.computedRating).with("formulaVersion", evaluation.formulaVersion)
                .with("recommendations", String.valueOf(recommendations.size())));
        notifier.enqueue(Notice.to(Audience.ADMINISTRATORS, NoticeKind.EVALUATION_COMPLETED, evaluation.id, evaluation.accountId,
                values(evaluation, score, recommendations)));
        bajaProposals.proposeAtCompletion(evaluation, score, evaluation.completedBy);
    }

    /** The notice's values, already written for people (see NoticeTemplates). */
    static Map<String, String> values(EvaluationCase evaluation, AccountScore score, List<Recommendation> recommendations) {
        Map<String, String> values = new HashMap<>();
        ReviewedAccount account = ReviewedAccount.findById(evaluation.accountId);
        values.put("network", evaluation.network);
        values.put("handle", account != null ? account.handle : "");
        values.put("areaCode", evaluation.areaCode);
        values.put("cycle", evaluation.cycleId == null ? "" : evaluation.cycleId);
        values.put("overallScore", String.valueOf(evaluation.overallScore));
        values.put("rating", Rating.valueOf(evaluation.rating).spanishLabel());
        values.put("computedRating", Rating.valueOf(evaluation.computedRating).spanishLabel());
        if (evaluation.ratingJustification != null) {
            values.put("ratingJustification", evaluation.ratingJustification);
        }
        values.put("formulaVersion", evaluation.formulaVersion);
        StringBuilder subScores = new StringBuilder();
        for (Criterion criterion : Criterion.values()) {
            SubScore subScore = score.subScores().get(criterion);
            subScores.append("- ").append(criterion.spanishName()).append(": ")
                    .append(subScore != null && subScore.assessed() ? subScore.value() + " de 100"
                            : "no evaluado (faltaron cifras en la información entregada)")
                    .append('\n');
        }
        values.put("subScores", subScores.toString().stripTrailing());
        StringBuilder listed = new StringBuilder();
        int number = 1;
        for (Recommendation recommendation : recommendations) {
            listed.append(number++).append(". ").append(recommendation.category.label()).append(": ")
                    .append(recommendation.text).append(" (folio ").append(recommendation.id).append(")\n");
        }
        values.put("recommendations", listed.toString().stripTrailing());
        values.put("recommendationCount", String.valueOf(recommendations.size()));
        return values;
    }
}
