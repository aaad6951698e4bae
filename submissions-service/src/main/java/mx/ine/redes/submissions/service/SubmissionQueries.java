package mx.ine.redes.submissions.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import mx.ine.redes.submissions.StatisticsRequest;
import mx.ine.redes.submissions.Submission;
import mx.ine.redes.submissions.SubmissionVersion;
import mx.ine.redes.submissions.SubmittingAccount;
import mx.ine.redes.support.paging.Page;
import mx.ine.redes.support.paging.PageRequest;
import mx.ine.redes.support.registry.AreaSubtreeVisibility.Restriction;

/**
 * Every read of requests and submissions, each through {@link SubmissionVisibility}: what the
 * caller may not read is neither listed nor counted nor found.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SubmissionQueries {

    /** A request with its account as the registry has it now and its submission, if any. */
    public record RequestView(StatisticsRequest request, SubmittingAccount account, Submission submission) {
    }

    /** A submission with its account and its current version. */
    public record SubmissionView(Submission submission, SubmittingAccount account, StatisticsRequest request,
                                 SubmissionVersion current) {
    }

    /** The filters of the CNCS list and export; null means "any". */
    public record SubmissionFilter(String cycle, UUID account, String area, String network, Boolean late, Boolean withWarnings) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    SubmissionVisibility visibility;

    /** Requests by deadline, soonest first, then id. */
    public Page<RequestView> requests(StatisticsRequest.Status status, String cycle, UUID account, String network,
                                      PageRequest paging) {
        Restriction restriction = visibility.reads("r.account_id");
        StringBuilder where = new StringBuilder(" from statistics_request r where r.status = :status and " + restriction.sql());
        Map<String, Object> parameters = new HashMap<>(restriction.parameters());
        parameters.put("status", status.name());
        if (cycle != null) {
            where.append(" and r.cycle_id = :cycle");
            parameters.put("cycle", cycle);
        }
        if (account != null) {
            where.append(" and r.account_id = :account");
            parameters.put("account", account);
        }
        if (network != null) {
            where.append(" and r.account_id in (select n.account_id from submitting_account n where n.network = :network)");
            parameters.put("network", network);
        }
        long total = count("select count(*)" + where, parameters);
        return paging.of(total, () -> {
            List<UUID> ids = ids("select r.request_id" + where + " order by r.due_at, r.request_id", parameters, paging);
            Map<UUID, StatisticsRequest> requests = byId(entityManager.createQuery(
                    "from StatisticsRequest where requestId in :ids", StatisticsRequest.class).setParameter("ids", ids)
                    .getResultList(), request -> request.requestId);
            return views(ids.stream().map(requests::get).toList());
        });
    }

    public Optional<RequestView> request(UUID requestId) {
        StatisticsRequest request = entityManager.find(StatisticsRequest.class, requestId);
        if (request == null || !visibility.canRead(request.accountId)) {
            return Optional.empty();
        }
        return Optional.of(views(List.of(request)).get(0));
    }

    /** Submissions, most recently received first, then id. */
    public Page<SubmissionView> submissions(SubmissionFilter filter, PageRequest paging) {
        Map<String, Object> parameters = new HashMap<>();
        String where = submissionWhere(filter, parameters);
        long total = count("select count(*)" + where, parameters);
        return paging.of(total, () -> submissionViews(ids("select s.id" + where + " order by s.last_received_at desc, s.id",
                parameters, paging)));
    }

    /**
     * A filter with the caller's visibility resolved now, on the request's thread, so that an export
     * can read it in batches while it writes.
     */
    public record PreparedFilter(String where, Map<String, Object> parameters) {
    }

    public PreparedFilter prepare(SubmissionFilter filter) {
        Map<String, Object> parameters = new HashMap<>();
        return new PreparedFilter(submissionWhere(filter, parameters), Map.copyOf(parameters));
    }

    /** The submissions a prepared filter matches, in list order, {@code size} of them from {@code offset}. */
    public List<SubmissionView> exportBatch(PreparedFilter filter, long offset, int size) {
        Query query = entityManager.createNativeQuery("select s.id" + filter.where() + " order by s.last_received_at desc, s.id"
                + " offset " + offset + " limit " + size);
        filter.parameters().forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<UUID> ids = query.getResultList();
        return submissionViews(ids);
    }

    public Optional<SubmissionView> submission(UUID id) {
        Submission submission = entityManager.find(Submission.class, id);
        if (submission == null || !visibility.canRead(submission.accountId)) {
            return Optional.empty();
        }
        return Optional.of(submissionViews(List.of(id)).get(0));
    }

    /** Every version of a submission, first to last. */
    public List<SubmissionVersion> versions(UUID submissionId) {
        return entityManager.createQuery("from SubmissionVersion where submissionId = :id order by version", SubmissionVersion.class)
                .setParameter("id", submissionId).getResultList();
    }

    private String submissionWhere(SubmissionFilter filter, Map<String, Object> parameters) {
        Restriction restriction = visibility.reads("s.account_id");
        parameters.putAll(restriction.parameters());
        StringBuilder where = new StringBuilder(" from submission s join submitting_account a on a.account_id = s.account_id where "
                + restriction.sql());
        if (filter.cycle() != null) {
            where.append(" and s.cycle_id = :cycle");
            parameters.put("cycle", filter.cycle());
        }
        if (filter.account() != null) {
            where.append(" and s.account_id = :account");
            parameters.put("account", filter.account());
        }
        if (filter.area() != null) {
            where.append(" and (a.area_code = :area or a.ancestors @> jsonb_build_array(jsonb_build_object('code', cast(:area as text))))");
            parameters.put("area", filter.area());
        }
        if (filter.network() != null) {
            where.append(" and s.network = :network");
            parameters.put("network", filter.network());
        }
        if (filter.late() != null) {
            where.append(" and s.late = :late");
            parameters.put("late", filter.late());
        }
        if (filter.withWarnings() != null) {
            where.append(" and s.has_warnings = :warnings");
            parameters.put("warnings", filter.withWarnings());
        }
        return where.toString();
    }

    private List<SubmissionView> submissionViews(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Submission> submissions = byId(entityManager.createQuery("from Submission where id in :ids", Submission.class)
                .setParameter("ids", ids).getResultList(), submission -> submission.id);
        List<UUID> accountIds = submissions.values().stream().map(s -> s.accountId).distinct().toList();
        Map<UUID, SubmittingAccount> accounts = byId(entityManager.createQuery(
                "from SubmittingAccount where accountId in :ids", SubmittingAccount.class).setParameter("ids", accountIds)
                .getResultList(), account -> account.accountId);
        List<UUID> requestIds = submissions.values().stream().map(s -> s.requestId).toList();
        Map<UUID, StatisticsRequest> requests = byId(entityManager.createQuery(
                "from StatisticsRequest where requestId in :ids", StatisticsRequest.class).setParameter("ids", requestIds)
                .getResultList(), request -> request.requestId);
        Map<UUID, SubmissionVersion> current = byId(entityManager.createQuery("""
                        select v from Submission s, SubmissionVersion v
                        where v.submissionId = s.id and v.version = s.currentVersion and s.id in :ids""", SubmissionVersion.class)
                .setParameter("ids", ids).getResultList(), version -> version.submissionId);
        List<SubmissionView> views = new ArrayList<>();
        for (UUID id : ids) {
            Submission submission = submissions.get(id);
            views.add(new SubmissionView(submission, accounts.get(submission.accountId), requests.get(submission.requestId),
                    current.get(id)));
        }
        return views;
    }

    private List<RequestView> views(List<StatisticsRequest> requests) {
        if (requests.isEmpty()) {
            return List.of();
        }
        List<UUID> accountIds = requests.stream().map(r -> r.accountId).distinct().toList();
        Map<UUID, SubmittingAccount> accounts = byId(entityManager.createQuery(
                "from SubmittingAccount where accountId in :ids", SubmittingAccount.class).setParameter("ids", accountIds)
                .getResultList(), account -> account.accountId);
        Map<UUID, Submission> submissions = byId(entityManager.createQuery(
                "from Submission where requestId in :ids", Submission.class)
                .setParameter("ids", requests.stream().map(r -> r.requestId).toList()).getResultList(), s -> s.requestId);
        return requests.stream().map(r -> new RequestView(r, accounts.get(r.accountId), submissions.get(r.requestId))).toList();
    }

    private long count(String sql, Map<String, Object> parameters) {
        Query query = entityManager.createNativeQuery(sql);
        parameters.forEach(query::setParameter);
        return ((Number) query.getSingleResult()).longValue();
    }

    @SuppressWarnings("unchecked")
    private List<UUID> ids(String sql, Map<String, Object> parameters, PageRequest paging) {
        Query query = entityManager.createNativeQuery(sql);
        parameters.forEach(query::setParameter);
        return query.setFirstResult(paging.firstResult()).setMaxResults(paging.size()).getResultList();
    }

    private static <T> Map<UUID, T> byId(List<T> items, Function<T, UUID> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }
}
