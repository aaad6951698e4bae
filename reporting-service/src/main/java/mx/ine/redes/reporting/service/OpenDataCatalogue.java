package mx.ine.redes.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import mx.ine.redes.reporting.InventoryAccount;
import mx.ine.redes.support.csv.Csv;
import mx.ine.redes.support.paging.Page;
import mx.ine.redes.support.paging.PageRequest;

/**
 * The public list of the Institute's official and former accounts, read from the inventory
 * projection. Always in one order without ties: network, handle, account id (a handle registered
 * again after a baja appears twice, the two told apart by id).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OpenDataCatalogue {

    static final String ORDER = " order by a.network, a.handle, a.accountId";
    private static final int BATCH = 500;

    /** Which accounts a client asked for; {@code null} is no filter. Values as the registry's events spell them. */
    public record Filter(String network, String status, String level, Integer state) {
    }

    /**
     * What the answers are computed from, to tell a client whether what it kept is still current:
     * the number of accounts, the latest change applied, and the sum of their event sequences (which
     * grows with every sequenced event, even one applied at an earlier clock reading).
     */
    public record Version(long accounts, Instant latestChange, long sequences) {
    }

    @Inject
    EntityManager entityManager;

    public Page<InventoryAccount> page(Filter filter, PageRequest request) {
        Where where = where(filter);
        long total = where.bind(entityManager.createQuery("select count(a) from InventoryAccount a" + where.jpql, Long.class))
                .getSingleResult();
        return request.of(total, () -> where.bind(entityManager.createQuery(
                        "select a from InventoryAccount a" + where.jpql + ORDER, InventoryAccount.class))
                .setFirstResult(request.firstResult())
                .setMaxResults(request.size())
                .getResultList());
    }

    public Version version() {
        Object[] row = entityManager.createQuery(
                        "select count(a), max(a.updatedAt), coalesce(sum(a.lastSequence), 0) from InventoryAccount a", Object[].class)
                .getSingleResult();
        return new Version(((Number) row[0]).longValue(), (Instant) row[1], ((Number) row[2]).longValue());
    }

    /**
     * Writes the header and every account that passes the filter, read through a cursor in batches:
     * each batch is written and let go of, so memory does not grow with the list.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void writeCsv(Filter filter, List<String> header, Function<InventoryAccount, List<Object>> row, OutputStream out) {
        Where where = where(filter);
        try {
            out.write(Csv.line(header).getBytes(StandardCharsets.UTF_8));
            int written = 0;
            try (Stream<InventoryAccount> accounts = where.bind(entityManager.createQuery(
                            "select a from InventoryAccount a" + where.jpql + ORDER, InventoryAccount.class))
                    .setHint("org.hibernate.fetchSize", BATCH)
                    .setHint("org.hibernate.readOnly", true)
                    .getResultStream()) {
                for (var iterator = accounts.iterator(); iterator.hasNext(); ) {
                    out.write(Csv.line(row.apply(iterator.next())).getBytes(StandardCharsets.UTF_8));
                    if (++written % BATCH == 0) {
                        entityManager.clear();
                    }
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Where where(Filter filter) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        if (filter.network() != null) {
            conditions.add("a.network = :network");
            values.put("network", filter.network());
        }
        if (filter.status() != null) {
            conditions.add("a.status = :status");
            values.put("status", filter.status());
        }
        if (filter.level() != null) {
            conditions.add("a.areaLevel = :level");
            values.put("level", filter.level());
        }
        if (filter.state() != null) {
            conditions.add("a.state = :state");
            values.put("state", filter.state());
        }
        return new Where(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), values);
    }

    private record Where(String jpql, Map<String, Object> values) {
        <T> TypedQuery<T> bind(TypedQuery<T> query) {
            values.forEach(query::setParameter);
            return query;
        }
    }
}
