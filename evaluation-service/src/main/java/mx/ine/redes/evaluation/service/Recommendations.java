package mx.ine.redes.evaluation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import mx.ine.redes.evaluation.EvaluationCase;
import mx.ine.redes.evaluation.Recommendation;
import mx.ine.redes.evaluation.ReviewedAccount;
import mx.ine.redes.events.IssuedRecommendation;
import mx.ine.redes.events.RecommendationAttended;
import mx.ine.redes.support.outbox.EventPublisher;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.Text;
import mx.ine.redes.support.security.Caller;
import mx.ine.redes.support.security.Roles;

/**
 * Recommendations (Art. 6 III, Art. 7 II): CNCS makes them while the evaluation is open, they leave
 * with the result at completion, and each is settled once: ATTENDED by an administrator of the
 * account (with the answer) or NOT_ATTENDED by CNCS (with the reason), only once the evaluation is
 * completed. Each settlement publishes {@code RecommendationAttended}. Every act is audited.
 */
@ApplicationScoped
@Transactional
public class Recommendations {

    public static final int MAX_TEXT_LENGTH = 2000;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Inject
    EventPublisher events;

    @Inject
    AuditTrail audit;

    @Inject
    Caller caller;

    /** CNCS recommends, on an open evaluation (serialised with its completion by the case's lock). */
    public Recommendation make(UUID caseId, String requestedCategory, String requestedText, String actor) {
        Recommendation.Category category = validCategory(requestedCategory);
        String text = validText("text", requestedText);
        EvaluationCase evaluation = entityManager.find(EvaluationCase.class, caseId, LockModeType.PESSIMISTIC_WRITE);
        entityManager.refresh(evaluation);
        if (evaluation.status != EvaluationCase.Status.OPEN) {
            throw ProblemException.conflict(Text.of("La evaluación ya fue concluida el " + evaluation.completedAt
                            + ": las recomendaciones se hacen mientras está abierta y se envían al concluirla.",
                    "The evaluation was completed on " + evaluation.completedAt
                            + ": recommendations are made while it is open and sent when it is completed."));
        }
        Instant now = clock.instant();
        Recommendation recommendation = new Recommendation();
        recommendation.id = UUID.randomUUID();
        recommendation.caseId = evaluation.id;
        recommendation.accountId = evaluation.accountId;
        recommendation.cycleId = evaluation.cycleId;
        recommendation.areaCode = evaluation.areaCode;
        recommendation.category = category;
        recommendation.text = text;
        recommendation.status = Recommendation.Status.PENDING;
        recommendation.madeBy = actor;
        recommendation.madeAt = now;
        recommendation.persist();
        audit.record(AuditTrail.Act.of(actor, "RECOMMENDATION_MADE", "RECOMMENDATION", recommendation.id,
                        evaluation.accountId, evaluation.cycleId, null,
                        "La CNCS hizo una recomendación («" + category.label() + "») en la evaluación " + evaluation.id + ".")
                .with("evaluationId", evaluation.id.toString()).with("category", category.name()).with("text", text));
        return recommendation;
    }

    /** An administrator of the account answers it (Art. 7 II). The caller can see it: the resource checked. */
    public Recommendation answer(UUID id, String requestedAnswer) {
        String answer = validText("answer", requestedAnswer);
        Recommendation recommendation = lock(id);
        ReviewedAccount account = ReviewedAccount.findById(recommendation.accountId);
        String email = caller.email();
        boolean administers = caller.hasRole(Roles.ACCOUNT_ADMIN) && account != null && !email.isEmpty()
                && account.administratorEmails.stream().anyMatch(email::equalsIgnoreCase);
        if (!administers) {
            throw new ProblemException(403, Text.of("Sólo una persona administradora de la cuenta responde sus recomendaciones.",
                    "Only an administrator of the account answers its recommendations."), List.of());
        }
        requireSettleable(recommendation);
        return settle(recommendation, Recommendation.Status.ATTENDED, answer, email,
                "La persona administradora atendió la recomendación («" + recommendation.category.label() + "»).");
    }

    /** CNCS finds that the administrators did not attend it. */
    public Recommendation notAttended(UUID id, String requestedReason, String actor) {
        String reason = validText("reason", requestedReason);
        Recommendation recommendation = lock(id);
        requireSettleable(recommendation);
        return settle(recommendation, Recommendation.Status.NOT_ATTENDED, reason, actor,
                "La CNCS registró la recomendación («" + recommendation.category.label() + "») como no atendida.");
    }

    /** The recommendations of a case as {@code EvaluationCompleted} carries them. */
    public static List<IssuedRecommendation> issued(List<Recommendation> recommendations) {
        return recommendations.stream().map(r -> new IssuedRecommendation(r.id, r.category.name(), r.text)).toList();
    }

    private void requireSettleable(Recommendation recommendation) {
        EvaluationCase evaluation = entityManager.find(EvaluationCase.class, recommendation.caseId);
        if (evaluation.status != EvaluationCase.Status.COMPLETED) {
            throw ProblemException.conflict(Text.of("La evaluación aún no concluye: la recomendación se atiende una vez que se"
                            + " envía con el resultado.",
                    "The evaluation is not completed yet: a recommendation is attended once it is sent with the result."));
        }
        if (recommendation.status != Recommendation.Status.PENDING) {
            throw ProblemException.conflict(Text.of("La recomendación ya fue " + (recommendation.status
                            == Recommendation.Status.ATTENDED ? "atendida" : "registrada como no atendida") + " el "
                            + recommendation.settledAt + ".",
                    "The recommendation was already settled (" + recommendation.status + ") on " + recommendation.settledAt + "."));
        }
    }

    private Recommendation settle(Recommendation recommendation, Recommendation.Status status, String text, String actor,
                                  String summary) {
        Instant now = clock.instant();
        recommendation.status = status;
        if (status == Recommendation.Status.ATTENDED) {
            recommendation.answer = text;
        } else {
            recommendation.nonAttendanceReason = text;
        }
        recommendation.settledBy = actor;
        recommendation.settledAt = now;
        events.publish(new RecommendationAttended(recommendation.id, recommendation.caseId, recommendation.accountId,
                recommendation.cycleId, recommendation.areaCode, recommendation.category.name(), status.name(), text, actor,
                now));
        audit.record(AuditTrail.Act.of(actor, status == Recommendation.Status.ATTENDED ? "RECOMMENDATION_ANSWERED"
                                : "RECOMMENDATION_NOT_ATTENDED", "RECOMMENDATION", recommendation.id, recommendation.accountId,
                        recommendation.cycleId, null, summary)
                .with("evaluationId", recommendation.caseId.toString()).with(status == Recommendation.Status.ATTENDED
                        ? "answer" : "reason", text));
        return recommendation;
    }

    private Recommendation lock(UUID id) {
        Recommendation recommendation = entityManager.find(Recommendation.class, id, LockModeType.PESSIMISTIC_WRITE);
        entityManager.refresh(recommendation);
        return recommendation;
    }

    private static Recommendation.Category validCategory(String value) {
        String known = Arrays.stream(Recommendation.Category.values()).map(c -> c.name() + " (" + c.label() + ")")
                .collect(Collectors.joining(", "));
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid("category", Text.of("Falta la categoría. Indique una de: " + known + ".",
                    "The category is missing. Give one of: " + known + "."));
        }
        try {
            return Recommendation.Category.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("category", Text.of("Categoría no admitida: " + value + ". Indique una de: " + known
                    + ".", "Unknown category: " + value + ". Give one of: " + known + "."));
        }
    }

    private static String validText(String field, String value) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty() || text.length() > MAX_TEXT_LENGTH) {
            throw ProblemException.invalid(field, Text.of("Escriba un texto de 1 a " + MAX_TEXT_LENGTH + " caracteres.",
                    "Write a text of 1 to " + MAX_TEXT_LENGTH + " characters."));
        }
        return text;
    }
}
