package mx.ine.redes.evaluation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import mx.ine.redes.evaluation.CommitteeItem;
import mx.ine.redes.evaluation.ReviewedAccount;
import mx.ine.redes.evaluation.CommitteeItem.SubjectKind;
import mx.ine.redes.support.paging.Page;
import mx.ine.redes.support.paging.PageRequest;
import mx.ine.redes.support.registry.AreaSubtreeVisibility;

/**
 * The Committee's non-compliance items (Art. 15, issue 12): whatever is reported to the Committee
 * registers one here, <b>in the transaction that reports it</b> — {@code RequestService.reportToCommittee}
 * for a request; the observation's own report for an observation:
 *
 * <pre>{@code
 * committeeItems.register(SubjectKind.OBSERVATION, observation.id, observation.accountId, observation.cycleId,
 *         observation.areaCode, now, new CommitteeItems.Chain("Observación: …", observation.dueAt,
 *         observation.escalatedAt, observation.escalatedToEmail, observation.headNoticeSentAt, observation.attendBy));
 * }</pre>
 *
 * and, when that chain is withdrawn ({@code EscalationWithdrawn} with {@code wasReportedToCommittee}),
 * {@link #withdraw} in the same transaction: the item stays, {@code WITHDRAWN}, and no longer counts.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CommitteeItems {

    /** The order of {@code GET /api/committee/items}: the earliest reported first, then by id. */
    public static final String ITEM_ORDER = "i.reported_at, i.id";

    /**
     * What was not attended and the dates of its chain, as they stand when it is reported: the deadline
     * missed, when it was escalated, to whom (the head's e-mail), when the head's notice left and the
     * head's term. Any of the instants may be null.
     */
    public record Chain(String unattended, Instant dueAt, Instant escalatedAt, String escalatedTo, Instant headNotifiedAt,
                        Instant attendBy) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    AccountVisibility visibility;

    /** Registers an item with no chain described (only what the kind says); prefer the overload with a {@link Chain}. */
    public CommitteeItem register(SubjectKind subjectKind, UUID subjectId, UUID accountId, String cycleId, String areaCode,
                                  Instant reportedAt) {
        return register(subjectKind, subjectId, accountId, cycleId, areaCode, reportedAt,
                new Chain(subjectKind == SubjectKind.REQUEST ? "Requerimiento de estadísticas" : "Observación",
                        null, null, null, null, null));
    }

    /**
     * Registers the item of a subject reported to the Committee, OPEN. A subject has one item: reported
     * again (a replayed timer), the existing item is answered unchanged.
     */
    public CommitteeItem register(SubjectKind subjectKind, UUID subjectId, UUID accountId, String cycleId, String areaCode,
                                  Instant reportedAt, Chain chain) {
        Optional<CommitteeItem> existing = ofSubject(subjectId);
        if (existing.isPresent()) {
            return existing.get();
        }
        CommitteeItem item = new CommitteeItem();
        item.id = UUID.randomUUID();
        item.subjectKind = subjectKind;
        item.subjectId = subjectId;
        item.accountId = accountId;
        item.cycleId = cycleId;
        item.areaCode = areaCode;
        item.reportedAt = reportedAt;
        item.status = CommitteeItem.Status.OPEN;
        item.unattended = chain.unattended();
        item.dueAt = chain.dueAt();
        item.escalatedAt = chain.escalatedAt();
        item.escalatedTo = chain.escalatedTo();
        item.headNotifiedAt = chain.headNotifiedAt();
        item.attendBy = chain.attendBy();
        item.persist();
        return item;
    }

    /** The chain of a reported subject was withdrawn: its item no longer counts. Nothing if it has none. */
    public void withdraw(UUID subjectId, Instant withdrawnAt) {
        // Under the item's lock: a resolution being recorded on it either commits first or sees it withdrawn.
        ofSubject(subjectId).map(found -> entityManager.find(CommitteeItem.class, found.id, LockModeType.PESSIMISTIC_WRITE))
                .map(item -> {
                    entityManager.refresh(item);
                    return item;
                })
                .filter(item -> item.status != CommitteeItem.Status.WITHDRAWN).ifPresent(item -> {
                    item.status = CommitteeItem.Status.WITHDRAWN;
                    item.withdrawnAt = withdrawnAt;
                });
    }

    /** The accounts of a page of items, as the registry has them now (network, handle). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, ReviewedAccount> accountsOf(Collection<UUID> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        return ReviewedAccount.<ReviewedAccount>list("accountId in ?1", accountIds).stream()
                .collect(Collectors.toMap(account -> account.accountId, Function.identity()));
    }

    /** The item of a subject, if it was reported. */
    public Optional<CommitteeItem> ofSubject(UUID subjectId) {
        return CommitteeItem.find("subjectId", subjectId).firstResultOptional();
    }

    /** The items the caller may see (by their account, {@link AccountVisibility}), filtered, in {@link #ITEM_ORDER}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public Page<CommitteeItem> list(String cycleId, String areaCode, CommitteeItem.Status status, PageRequest page) {
        AreaSubtreeVisibility.Restriction restriction = visibility.requests("i.account_id");
        StringBuilder where = new StringBuilder(" from committee_item i where " + restriction.sql());
        Map<String, Object> parameters = new HashMap<>(restriction.parameters());
        if (cycleId != null) {
            where.append(" and i.cycle_id = :cycle");
            parameters.put("cycle", cycleId);
        }
        if (areaCode != null) {
            where.append(" and i.area_code = :area");
            parameters.put("area", areaCode);
        }
        if (status != null) {
            where.append(" and i.status = :status");
            parameters.put("status", status.name());
        }
        var count = entityManager.createNativeQuery("select count(*)" + where);
        parameters.forEach(count::setParameter);
        long total = ((Number) count.getSingleResult()).longValue();
        return page.of(total, () -> {
            var query = entityManager.createNativeQuery("select i.*" + where + " order by " + ITEM_ORDER, CommitteeItem.class)
                    .setFirstResult(page.firstResult()).setMaxResults(page.size());
            parameters.forEach(query::setParameter);
            return new ArrayList<>((List<CommitteeItem>) query.getResultList());
        });
    }
}
