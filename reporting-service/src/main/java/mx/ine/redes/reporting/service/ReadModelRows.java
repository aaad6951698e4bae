package mx.ine.redes.reporting.service;

import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mx.ine.redes.reporting.report.ReportLabels;
import mx.ine.redes.reporting.report.SemiannualReport.AccountLine;
import mx.ine.redes.support.registry.AreaSubtreeVisibility.Restriction;

/** Native reads of the read model for the annual consolidation and the trends: rows, and the columns' Java types. */
final class ReadModelRows {

    private final EntityManager entityManager;

    ReadModelRows(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @SuppressWarnings("unchecked")
    List<Object[]> rows(String sql, Map<String, Object> parameters) {
        jakarta.persistence.Query query = entityManager.createNativeQuery(sql);
        parameters.forEach(query::setParameter);
        List<Object[]> rows = new ArrayList<>();
        for (Object row : query.getResultList()) {
            rows.add(row instanceof Object[] columns ? columns : new Object[] {row});
        }
        return rows;
    }

    /** The latest {@code occurredAt} applied in any of {@code scopes} (cycle ids, the registry); null before any event. */
    Instant watermark(List<String> scopes) {
        return rows("select max(occurred_at_nanos) from report_watermark where scope in (:scopes)", Map.of("scopes", scopes))
                .stream().map(row -> row[0]).filter(java.util.Objects::nonNull)
                .map(nanos -> Instant.ofEpochSecond(0, ((Number) nanos).longValue())).findFirst().orElse(null);
    }

    /** The inventory's lines the restriction lets through, as the report's tables name them. */
    Map<UUID, AccountLine> accountLines(Restriction visible) {
        Map<UUID, AccountLine> lines = new HashMap<>();
        for (Object[] row : rows("select account_id, network, handle, url, area_code, area_name, area_level, status "
                + "from inventory_account where " + visible.sql(), visible.parameters())) {
            UUID id = (UUID) row[0];
            lines.put(id, new AccountLine(id, ReportLabels.network((String) row[1]), (String) row[2], (String) row[3],
                    (String) row[4], (String) row[5], ReportLabels.level((String) row[6]), ReportLabels.accountStatus((String) row[7])));
        }
        return lines;
    }

    static Map<String, Object> with(Map<String, Object> first, Map<String, Object> second) {
        Map<String, Object> both = new HashMap<>(first);
        both.putAll(second);
        return both;
    }

    static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    static LocalDate date(Object value) {
        return switch (value) {
            case null -> null;
            case LocalDate date -> date;
            case Date date -> date.toLocalDate();
            default -> throw new IllegalStateException("Not a date: " + value.getClass());
        };
    }
}
