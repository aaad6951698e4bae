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
import mx.ine.redes.reporting.report.render.ReportFormat;
import mx.ine.redes.reporting.report.render.ReportFormatNegotiation;
import mx.ine.redes.reporting.report.render.ReportRendering;
import mx.ine.redes.reporting.report.render.Rendered;
import mx.ine.redes.reporting.report.SemiannualReport;
import mx.ine.redes.reporting.service.SemiannualReports;
import mx.ine.redes.support.registry.AreaSubtreeVisibility;
import mx.ine.redes.support.security.Caller;
import mx.ine.redes.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The Committee's reports. CNCS, the Committee, transparency and integrated systems read the whole
 * report; an area head reads the slice of the areas they head now and of every area below them.
 * Account administrators and every other role are refused (403) for now.
 */
@Path("/api/reports")
@Tag(name = "Informes", description = "Los informes al Comité de Redes Sociales")
public class ReportResource {

    private static final AreaSubtreeVisibility VISIBILITY = new AreaSubtreeVisibility("inventory_account");

    @Inject
    SemiannualReports reports;

    @Inject
    Caller caller;

    @Inject
    ReportRendering rendering;

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
    @APIResponse(responseCode = "406", description = "Accept no admite ninguno de los formatos del informe",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response getSemiannualReport(
            @Parameter(description = "El ciclo, p. ej. 2026-S1") @PathParam("cycle") String cycle,
            @Parameter(description = "json, csv, xlsx o pdf; gana sobre Accept") @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        ReportFormat chosen = ReportFormatNegotiation.choose(format, headers.getHeaderString(HttpHeaders.ACCEPT));
        SemiannualReport report = semiannualReport(cycle);
        if (chosen == ReportFormat.JSON) {
            return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
        }
        Rendered document = rendering.render(report, chosen);
        return Response.ok(document.body(), document.contentType())
                .header("Content-Disposition", document.contentDisposition()).build();
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
