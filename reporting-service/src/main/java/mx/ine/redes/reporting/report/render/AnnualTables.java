package mx.ine.redes.reporting.report.render;

import static mx.ine.redes.reporting.report.render.ReportTables.account;
import static mx.ine.redes.reporting.report.render.ReportTables.row;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import mx.ine.redes.reporting.report.AnnualReport;
import mx.ine.redes.reporting.report.SemiannualReport;
import mx.ine.redes.reporting.report.SemiannualReport.Count;
import mx.ine.redes.reporting.report.render.ReportTables.Column;
import mx.ine.redes.reporting.report.render.ReportTables.Table;

/**
 * The annual consolidation as tables (a CSV file, an XLSX sheet, a PDF table each), the cycles side
 * by side as columns and the year's total last. Rows keep the model's order.
 */
public final class AnnualTables {

    private AnnualTables() {
    }

    public static List<Table> of(AnnualReport report) {
        List<Table> tables = new ArrayList<>();
        tables.add(summary(report));
        tables.add(cycles(report));
        var inventory = report.inventory();
        tables.add(ReportTables.counts("inventario-por-nivel", "Inventario por nivel al cierre", "Nivel", inventory.byLevel()));
        tables.add(ReportTables.counts("inventario-por-red", "Inventario por red social al cierre", "Red social",
                inventory.byNetwork()));
        tables.add(ReportTables.counts("inventario-por-area", "Inventario por área al cierre", "Área", inventory.byArea()));
        tables.add(ReportTables.counts("inventario-por-estado", "Inventario por estado al cierre", "Estado", inventory.byStatus()));
        tables.add(ReportTables.dated("cuentas-registradas", "Cuentas registradas en el año / Observaciones", "Registrada el",
                inventory.registered()));
        tables.add(ReportTables.dated("cuentas-dadas-de-baja", "Cuentas dadas de baja en el año / Observaciones", "Baja el",
                inventory.decommissioned()));
        tables.add(ReportTables.dated("permanencia-de-cuentas", "Permanencia de cuentas / Observaciones", "Decidida el",
                inventory.permanence()));
        tables.add(accountsPerCycle(report));
        tables.add(statistics(report));
        tables.add(evaluations(report));
        tables.add(ratings(report));
        tables.add(observationsPerCycle(report));
        tables.add(observationsByArea(report));
        tables.add(escalationsPerCycle(report));
        tables.add(escalationsByArea(report));
        tables.add(resolutions(report));
        tables.add(trainings(report));
        tables.add(recommendationsByStatus(report));
        tables.add(recommendations(report));
        tables.add(proposals(report));
        return tables;
    }

    /**
     * The account's columns where a cycle column comes first: its network and handle are printed, its
     * area and level stay in the data files, so that the printed table keeps room for its text.
     */
    private static List<Column> accountColumns() {
        return ReportTables.accountColumns().stream()
                .map(column -> List.of("Nivel", "Área").contains(column.heading()) ? Column.dataOnly(column.heading()) : column)
                .toList();
    }

    static String yearHeading(AnnualReport report) {
        return "Año " + report.heading().year();
    }

    private static Table summary(AnnualReport report) {
        var heading = report.heading();
        var compliance = report.compliance().year();
        var evaluation = report.evaluation().year();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("Referencia", heading.reference()));
        rows.add(row("Título", heading.title()));
        rows.add(row("Año", Integer.toString(heading.year())));
        rows.add(row("Ciclos", String.join(", ", report.cycles().stream().map(AnnualReport.CycleColumn::cycleId).toList())));
        rows.add(row("Corte (último evento, hora de la Ciudad de México)", heading.asOf() == null ? null
                : heading.asOf().atZone(ReportTables.MEXICO_CITY).toLocalDateTime().withNano(0).toString().replace('T', ' ')));
        rows.add(row("Cuentas en el inventario al cierre", report.inventory().total()));
        rows.add(row("Cuentas registradas en el año", (long) report.inventory().registered().size()));
        rows.add(row("Cuentas dadas de baja en el año", (long) report.inventory().decommissioned().size()));
        rows.add(row("Decisiones de permanencia en el año", (long) report.inventory().permanence().size()));
        rows.add(row("Evaluaciones concluidas", evaluation.completed()));
        rows.add(row("Evaluaciones concluidas fuera del plazo de 10 días hábiles", evaluation.completedLate()));
        rows.add(row("Observaciones emitidas", compliance.observationsIssued()));
        rows.add(row("Observaciones atendidas en tiempo", compliance.correctedOnTime()));
        rows.add(row("Observaciones atendidas fuera de tiempo", compliance.correctedLate()));
        rows.add(row("Observaciones no atendidas", compliance.notCorrected()));
        rows.add(row("Escalamientos al titular del área", compliance.escalated()));
        rows.add(row("Incumplimientos reportados al Comité", compliance.committeeItems()));
        rows.add(row("Resoluciones del Comité", compliance.resolutions()));
        rows.add(row("Propuestas de baja", (long) report.proposedBajas().size()));
        rows.add(row("Capacitaciones impartidas", (long) report.trainings().size()));
        return new Table("resumen", "Resumen del año", List.of(Column.shown("Concepto"), Column.shown("Valor")), rows);
    }

    private static Table cycles(AnnualReport report) {
        List<List<Object>> rows = new ArrayList<>();
        report.cycles().forEach(cycle -> rows.add(row(cycle.cycleId(), cycle.periodStart(), cycle.periodEnd())));
        return new Table("ciclos-del-ano", "Ciclos del año",
                List.of(Column.shown("Ciclo"), Column.shown("Inicio del periodo"), Column.shown("Fin del periodo")), rows);
    }

    private static Table accountsPerCycle(AnnualReport report) {
        List<List<Object>> rows = new ArrayList<>();
        report.statistics().perCycle().forEach(cycle -> rows.add(row(cycle.cycleId(), cycle.accountsRequested(),
                cycle.accountsReporting())));
        return new Table("cuentas-que-reportaron", "Cuentas a las que se solicitaron estadísticas y cuentas que las entregaron",
                List.of(Column.shown("Ciclo"), Column.shown("Solicitadas"), Column.shown("Reportaron")), rows);
    }

    /** Cycles as columns: one line per network, level and figure; the year's column last. */
    private static Table statistics(AnnualReport report) {
        List<String> cycleIds = cycleIds(report);
        // network, level -> figure -> cycle -> value
        Map<List<String>, Map<String, Map<String, Long>>> lines = new java.util.TreeMap<>(
                java.util.Comparator.<List<String>, String>comparing(key -> key.get(0)).thenComparing(key -> key.get(1)));
        report.statistics().perCycle().forEach(cycle -> cycle.totals().forEach(totals -> totals.figures().forEach((field, value) ->
                lines.computeIfAbsent(List.of(nonNull(totals.network()), nonNull(totals.level())), key -> new java.util.TreeMap<>(Labels.FIGURE_ORDER))
                        .computeIfAbsent(field, f -> new LinkedHashMap<>()).put(cycle.cycleId(), value))));
        Map<List<String>, AnnualReport.YearTotals> year = new LinkedHashMap<>();
        report.statistics().year().forEach(totals -> year.put(List.of(nonNull(totals.network()), nonNull(totals.level())), totals));
        year.forEach((key, totals) -> totals.figures().keySet().forEach(field -> lines
                .computeIfAbsent(key, k -> new java.util.TreeMap<>(Labels.FIGURE_ORDER)).computeIfAbsent(field, f -> new LinkedHashMap<>())));
        List<List<Object>> rows = new ArrayList<>();
        lines.forEach((key, figures) -> figures.forEach((field, byCycle) -> {
            List<Object> row = row(key.get(0), key.get(1), field, Labels.figure(field));
            cycleIds.forEach(cycleId -> row.add(byCycle.get(cycleId)));
            AnnualReport.YearTotals totals = year.get(key);
            row.add(totals == null ? null : totals.figures().get(field));
            rows.add(row);
        }));
        List<Column> columns = new ArrayList<>(List.of(Column.shown("Red social"), Column.shown("Nivel"),
                Column.dataOnly("Clave del indicador"), Column.shown("Indicador")));
        cycleIds.forEach(cycleId -> columns.add(Column.shown(cycleId)));
        columns.add(Column.shown(yearHeading(report)));
        return new Table("estadisticas-por-red-y-nivel", "Estadísticas por red social y nivel en cada ciclo y en el año", columns,
                rows);
    }

    private static Table evaluations(AnnualReport report) {
        List<List<Object>> rows = new ArrayList<>();
        report.evaluation().perCycle().forEach(cycle -> rows.add(row(cycle.cycleId(), cycle.completed(), cycle.completedLate(),
                cycle.open())));
        var year = report.evaluation().year();
        rows.add(row(yearHeading(report), year.completed(), year.completedLate(), year.open()));
        return new Table("evaluaciones-por-ciclo", "Evaluaciones por ciclo",
                List.of(Column.shown("Ciclo"), Column.shown("Concluidas"), Column.shown("Fuera del plazo de 10 días hábiles"),
                        Column.shown("Abiertas")),
                rows);
    }

    private static Table ratings(AnnualReport report) {
        return countsSideBySide("distribucion-calificaciones", "Distribución de calificaciones por ciclo", "Calificación", report,
                report.evaluation().perCycle().stream().map(AnnualReport.CycleEvaluation::ratingDistribution).toList(),
                report.evaluation().year().ratingDistribution());
    }

    private static Table recommendationsByStatus(AnnualReport report) {
        return countsSideBySide("recomendaciones-por-estado", "Recomendaciones por estado en cada ciclo", "Estado", report,
                report.recommendations().byStatusPerCycle().stream().map(AnnualReport.CycleCounts::counts).toList(),
                report.recommendations().byStatusInYear().counts());
    }

    /** Keys as rows (in the year's order), cycles as columns, the year last. */
    private static Table countsSideBySide(String name, String title, String keyHeading, AnnualReport report,
                                          List<List<Count>> perCycle, List<Count> year) {
        List<List<Object>> rows = new ArrayList<>();
        for (Count total : year) {
            List<Object> row = row(total.key(), total.label());
            perCycle.forEach(counts -> row.add(counts.stream().filter(count -> count.key().equals(total.key()))
                    .map(Count::count).findFirst().orElse(0L)));
            row.add(total.count());
            rows.add(row);
        }
        List<Column> columns = new ArrayList<>(List.of(Column.dataOnly("Clave"), Column.shown(keyHeading)));
        cycleIds(report).forEach(cycleId -> columns.add(Column.shown(cycleId)));
        columns.add(Column.shown(yearHeading(report)));
        return new Table(name, title, columns, rows);
    }

    private static Table observationsPerCycle(AnnualReport report) {
        List<List<Object>> rows = new ArrayList<>();
        report.compliance().perCycle().forEach(line -> rows.add(observationsRow(line.cycleId(), line)));
        rows.add(observationsRow(yearHeading(report), report.compliance().year()));
        return new Table("observaciones-por-ciclo", "Observaciones por ciclo (Art. 14)",
                List.of(Column.shown("Ciclo"), Column.shown("Emitidas"), Column.shown("Atendidas en tiempo"),
                        Column.shown("Atendidas fuera de tiempo"), Column.shown("No atendidas")),
                rows);
    }

    private static List<Object> observationsRow(String label, AnnualReport.ComplianceLine line) {
        return row(label, line.observationsIssued(), line.correctedOnTime(), line.correctedLate(), line.notCorrected());
    }

    private static Table escalationsPerCycle(AnnualReport report) {
        List<List<Object>> rows = new ArrayList<>();
        report.compliance().perCycle().forEach(line -> rows.add(escalationsRow(line.cycleId(), line)));
        rows.add(escalationsRow(yearHeading(report), report.compliance().year()));
        return new Table("escalamientos-por-ciclo", "Escalamientos y asuntos ante el Comité por ciclo (Art. 15)",
                List.of(Column.shown("Ciclo"), Column.shown("Escalados al titular"), Column.shown("Reportados al Comité"),
                        Column.shown("Incumplimientos ante el Comité"), Column.shown("Resoluciones del Comité")),
                rows);
    }

    private static List<Object> escalationsRow(String label, AnnualReport.ComplianceLine line) {
        return row(label, line.escalated(), line.reportedToCommittee(), line.committeeItems(), line.resolutions());
    }

    private static Table observationsByArea(AnnualReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (SemiannualReport.AreaObservations area : report.compliance().observationsByArea()) {
            rows.add(row(area.areaCode(), area.areaName(), area.issued(), area.correctedOnTime(), area.correctedLate(),
                    area.notCorrected()));
        }
        return new Table("observaciones-por-area", "Observaciones por área en el año (Art. 14)",
                List.of(Column.dataOnly("Clave del área"), Column.shown("Área"), Column.shown("Emitidas"),
                        Column.shown("Atendidas en tiempo"), Column.shown("Atendidas fuera de tiempo"), Column.shown("No atendidas")),
                rows);
    }

    private static Table escalationsByArea(AnnualReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (SemiannualReport.AreaEscalations area : report.compliance().escalationsByArea()) {
            rows.add(row(area.areaCode(), area.areaName(), area.escalated(), area.reportedToCommittee()));
        }
        return new Table("escalamientos-por-area", "Escalamientos por área en el año (Art. 15)",
                List.of(Column.dataOnly("Clave del área"), Column.shown("Área"), Column.shown("Escalados al titular"),
                        Column.shown("Reportados al Comité")),
                rows);
    }

    private static Table resolutions(AnnualReport report) {
        List<Column> columns = new ArrayList<>(List.of(Column.shown("Ciclo"), Column.shown("Asunto"), Column.dataOnly("Id del asunto")));
        columns.addAll(accountColumns());
        columns.addAll(List.of(Column.shown("Fecha"), Column.shown("Resolución"), Column.shown("Texto")));
        List<List<Object>> rows = new ArrayList<>();
        for (AnnualReport.CycleResolution each : report.resolutions()) {
            List<Object> row = row(each.cycleId(), "REPORT".equals(each.subjectKind()) ? "Informe" : Labels.subjectKind(each.subjectKind()),
                    each.subjectId() == null ? null : each.subjectId().toString());
            row.addAll(each.account() == null ? java.util.Collections.nCopies(accountColumns().size(), null) : account(each.account()));
            row.add(each.resolution().resolvedOn());
            row.add(each.resolution().label());
            row.add(each.resolution().text());
            rows.add(row);
        }
        return new Table("resoluciones-del-comite", "Resoluciones del Comité en el año", columns, rows);
    }

    private static Table trainings(AnnualReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (var training : report.trainings()) {
            rows.add(row(training.trainingId() == null ? null : training.trainingId().toString(), training.heldOn(),
                    training.topic(), training.hours(), training.modality(), training.attendees()));
        }
        return new Table("capacitaciones", "Capacitaciones impartidas en el año (Art. 6 V)",
                List.of(Column.dataOnly("Id"), Column.shown("Fecha"), Column.shown("Tema"), Column.shown("Horas"),
                        Column.shown("Modalidad"), Column.shown("Asistentes")),
                rows);
    }

    private static Table recommendations(AnnualReport report) {
        List<Column> columns = new ArrayList<>(List.of(Column.shown("Ciclo"), Column.dataOnly("Id de la recomendación")));
        columns.addAll(accountColumns());
        columns.addAll(List.of(Column.dataOnly("Clave de la categoría"), Column.shown("Categoría"), Column.shown("Recomendación"),
                Column.shown("Estado"), Column.shown("Respuesta")));
        List<List<Object>> rows = new ArrayList<>();
        for (AnnualReport.CycleRecommendation each : report.recommendations().items()) {
            var line = each.recommendation();
            List<Object> row = row(each.cycleId(), line.recommendationId() == null ? null : line.recommendationId().toString());
            row.addAll(account(line.account()));
            row.addAll(row(line.category(), line.categoryLabel(), line.text(), Labels.recommendationStatus(line.status()),
                    line.answer()));
            rows.add(row);
        }
        return new Table("recomendaciones", "Recomendaciones y su atención", columns, rows);
    }

    private static Table proposals(AnnualReport report) {
        List<Column> columns = new ArrayList<>(List.of(Column.shown("Ciclo"), Column.dataOnly("Id de la propuesta")));
        columns.addAll(accountColumns());
        columns.addAll(List.of(Column.shown("Motivo"), Column.shown("Puntaje"), Column.shown("Estado de la propuesta"),
                Column.shown("Decidida el")));
        List<List<Object>> rows = new ArrayList<>();
        for (AnnualReport.CycleProposal each : report.proposedBajas()) {
            var proposal = each.proposal();
            List<Object> row = row(each.cycleId(), proposal.proposalId() == null ? null : proposal.proposalId().toString());
            row.addAll(account(proposal.account()));
            row.addAll(row(Labels.grounds(proposal.grounds()), proposal.overallScore(), Labels.proposalStatus(proposal.status()),
                    proposal.decidedOn()));
            rows.add(row);
        }
        return new Table("propuestas-de-baja", "Propuestas de baja del año", columns, rows);
    }

    static List<String> cycleIds(AnnualReport report) {
        return report.cycles().stream().map(AnnualReport.CycleColumn::cycleId).toList();
    }

    /** Followers per network in each cycle ({@code followers}, else {@code followersAtEnd}), networks by name. */
    static Map<String, Map<String, Long>> followersByNetwork(AnnualReport report) {
        return byNetwork(report, ReportTables::followers);
    }

    static Map<String, Map<String, Long>> postsByNetwork(AnnualReport report) {
        return byNetwork(report, figures -> figures.getOrDefault("posts", 0L));
    }

    private static Map<String, Map<String, Long>> byNetwork(AnnualReport report,
                                                            java.util.function.ToLongFunction<Map<String, Long>> figure) {
        Map<String, Map<String, Long>> byNetwork = new java.util.TreeMap<>();
        TreeSet<String> networks = new TreeSet<>();
        report.statistics().perCycle().forEach(cycle -> cycle.totals().forEach(totals -> networks.add(nonNull(totals.network()))));
        networks.forEach(network -> {
            Map<String, Long> byCycle = new LinkedHashMap<>();
            report.statistics().perCycle().forEach(cycle -> byCycle.put(cycle.cycleId(), cycle.totals().stream()
                    .filter(totals -> nonNull(totals.network()).equals(network))
                    .mapToLong(totals -> figure.applyAsLong(totals.figures())).sum()));
            byNetwork.put(network, byCycle);
        });
        return byNetwork;
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
