package mx.ine.redes.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.Function;
import mx.ine.redes.reporting.report.render.ReportFormat;
import mx.ine.redes.reporting.report.render.ReportFormatNegotiation;
import mx.ine.redes.reporting.report.render.ReportRendering;
import mx.ine.redes.reporting.report.render.Rendered;
import mx.ine.redes.reporting.report.AnnualReport;
import mx.ine.redes.reporting.report.SemiannualReport;
import mx.ine.redes.reporting.report.TrendReport;
import mx.ine.redes.reporting.service.AnnualReports;
import mx.ine.redes.reporting.service.SemiannualReports;
import mx.ine.redes.reporting.service.Trends;
import mx.ine.redes.support.registry.AreaSubtreeVisibility.Restriction;
import mx.ine.redes.support.registry.AreaSubtreeVisibility;
import mx.ine.redes.support.security.Caller;
import mx.ine.redes.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The Committee's reports. CNCS, the Committee, transparency and integrated systems read the whole
 * report; an area head reads the slice of the areas they head now and of every area below them.
 * The annual consolidation and the trends follow the same rule; an account administrator reads only
 * the trends of the accounts they administer (any other account is 404; the aggregates 403).
 */
@Path("/api/reports")
@Tag(name = "Informes", description = "Los informes al Comité de Redes Sociales")
public class ReportResource {

    private static final String PRODUCED_DOCUMENTS = "JSON (el registro), CSV (un archivo por tabla, en un zip), XLSX (una hoja por"
            + " tabla) o PDF (en español, con gráficas); ?format= json, csv, xlsx o pdf, o Accept";
    private static final String NO_ACCEPTED_FORMAT = "Accept no admite ninguno de los formatos del informe";
    private static final String REBUILD_UNDER_WAY = "Reconstrucción del modelo de lectura en curso (o incompleta tras una fallida):"
            + " vuelva a intentarlo después de Retry-After";

    private static final AreaSubtreeVisibility VISIBILITY = new AreaSubtreeVisibility("inventory_account");

    @Inject
    SemiannualReports reports;

    @Inject
    Caller caller;

    @Inject
    ReportRendering rendering;

    @Inject
    AnnualReports annual;

    @Inject
    Trends trends;

    @GET
    @Path("/semiannual/{cycle}")
    @RolesAllowed({Roles.CNCS, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.INTEGRATION, Roles.AREA_HEAD})
    @Operation(summary = "Informe semestral al Comité de un ciclo (Art. 6 V, Art. 8 I)",
            description = "Todas las secciones del informe (inventario, estadísticas, evaluación, observaciones, escalamientos y"
                    + " resoluciones del Comité, bajas, capacitaciones, recomendaciones), cada lista en el orden que su esquema"
                    + " indica. asOf es el instante del último evento que refleja. Un titular de área recibe solo las cuentas de"
                    + " su área y de las que dependen de ella.")
    @Produces({MediaType.APPLICATION_JSON, "application/zip", "text/csv",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/pdf"})
    @APIResponse(responseCode = "200", description = "El informe del ciclo: JSON (el registro), CSV (un archivo por tabla, en"
            + " un zip), XLSX (una hoja por tabla) o PDF (en español, con gráficas); ?format= json, csv, xlsx o pdf, o Accept",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SemiannualReport.class)),
                    @Content(mediaType = "application/zip"),
                    @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                    @Content(mediaType = "application/pdf")})
    @APIResponse(responseCode = "404", description = "El ciclo no se conoce (su apertura no ha llegado a los informes)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "406", description = NO_ACCEPTED_FORMAT,
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "503", description = REBUILD_UNDER_WAY,
            headers = @Header(name = "Retry-After", description = "Segundos"),
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response getSemiannualReport(
            @Parameter(description = "El ciclo, p. ej. 2026-S1") @PathParam("cycle") String cycle,
            @Parameter(description = "json, csv, xlsx o pdf; gana sobre Accept") @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        ReportFormat chosen = ReportFormatNegotiation.choose(format, headers.getHeaderString(HttpHeaders.ACCEPT));
        SemiannualReport report = semiannualReport(cycle);
        return answer(report, chosen, () -> rendering.render(report, chosen));
    }


    @GET
    @Path("/annual/{year}")
    @RolesAllowed({Roles.CNCS, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.INTEGRATION, Roles.AREA_HEAD})
    @Operation(summary = "Consolidado anual para el informe anual del Comité (Art. 8 I)",
            description = "Los ciclos cuyo periodo cae en el año (por inicio del periodo), lado a lado y sumados: inventario al"
                    + " cierre y cuentas registradas, dadas de baja y con permanencia en el año; estadísticas por red y nivel por"
                    + " ciclo y del año (los seguidores del año son los del último ciclo, no se suman); distribución de"
                    + " calificaciones, observaciones, escalamientos, asuntos y resoluciones del Comité por ciclo y del año;"
                    + " capacitaciones del año; recomendaciones y su atención; propuestas de baja. Referencia INE/CNCS/RA/<año>;"
                    + " asOf es el instante del último evento que reflejan sus ciclos. Un titular de área recibe solo las"
                    + " cuentas de su área y de las que dependen de ella.")
    @Produces({MediaType.APPLICATION_JSON, "application/zip", "text/csv",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/pdf"})
    @APIResponse(responseCode = "200", description = "El consolidado del año: " + PRODUCED_DOCUMENTS
            + "; se descarga como informe-anual-<año>.pdf, .xlsx o -csv.zip",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnnualReport.class)),
                    @Content(mediaType = "application/zip"),
                    @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                    @Content(mediaType = "application/pdf")})
    @APIResponse(responseCode = "400", description = "El año no son cuatro dígitos, o el formato no existe",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = "Ningún ciclo del año se ha abierto",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "406", description = NO_ACCEPTED_FORMAT,
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "503", description = REBUILD_UNDER_WAY,
            headers = @Header(name = "Retry-After", description = "Segundos"),
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response getAnnualReport(
            @Parameter(description = "El año, cuatro dígitos, p. ej. 2026") @PathParam("year") String year,
            @Parameter(description = "json, csv, xlsx o pdf; gana sobre Accept") @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        int wanted = AnnualReports.year(year);
        ReportFormat chosen = ReportFormatNegotiation.choose(format, headers.getHeaderString(HttpHeaders.ACCEPT));
        AnnualReport report = readsEverything() ? annual.build(wanted)
                : annual.build(wanted, accountColumn -> VISIBILITY.answeredFor(caller, accountColumn));
        return answer(report, chosen, () -> rendering.render(report, chosen));
    }

    @GET
    @Path("/trends")
    @RolesAllowed({Roles.CNCS, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.INTEGRATION, Roles.AREA_HEAD})
    @Operation(summary = "Tendencias de varios años por red social, nivel o área",
            description = "Una serie por red social, nivel o área (por clave) con un punto por ciclo (por inicio del periodo):"
                    + " cuentas que reportaron, seguidores, su crecimiento respecto del ciclo anterior (absoluto y %, sobre las"
                    + " cuentas que reportaron en ambos), publicaciones, impresiones, evaluaciones concluidas y puntaje promedio."
                    + " Cada cuenta cuenta con la última versión de sus estadísticas del ciclo y se agrupa como el registro la"
                    + " tiene hoy. Un titular de área recibe solo las cuentas de su área y de las que dependen de ella; los"
                    + " administradores de cuentas consultan las series de sus cuentas en /trends/accounts/{accountId}.")
    @Produces({MediaType.APPLICATION_JSON, "application/zip", "text/csv",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/pdf"})
    @APIResponse(responseCode = "200", description = "Las series: " + PRODUCED_DOCUMENTS
            + "; se descargan como tendencias-por-red, tendencias-por-nivel o tendencias-por-area",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrendReport.class)),
                    @Content(mediaType = "application/zip"),
                    @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                    @Content(mediaType = "application/pdf")})
    @APIResponse(responseCode = "400", description = "by no es network, level ni area; from o to no es un ciclo conocido, o from"
            + " es posterior a to; o el formato no existe",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "406", description = NO_ACCEPTED_FORMAT,
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "503", description = REBUILD_UNDER_WAY,
            headers = @Header(name = "Retry-After", description = "Segundos"),
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response getTrends(
            @Parameter(description = "network (por omisión), level o area") @QueryParam("by") String by,
            @Parameter(description = "Primer ciclo, p. ej. 2026-S1 (por omisión, el primero)") @QueryParam("from") String from,
            @Parameter(description = "Último ciclo, p. ej. 2027-S2 (por omisión, el último)") @QueryParam("to") String to,
            @Parameter(description = "json, csv, xlsx o pdf; gana sobre Accept") @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        Trends.Grouping grouping = Trends.Grouping.ofParameter(by);
        ReportFormat chosen = ReportFormatNegotiation.choose(format, headers.getHeaderString(HttpHeaders.ACCEPT));
        TrendReport report = trends.byGroup(grouping, from, to, visibility());
        return answer(report, chosen, () -> rendering.render(report, chosen));
    }

    @GET
    @Path("/trends/accounts/{accountId}")
    @RolesAllowed({Roles.CNCS, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.INTEGRATION, Roles.AREA_HEAD, Roles.ACCOUNT_ADMIN})
    @Operation(summary = "Tendencias de varios años de una cuenta",
            description = "La serie de la cuenta con un punto por ciclo (por inicio del periodo): seguidores y su crecimiento"
                    + " respecto del ciclo anterior, publicaciones, impresiones y puntaje de la evaluación. Un administrador de"
                    + " cuentas consulta solo las cuentas que administra; un titular de área, las de su área y las que dependen"
                    + " de ella; cualquier otra cuenta es 404, como una que no existe.")
    @Produces({MediaType.APPLICATION_JSON, "application/zip", "text/csv",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/pdf"})
    @APIResponse(responseCode = "200", description = "La serie de la cuenta: " + PRODUCED_DOCUMENTS
            + "; se descarga como tendencias-de-la-cuenta-<id>",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrendReport.class)),
                    @Content(mediaType = "application/zip"),
                    @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                    @Content(mediaType = "application/pdf")})
    @APIResponse(responseCode = "400", description = "from o to no es un ciclo conocido, o from es posterior a to; o el formato"
            + " no existe",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = "La cuenta no se conoce o no está entre las que quien consulta puede ver",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "406", description = NO_ACCEPTED_FORMAT,
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "503", description = REBUILD_UNDER_WAY,
            headers = @Header(name = "Retry-After", description = "Segundos"),
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response getAccountTrends(
            @Parameter(description = "El id de la cuenta en el registro") @PathParam("accountId") UUID accountId,
            @Parameter(description = "Primer ciclo, p. ej. 2026-S1 (por omisión, el primero)") @QueryParam("from") String from,
            @Parameter(description = "Último ciclo, p. ej. 2027-S2 (por omisión, el último)") @QueryParam("to") String to,
            @Parameter(description = "json, csv, xlsx o pdf; gana sobre Accept") @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        ReportFormat chosen = ReportFormatNegotiation.choose(format, headers.getHeaderString(HttpHeaders.ACCEPT));
        TrendReport report = trends.ofAccount(accountId, from, to, visibility());
        return answer(report, chosen, () -> rendering.render(report, chosen));
    }

    /** The record itself as JSON, or the document rendered from it, downloaded under its name. */
    private static Response answer(Object report, ReportFormat chosen, Supplier<Rendered> document) {
        if (chosen == ReportFormat.JSON) {
            return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
        }
        Rendered rendered = document.get();
        return Response.ok(rendered.body(), rendered.contentType())
                .header("Content-Disposition", rendered.contentDisposition()).build();
    }

    private boolean readsEverything() {
        return caller.hasRole(Roles.CNCS) || caller.hasRole(Roles.COMMITTEE) || caller.hasRole(Roles.TRANSPARENCY)
                || caller.hasRole(Roles.INTEGRATION);
    }

    /** Everything for the roles that read it all; else the accounts the caller answers for (as head or administrator). */
    private Function<String, Restriction> visibility() {
        if (readsEverything()) {
            return accountColumn -> Restriction.all();
        }
        return accountColumn -> VISIBILITY.answeredFor(caller, accountColumn);
    }

    /** The report the caller may read: the whole one, or an area head's slice. */
    public SemiannualReport semiannualReport(String cycle) {
        if (caller.hasRole(Roles.CNCS) || caller.hasRole(Roles.COMMITTEE) || caller.hasRole(Roles.TRANSPARENCY)
                || caller.hasRole(Roles.INTEGRATION)) {
            return reports.build(cycle);
        }
        return reports.build(cycle, accountColumn -> VISIBILITY.answeredFor(caller, accountColumn));
    }
}
