package mx.ine.redes.reporting.report.render;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import mx.ine.redes.reporting.report.SemiannualReport;
import mx.ine.redes.reporting.report.SemiannualReport.AccountLine;
import mx.ine.redes.reporting.report.SemiannualReport.Count;
import mx.ine.redes.reporting.report.SemiannualReport.Dated;
import mx.ine.redes.reporting.report.SemiannualReport.Score;

/**
 * The report as tables: the one list every tabular format writes (a CSV file, an XLSX sheet, a
 * PDF table per entry), so the three always hold the same figures. Rows keep the model's order.
 * Cells are {@code String}, {@code Long}, {@code Integer}, {@code BigDecimal}, {@code LocalDate} or
 * {@code null} (empty); yes/no is written out in Spanish.
 */
public final class ReportTables {

    /** The Institute's reports are dated in Mexico City time. */
    public static final ZoneId MEXICO_CITY = ZoneId.of("America/Mexico_City");

    /** A column: its Spanish heading and whether the PDF prints it (identifiers and URLs stay in the data files). */
    public record Column(String heading, boolean printed) {
        static Column shown(String heading) {
            return new Column(heading, true);
        }

        static Column dataOnly(String heading) {
            return new Column(heading, false);
        }
    }

    /** {@code name} names the CSV file and the XLSX sheet (at most 31 characters); {@code title} is the Spanish heading. */
    public record Table(String name, String title, List<Column> columns, List<List<Object>> rows) {
    }

    private ReportTables() {
    }

    public static List<Table> of(SemiannualReport report) {
        List<Table> tables = new ArrayList<>();
        tables.add(summary(report));
        var inventory = report.inventory();
        tables.add(counts("inventario-por-nivel", "Inventario por nivel", "Nivel", inventory.byLevel()));
        tables.add(counts("inventario-por-red", "Inventario por red social", "Red social", inventory.byNetwork()));
        tables.add(counts("inventario-por-area", "Inventario por área", "Área", inventory.byArea()));
        tables.add(counts("inventario-por-estado", "Inventario por estado", "Estado", inventory.byStatus()));
        tables.add(dated("cuentas-registradas", "Cuentas registradas en el periodo / Observaciones", "Registrada el",
                inventory.registered()));
        tables.add(dated("cuentas-dadas-de-baja", "Cuentas dadas de baja / Observaciones", "Baja el", inventory.decommissioned()));
        tables.add(dated("permanencia-de-cuentas", "Permanencia de cuentas / Observaciones", "Decidida el", inventory.permanence()));
        tables.add(totals(report.statistics().totals()));
        tables.add(counts("publicaciones-por-hashtag", "Publicaciones por hashtag de campaña", "Hashtag",
                report.statistics().postsByHashtag()));
        tables.add(audience(report));
        tables.add(counts("distribucion-calificaciones", "Distribución de calificaciones", "Calificación",
                report.evaluation().ratingDistribution()));
        tables.add(scores("calificaciones", "Tabla de puntajes", report.evaluation().scores()));
        tables.add(scores("mejores-cuentas", "Cuentas mejor evaluadas", report.evaluation().best()));
        tables.add(scores("peores-cuentas", "Cuentas peor evaluadas", report.evaluation().worst()));
        tables.add(observations(report));
        tables.add(escalations(report));
        tables.add(items(report));
        tables.add(reportResolutions(report));
        tables.add(dormant(report));
        tables.add(proposals(report));
        tables.add(trainings(report));
        tables.add(counts("recomendaciones-por-estado", "Recomendaciones por estado", "Estado",
                report.recommendations().byStatus()));
        tables.add(recommendations(report));
        return tables;
    }

    private static Table summary(SemiannualReport report) {
        var heading = report.heading();
        var statistics = report.statistics();
        var evaluation = report.evaluation();
        var observations = report.observations();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("Referencia", heading.reference()));
        rows.add(row("Título", heading.title()));
        rows.add(row("Ciclo", heading.cycleId()));
        rows.add(row("Inicio del periodo", heading.periodStart()));
        rows.add(row("Fin del periodo", heading.periodEnd()));
        rows.add(row("Corte (último evento, hora de la Ciudad de México)", heading.asOf() == null ? null
                : heading.asOf().atZone(MEXICO_CITY).toLocalDateTime().withNano(0).toString().replace('T', ' ')));
        rows.add(row("Cuentas en el inventario", report.inventory().total()));
        rows.add(row("Cuentas registradas en el periodo", (long) report.inventory().registered().size()));
        rows.add(row("Cuentas dadas de baja en el periodo", (long) report.inventory().decommissioned().size()));
        rows.add(row("Cuentas a las que se solicitaron estadísticas", statistics.accountsRequested()));
        rows.add(row("Cuentas que reportaron estadísticas", statistics.accountsReporting()));
        rows.add(row("Evaluaciones concluidas", evaluation.completed()));
        rows.add(row("Evaluaciones concluidas fuera del plazo de 10 días hábiles", evaluation.completedLate()));
        rows.add(row("Evaluaciones abiertas", evaluation.open()));
        rows.add(row("Observaciones emitidas", observations.issued()));
        rows.add(row("Observaciones atendidas en tiempo", observations.correctedOnTime()));
        rows.add(row("Observaciones atendidas fuera de tiempo", observations.correctedLate()));
        rows.add(row("Observaciones no atendidas", observations.notCorrected()));
        rows.add(row("Capacitaciones impartidas", (long) report.trainings().size()));
        return new Table("resumen", "Resumen", List.of(Column.shown("Concepto"), Column.shown("Valor")), rows);
    }

    static Table counts(String name, String title, String keyHeading, List<Count> counts) {
        List<List<Object>> rows = new ArrayList<>();
        for (Count count : counts) {
            rows.add(row(count.key(), count.label(), count.count()));
        }
        return new Table(name, title, List.of(Column.dataOnly("Clave"), Column.shown(keyHeading), Column.shown("Cuentas")), rows);
    }

    static List<Column> accountColumns() {
        return List.of(Column.dataOnly("Id de la cuenta"), Column.shown("Red social"), Column.shown("Cuenta"),
                Column.dataOnly("URL"), Column.dataOnly("Clave del área"), Column.shown("Área"), Column.shown("Nivel"),
                Column.dataOnly("Estado"));
    }

    static List<Object> account(AccountLine account) {
        return row(account.accountId() == null ? null : account.accountId().toString(), Labels.network(account.network()),
                account.handle(), account.url(), account.areaCode(), account.areaName(), Labels.level(account.level()),
                Labels.accountStatus(account.status()));
    }

    static Table dated(String name, String title, String dateHeading, List<Dated> acts) {
        List<Column> columns = new ArrayList<>();
        columns.add(Column.shown(dateHeading));
        columns.addAll(accountColumns());
        columns.add(Column.shown("Motivo"));
        columns.add(Column.shown("Observaciones"));
        List<List<Object>> rows = new ArrayList<>();
        for (Dated act : acts) {
            List<Object> row = new ArrayList<>();
            row.add(act.on());
            row.addAll(account(act.account()));
            row.add(act.reason());
            row.add(act.observations());
            rows.add(row);
        }
        return new Table(name, title, columns, rows);
    }

    private static Table totals(List<SemiannualReport.Totals> totals) {
        List<List<Object>> rows = new ArrayList<>();
        for (SemiannualReport.Totals line : totals) {
            for (String field : union(line.figures().keySet(), line.previousCycle().keySet())) {
                Long current = line.figures().get(field);
                Long previous = line.previousCycle().get(field);
                Long growth = current == null || previous == null ? null : current - previous;
                BigDecimal percent = growth == null || previous == 0 ? null
                        : BigDecimal.valueOf(growth * 100L).divide(BigDecimal.valueOf(previous), 1, RoundingMode.HALF_EVEN);
                rows.add(row(Labels.network(line.network()), Labels.level(line.level()), line.accounts(), field,
                        Labels.figure(field), current, previous, growth, percent));
            }
        }
        return new Table("estadisticas-por-red-y-nivel", "Estadísticas por red social y nivel",
                List.of(Column.shown("Red social"), Column.shown("Nivel"), Column.shown("Cuentas"), Column.dataOnly("Clave del indicador"),
                        Column.shown("Indicador"), Column.shown("Ciclo"), Column.shown("Ciclo anterior"), Column.shown("Crecimiento"),
                        Column.shown("Crecimiento (%)")),
                rows);
    }

    private static Table audience(SemiannualReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (var share : report.statistics().audience()) {
            rows.add(row(Labels.audienceGroup(share.group()), share.key(), share.meanPercent(), share.accounts()));
        }
        return new Table("audiencia", "Audiencia (promedio de los porcentajes reportados)",
                List.of(Column.shown("Grupo"), Column.shown("Segmento"), Column.shown("Porcentaje medio"),
                        Column.shown("Cuentas que lo reportaron")),
                rows);
    }

    private static Table scores(String name, String title, List<Score> scores) {
        TreeSet<String> subScoreNames = new TreeSet<>();
        scores.forEach(score -> subScoreNames.addAll(score.subScores().keySet()));
        List<Column> columns = new ArrayList<>(accountColumns());
        columns.add(Column.shown("Puntaje"));
        columns.add(Column.shown("Calificación"));
        columns.add(Column.dataOnly("Calificación calculada"));
        subScoreNames.forEach(subScore -> columns.add(Column.dataOnly("Subpuntaje " + subScore)));
        columns.add(Column.dataOnly("Versión de la fórmula"));
        columns.add(Column.shown("Fuera de plazo"));
        List<List<Object>> rows = new ArrayList<>();
        for (Score score : scores) {
            List<Object> row = new ArrayList<>(account(score.account()));
            row.add(score.overall());
            row.add(Labels.rating(score.rating()));
            row.add(Labels.rating(score.computedRating()));
            subScoreNames.forEach(subScore -> row.add(score.subScores().get(subScore)));
            row.add(score.formulaVersion());
            row.add(Labels.yesNo(score.late()));
            rows.add(row);
        }
        return new Table(name, title, columns, rows);
    }

    private static Table observations(SemiannualReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (var area : report.observations().byArea()) {
            rows.add(row(area.areaCode(), area.areaName(), area.issued(), area.correctedOnTime(), area.correctedLate(),
                    area.notCorrected()));
        }
        return new Table("observaciones-por-area", "Observaciones por área (Art. 14)",
                List.of(Column.dataOnly("Clave del área"), Column.shown("Área"), Column.shown("Emitidas"),
                        Column.shown("Atendidas en tiempo"), Column.shown("Atendidas fuera de tiempo"), Column.shown("No atendidas")),
                rows);
    }

    private static Table escalations(SemiannualReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (var area : report.escalations().byArea()) {
            rows.add(row(area.areaCode(), area.areaName(), area.escalated(), area.reportedToCommittee()));
        }
        return new Table("escalamientos-por-area", "Escalamientos por área (Art. 15)",
                List.of(Column.dataOnly("Clave del área"), Column.shown("Área"), Column.shown("Escalados al titular"),
                        Column.shown("Reportados al Comité")),
                rows);
    }

    /** One line per item and resolution (an item without resolutions has one line with them empty). */
    private static Table items(SemiannualReport report) {
        List<Column> columns = new ArrayList<>();
        columns.add(Column.dataOnly("Id del asunto"));
        columns.add(Column.shown("Tipo"));
        columns.addAll(accountColumns());
        columns.add(Column.shown("Reportado el"));
        columns.add(Column.shown("Resolución"));
        columns.add(Column.shown("Texto de la resolución"));
        columns.add(Column.shown("Resuelto el"));
        List<List<Object>> rows = new ArrayList<>();
        for (var item : report.escalations().items()) {
            List<Object> head = new ArrayList<>();
            head.add(item.subjectId() == null ? null : item.subjectId().toString());
            head.add(Labels.subjectKind(item.subjectKind()));
            head.addAll(account(item.account()));
            head.add(dateInMexico(item.reportedAt()));
            if (item.resolutions().isEmpty()) {
                List<Object> row = new ArrayList<>(head);
                row.add(null);
                row.add(null);
                row.add(null);
                rows.add(row);
            }
            for (var resolution : item.resolutions()) {
                List<Object> row = new ArrayList<>(head);
                row.add(resolution.label());
                row.add(resolution.text());
                row.add(resolution.resolvedOn());
                rows.add(row);
            }
        }
        return new Table("incumplimientos-comite", "Incumplimientos reportados al Comité y sus resoluciones", columns, rows);
    }

    private static Table reportResolutions(SemiannualReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (var resolution : report.escalations().reportResolutions()) {
            rows.add(row(resolution.resolvedOn(), resolution.label(), resolution.text()));
        }
        return new Table("resoluciones-del-informe", "Resoluciones del Comité sobre el informe",
                List.of(Column.shown("Fecha"), Column.shown("Resolución"), Column.shown("Texto")), rows);
    }

    private static Table dormant(SemiannualReport report) {
        List<Column> columns = new ArrayList<>(accountColumns());
        columns.add(Column.shown("Última publicación"));
        columns.add(Column.shown("Días sin publicar"));
        columns.add(Column.shown("No localizada"));
        List<List<Object>> rows = new ArrayList<>();
        for (var dormant : report.bajas().dormant()) {
            List<Object> row = new ArrayList<>(account(dormant.account()));
            row.add(dormant.lastPublicationOn());
            row.add(dormant.daysWithoutPublication());
            row.add(Labels.yesNo(dormant.notLocated()));
            rows.add(row);
        }
        return new Table("cuentas-inactivas", "Cuentas inactivas y no localizadas", columns, rows);
    }

    private static Table proposals(SemiannualReport report) {
        List<Column> columns = new ArrayList<>();
        columns.add(Column.dataOnly("Id de la propuesta"));
        columns.addAll(accountColumns());
        columns.add(Column.shown("Motivo"));
        columns.add(Column.shown("Puntaje"));
        columns.add(Column.shown("Estado de la propuesta"));
        columns.add(Column.shown("Decidida el"));
        List<List<Object>> rows = new ArrayList<>();
        for (var proposal : report.bajas().proposals()) {
            List<Object> row = new ArrayList<>();
            row.add(proposal.proposalId() == null ? null : proposal.proposalId().toString());
            row.addAll(account(proposal.account()));
            row.add(Labels.grounds(proposal.grounds()));
            row.add(proposal.overallScore());
            row.add(Labels.proposalStatus(proposal.status()));
            row.add(proposal.decidedOn());
            rows.add(row);
        }
        return new Table("propuestas-de-baja", "Propuestas de baja", columns, rows);
    }

    private static Table trainings(SemiannualReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (var training : report.trainings()) {
            rows.add(row(training.trainingId() == null ? null : training.trainingId().toString(), training.heldOn(),
                    training.topic(), training.hours(), training.modality(), training.attendees()));
        }
        return new Table("capacitaciones", "Capacitaciones impartidas (Art. 6 V)",
                List.of(Column.dataOnly("Id"), Column.shown("Fecha"), Column.shown("Tema"), Column.shown("Horas"),
                        Column.shown("Modalidad"), Column.shown("Asistentes")),
                rows);
    }

    private static Table recommendations(SemiannualReport report) {
        List<Column> columns = new ArrayList<>();
        columns.add(Column.dataOnly("Id de la recomendación"));
        columns.addAll(accountColumns());
        columns.add(Column.dataOnly("Clave de la categoría"));
        columns.add(Column.shown("Categoría"));
        columns.add(Column.shown("Recomendación"));
        columns.add(Column.shown("Estado"));
        columns.add(Column.shown("Respuesta"));
        List<List<Object>> rows = new ArrayList<>();
        for (var line : report.recommendations().items()) {
            List<Object> row = new ArrayList<>();
            row.add(line.recommendationId() == null ? null : line.recommendationId().toString());
            row.addAll(account(line.account()));
            row.add(line.category());
            row.add(line.categoryLabel());
            row.add(line.text());
            row.add(Labels.recommendationStatus(line.status()));
            row.add(line.answer());
            rows.add(row);
        }
        return new Table("recomendaciones", "Recomendaciones y su atención", columns, rows);
    }

    static LocalDate dateInMexico(Instant instant) {
        return instant == null ? null : instant.atZone(MEXICO_CITY).toLocalDate();
    }

    private static Collection<String> union(Collection<String> a, Collection<String> b) {
        TreeSet<String> all = new TreeSet<>(Labels.FIGURE_ORDER);
        all.addAll(a);
        all.addAll(b);
        return all;
    }

    static List<Object> row(Object... values) {
        List<Object> row = new ArrayList<>(values.length);
        for (Object value : values) {
            row.add(value);
        }
        return row;
    }

    /** Follower counts per network across the two cycles, from the totals (X reports {@code followers}; others their end count). */
    static Map<String, long[]> followersByNetwork(SemiannualReport report) {
        Map<String, long[]> byNetwork = new java.util.LinkedHashMap<>();
        for (var line : report.statistics().totals()) {
            long[] pair = byNetwork.computeIfAbsent(line.network(), network -> new long[2]);
            pair[0] += followers(line.previousCycle());
            pair[1] += followers(line.figures());
        }
        return byNetwork;
    }

    static long followers(Map<String, Long> figures) {
        Long followers = figures.get("followers");
        if (followers == null) {
            followers = figures.get("followersAtEnd");
        }
        return followers == null ? 0 : followers;
    }

    /** Posts per network in the cycle, from the totals. */
    static Map<String, Long> postsByNetwork(SemiannualReport report) {
        Map<String, Long> byNetwork = new java.util.LinkedHashMap<>();
        for (var line : report.statistics().totals()) {
            byNetwork.merge(line.network(), line.figures().getOrDefault("posts", 0L), Long::sum);
        }
        return byNetwork;
    }
}
