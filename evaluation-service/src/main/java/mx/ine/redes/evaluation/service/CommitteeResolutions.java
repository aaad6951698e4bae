package mx.ine.redes.evaluation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import mx.ine.redes.evaluation.CommitteeItem;
import mx.ine.redes.evaluation.CommitteeResolution;
import mx.ine.redes.evaluation.ReviewCycle;
import mx.ine.redes.evaluation.config.CalendarConfig;
import mx.ine.redes.evaluation.rest.CommitteeResolutionRequest;
import mx.ine.redes.events.CommitteeResolutionRecorded;
import mx.ine.redes.support.outbox.EventPublisher;
import mx.ine.redes.support.paging.Page;
import mx.ine.redes.support.paging.PageRequest;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.Text;
import mx.ine.redes.support.registry.AreaSubtreeVisibility;

/**
 * The Committee's resolutions (Art. 4, Art. 8): on a cycle's report or on one of its
 * non-compliance items — received, agreed or instructed, with the text and the session's date.
 * Recording one publishes {@code CommitteeResolutionRecorded}, marks its item RESOLVED and is an
 * audited act, in one transaction. Reads follow {@link AccountVisibility} by the item's account
 * (a report's resolutions concern no account: only those who see everything read them).
 */
@ApplicationScoped
@Transactional
public class CommitteeResolutions {

    /** The order of {@code GET /api/committee/resolutions}: by the session's date, then when recorded, then id. */
    public static final String RESOLUTION_ORDER = "r.resolved_on, r.recorded_at, r.id";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d 'de' MMMM 'de' yyyy", Locale.forLanguageTag("es-MX"));

    @Inject
    Clock clock;

    @Inject
    CalendarConfig calendarConfig;

    @Inject
    EntityManager entityManager;

    @Inject
    EventPublisher events;

    @Inject
    AuditTrail audit;

    @Inject
    CommitteeItems items;

    @Inject
    AccountVisibility visibility;

    public CommitteeResolution record(CommitteeResolutionRequest request, String actor) {
        boolean onItem = request.subjectKind() == CommitteeResolution.SubjectKind.NON_COMPLIANCE_ITEM;
        LocalDate today = LocalDate.ofInstant(clock.instant(), calendarConfig.zone());
        List<ProblemException.Violation> wrong = new ArrayList<>();
        if (onItem && request.subjectId() == null) {
            wrong.add(ProblemException.Violation.field("subjectId", Text.of(
                    "Indique el requerimiento u observación informado al Comité sobre el que resuelve.",
                    "Name the request or observation reported to the Committee that the resolution is on.")));
        }
        if (!onItem && request.subjectId() != null) {
            wrong.add(ProblemException.Violation.field("subjectId", Text.of(
                    "Una resolución sobre el informe no lleva subjectId: resuelve sobre el informe del ciclo.",
                    "A resolution on the report has no subjectId: it is on the cycle's report.")));
        }
        if (request.resolvedOn().isAfter(today)) {
            wrong.add(ProblemException.Violation.field("resolvedOn", Text.of(
                    "La fecha de la sesión no puede ser posterior a hoy (" + DAY.format(today) + ", hora del centro de México).",
                    "The session's date cannot be after today (" + today + ", Mexico City time).")));
        }
        if (!wrong.isEmpty()) {
            throw ProblemException.invalid(Text.of("La resolución no es válida; no se registró.",
                    "The resolution is not valid; it was not recorded."), wrong);
        }
        String cycleId = request.cycleId().strip().toUpperCase(Locale.ROOT);
        ReviewCycle cycle = ReviewCycle.<ReviewCycle>findByIdOptional(cycleId).orElseThrow(() -> ProblemException.unprocessable(
                Text.of("No existe el ciclo " + cycleId + ".", "There is no cycle " + cycleId + "."),
                List.of(ProblemException.Violation.field("cycleId", Text.of("No es un ciclo abierto.", "Not an opened cycle.")))));
        CommitteeItem item = onItem ? lockedItem(request.subjectId(), cycleId) : null;
        LocalDate dependsOn = LocalDate.ofInstant(item != null ? item.reportedAt : cycle.openedAt, calendarConfig.zone());
        if (request.resolvedOn().isBefore(dependsOn)) {
            throw ProblemException.invalid("resolvedOn", item != null
                    ? Text.of("El asunto se informó al Comité el " + DAY.format(dependsOn) + "; la sesión no puede ser anterior.",
                            "The item was reported to the Committee on " + dependsOn + "; the session cannot be earlier.")
                    : Text.of("El ciclo " + cycleId + " se abrió el " + DAY.format(dependsOn) + "; la sesión no puede ser anterior.",
                            "Cycle " + cycleId + " was opened on " + dependsOn + "; the session cannot be earlier."));
        }
        CommitteeResolution resolution = new CommitteeResolution();
        resolution.id = UUID.randomUUID();
        resolution.cycleId = cycleId;
        resolution.subjectKind = request.subjectKind();
        resolution.subjectId = item == null ? null : item.subjectId;
        resolution.itemId = item == null ? null : item.id;
        resolution.accountId = item == null ? null : item.accountId;
        resolution.areaCode = item == null ? null : item.areaCode;
        resolution.resolution = request.resolution();
        resolution.text = request.text().strip();
        resolution.resolvedOn = request.resolvedOn();
        resolution.recordedBy = actor;
        resolution.recordedAt = clock.instant();
        resolution.persist();
        if (item != null && item.status == CommitteeItem.Status.OPEN) {
            item.status = CommitteeItem.Status.RESOLVED;
        }
        events.publish(new CommitteeResolutionRecorded(resolution.id, cycleId, resolution.subjectKind.name(), resolution.subjectId,
                resolution.accountId, resolution.areaCode, resolution.resolution.name(), resolution.text, resolution.resolvedOn,
                actor, resolution.recordedAt));
        audit.record(new AuditTrail.Act(actor, "COMMITTEE_RESOLUTION_RECORDED", "COMMITTEE_RESOLUTION", resolution.id.toString(),
                resolution.accountId, cycleId, null, "Resolución del Comité (" + spanish(resolution.resolution) + ", sesión del "
                        + DAY.format(resolution.resolvedOn) + ") sobre " + (item == null ? "el informe del ciclo " + cycleId
                        : "el incumplimiento: " + item.unattended), Map.of("subjectKind", resolution.subjectKind.name(),
                "resolution", resolution.resolution.name(), "resolvedOn", resolution.resolvedOn.toString()))
                .with("subjectId", item == null ? null : item.subjectId.toString()));
        return resolution;
    }

    /** The item reported about {@code subjectId}, under its lock (a withdrawal may be deciding on it): 422 if none, 409 if withdrawn. */
    private CommitteeItem lockedItem(UUID subjectId, String cycleId) {
        CommitteeItem item = items.ofSubject(subjectId)
                .map(found -> entityManager.find(CommitteeItem.class, found.id, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> ProblemException.unprocessable(Text.of(
                        "Nada de " + subjectId + " fue informado al Comité como incumplimiento.",
                        "Nothing of " + subjectId + " was reported to the Committee as a non-compliance."),
                        List.of(ProblemException.Violation.field("subjectId", Text.of(
                                "No es un incumplimiento informado al Comité.", "Not a non-compliance reported to the Committee.")))));
        entityManager.refresh(item);
        if (item.cycleId != null && !item.cycleId.equals(cycleId)) {
            throw ProblemException.unprocessable(Text.of("El incumplimiento " + subjectId + " es del ciclo " + item.cycleId
                            + ", no del " + cycleId + ".", "Non-compliance " + subjectId + " belongs to cycle " + item.cycleId
                            + ", not " + cycleId + "."),
                    List.of(ProblemException.Violation.field("cycleId", Text.of("No es el ciclo del incumplimiento.",
                            "Not the non-compliance's cycle."))));
        }
        if (item.status == CommitteeItem.Status.WITHDRAWN) {
            throw ProblemException.conflict(Text.of("El incumplimiento " + subjectId + " fue retirado el "
                            + DAY.format(LocalDate.ofInstant(item.withdrawnAt, calendarConfig.zone()))
                            + " (la información se había recibido a tiempo); ya no se resuelve.",
                    "Non-compliance " + subjectId + " was withdrawn at " + item.withdrawnAt
                            + " (the information had been received on time); it is no longer resolved."),
                    List.of(ProblemException.Violation.field("subjectId", Text.of("Incumplimiento retirado.",
                            "Withdrawn non-compliance."))));
        }
        return item;
    }

    /** One resolution the caller may see, or 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CommitteeResolution require(UUID id) {
        Page<CommitteeResolution> found = find("r.id = :id", Map.of("id", id), new PageRequest(0, 1));
        if (found.items().isEmpty()) {
            throw ProblemException.notFound(Text.of("No existe la resolución " + id + ".", "There is no resolution " + id + "."));
        }
        return found.items().get(0);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CommitteeResolution> list(String cycleId, UUID subjectId, PageRequest page) {
        StringBuilder where = new StringBuilder("true");
        Map<String, Object> parameters = new HashMap<>();
        if (cycleId != null) {
            where.append(" and r.cycle_id = :cycle");
            parameters.put("cycle", cycleId);
        }
        if (subjectId != null) {
            where.append(" and r.subject_id = :subject");
            parameters.put("subject", subjectId);
        }
        return find(where.toString(), parameters, page);
    }

    /** The resolutions on each of these items, in {@link #RESOLUTION_ORDER} (the items were already read under visibility). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, List<CommitteeResolution>> onItems(Collection<UUID> itemIds) {
        Map<UUID, List<CommitteeResolution>> byItem = new LinkedHashMap<>();
        if (itemIds.isEmpty()) {
            return byItem;
        }
        CommitteeResolution.<CommitteeResolution>find("itemId in ?1 order by resolvedOn, recordedAt, id", itemIds).list()
                .forEach(resolution -> byItem.computeIfAbsent(resolution.itemId, id -> new ArrayList<>()).add(resolution));
        return byItem;
    }

    @SuppressWarnings("unchecked")
    private Page<CommitteeResolution> find(String where, Map<String, Object> parameters, PageRequest page) {
        AreaSubtreeVisibility.Restriction restriction = visibility.requests("r.account_id");
        String condition = " from committee_resolution r where " + restriction.sql() + " and " + where;
        var count = entityManager.createNativeQuery("select count(*)" + condition);
        restriction.parameters().forEach(count::setParameter);
        parameters.forEach(count::setParameter);
        long total = ((Number) count.getSingleResult()).longValue();
        return page.of(total, () -> {
            var query = entityManager.createNativeQuery("select r.*" + condition + " order by " + RESOLUTION_ORDER,
                    CommitteeResolution.class).setFirstResult(page.firstResult()).setMaxResults(page.size());
            restriction.parameters().forEach(query::setParameter);
            parameters.forEach(query::setParameter);
            return query.getResultList();
        });
    }

    private static String spanish(CommitteeResolution.Kind kind) {
        return switch (kind) {
            case RECEIVED -> "se tiene por recibido";
            case AGREED -> "acuerdo";
            case INSTRUCTED -> "instrucción";
        };
    }

    /** When a resolution's session was, as people write it ("3 de octubre de 2027"). */
    public static String sessionDay(LocalDate day) {
        return DAY.format(day);
    }
}
