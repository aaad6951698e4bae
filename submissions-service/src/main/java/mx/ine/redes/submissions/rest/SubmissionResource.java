package mx.ine.redes.submissions.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jakarta.ws.rs.core.Response;
import mx.ine.redes.events.StatisticField;
import mx.ine.redes.events.SubmissionReceived;
import mx.ine.redes.submissions.evidence.EvidenceContent;
import mx.ine.redes.submissions.evidence.EvidenceDownload;
import mx.ine.redes.submissions.evidence.EvidenceStore;
import mx.ine.redes.submissions.service.EvidenceStaging;
import mx.ine.redes.submissions.SubmissionVersion;
import mx.ine.redes.submissions.mapping.SubmissionMapper;
import mx.ine.redes.submissions.service.SubmissionIntake;
import mx.ine.redes.submissions.service.SubmissionQueries;
import mx.ine.redes.support.csv.Csv;
import mx.ine.redes.support.paging.Page;
import mx.ine.redes.support.paging.PageParams;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.Text;
import mx.ine.redes.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Submissions and their versions (Art. 11, 12, 14): intake for administrators and CNCS, the read side for CNCS. */
@Path("/api/submissions")
@Tag(name = "Entregas", description = "Las estadísticas entregadas, sus versiones y su evidencia")
@Produces(MediaType.APPLICATION_JSON)
public class SubmissionResource {

    private static final List<StatisticField> COUNT_COLUMNS = java.util.Arrays.stream(StatisticField.values())
            .filter(StatisticField::isCount).toList();
    private static final int EXPORT_BATCH = 500;

    @Inject
    SubmissionIntake intake;

    @Inject
    SubmissionQueries queries;

    @Inject
    SubmissionMapper mapper;

    @Inject
    EvidenceStaging staging;

    @Inject
    EvidenceStore evidence;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ACCOUNT_ADMIN, Roles.CNCS})
    @Operation(summary = "Entrega las estadísticas de un requerimiento",
            description = "Las cifras se leen contra el formulario del requerimiento (GET /api/requests/{id}/form) y se informan todos "
                    + "los campos con error a la vez: 400 si un valor no tiene la forma debida (no es entero, excede 64 bits, campo "
                    + "de otro formulario…), 422 si las cifras no son congruentes (B + C > A, multimedia mayor que el total, "
                    + "porcentajes que suman más de 100…); en ambos casos no se guarda nada. Las advertencias (seguidores a la "
                    + "baja más de 20 %, impresiones menores que publicaciones, cero publicaciones) se guardan con la entrega. "
                    + "Una entrega después de la fecha límite vigente se acepta y se marca tardía; cuenta el instante de recepción. "
                    + "Comunicación Social puede registrarla a nombre del administrador (enteredOnBehalf, Art. 9).")
    @APIResponse(responseCode = "201", description = "Entrega recibida (versión 1)",
            headers = @Header(name = "Location", description = "/api/submissions/{id}", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "403", description = "Quien la envía no administra la cuenta (un titular puede verla, no entregarla)")
    @APIResponse(responseCode = "404", description = "No existe el requerimiento o no es de una cuenta suya")
    @APIResponse(responseCode = "409", description = "Ya hay entrega para el requerimiento, está retirado o cerrado, la cuenta fue dada "
            + "de baja, o su ventana aún no abre")
    @APIResponse(responseCode = "422", description = "Cifras incongruentes o evidencia que no se puede usar")
    public RestResponse<SubmissionResponse> submitStatistics(@Valid @NotNull SubmissionDraft draft, UriInfo uri,
                                                            @Context HttpHeaders headers) {
        SubmissionIntake.Taken taken = intake.submit(draft);
        return RestResponse.ResponseBuilder.<SubmissionResponse>created(uri.getAbsolutePathBuilder()
                .path(taken.submission().id.toString()).build())
                .entity(mapper.toResponse(taken.view(), taken.versions(), Languages.of(headers))).build();
    }

    @POST
    @Path("/{id}/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ACCOUNT_ADMIN, Roles.CNCS})
    @Operation(summary = "Corrige una entrega: una nueva versión",
            description = "La declaración completa otra vez; las versiones anteriores se conservan tal cual. basedOnVersion es la "
                    + "versión que se corrige: si otra corrección llegó antes, 409 (nada se sobrescribe). answersObservationId "
                    + "enlaza la corrección con la observación (Art. 14) que atiende. Mismas reglas que la primera entrega.")
    @APIResponse(responseCode = "201", description = "Nueva versión",
            headers = @Header(name = "Location", description = "/api/submissions/{id}/versions/{version}",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "403", description = "Quien la envía no administra la cuenta")
    @APIResponse(responseCode = "404", description = "No existe la entrega o no es de una cuenta suya")
    @APIResponse(responseCode = "409", description = "Otra corrección llegó antes, el requerimiento está retirado o cerrado, o la cuenta "
            + "fue dada de baja")
    @APIResponse(responseCode = "422", description = "Cifras incongruentes, evidencia u observación que no se puede usar")
    public RestResponse<SubmissionResponse> correctSubmission(@PathParam("id") UUID id, @Valid @NotNull CorrectionDraft draft,
                                                             UriInfo uri, @Context HttpHeaders headers) {
        SubmissionIntake.Taken taken = intake.correct(id, draft);
        return RestResponse.ResponseBuilder.<SubmissionResponse>created(uri.getAbsolutePathBuilder()
                .path(Integer.toString(taken.submission().currentVersion)).build())
                .entity(mapper.toResponse(taken.view(), taken.versions(), Languages.of(headers))).build();
    }

    @GET
    @RolesAllowed({Roles.CNCS, Roles.ACCOUNT_ADMIN, Roles.AREA_HEAD, Roles.COMMITTEE, Roles.INTEGRATION})
    @Operation(summary = "Lista las entregas (por ciclo, cuenta, área y las de debajo, red, tardías, con advertencias)",
            description = "La más recientemente recibida primero, luego por id; cada una en su versión vigente."
                    + RequestResource.READERS_NOTE)
    @APIResponse(responseCode = "200", description = "Una página de entregas")
    public Page<SubmissionSummary> listSubmissions(@Valid @BeanParam SubmissionFilterParams filter, @BeanParam PageParams paging) {
        Page<SubmissionQueries.SubmissionView> page = queries.submissions(filter.toFilter(), paging.request());
        return new Page<>(page.items().stream().map(mapper::toSummary).toList(), page.page(), page.size(), page.total());
    }

    @GET
    @Path("/export")
    @Produces("text/csv")
    @RolesAllowed({Roles.CNCS, Roles.ACCOUNT_ADMIN, Roles.AREA_HEAD, Roles.COMMITTEE, Roles.INTEGRATION})
    @Operation(summary = "Exporta a CSV las entregas que cumplen los filtros",
            description = "UTF-8, en el orden de la lista, una línea por entrega en su versión vigente, una columna por cifra. Las "
                    + "celdas que una hoja de cálculo ejecutaría como fórmula llevan un apóstrofo delante. Se escribe mientras se lee, "
                    + EXPORT_BATCH + " entregas a la vez.")
    @APIResponse(responseCode = "200", description = "El archivo CSV", content = @Content(mediaType = "text/csv"))
    public RestResponse<StreamingOutput> exportSubmissions(@Valid @BeanParam SubmissionFilterParams filter) {
        SubmissionQueries.PreparedFilter prepared = queries.prepare(filter.toFilter());
        StreamingOutput body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            List<Object> header = new ArrayList<>(List.of("submissionId", "requestId", "accountId", "network", "handle", "areaCode",
                    "cycleId", "kind", "version", "receivedAt", "late", "warnings", "enteredBy", "onBehalf", "documentReference",
                    "lastPublicationOn"));
            COUNT_COLUMNS.forEach(field -> header.add(field.wireName()));
            writer.write(Csv.line(header));
            for (long offset = 0; ; offset += EXPORT_BATCH) {
                long from = offset;
                List<SubmissionQueries.SubmissionView> batch = QuarkusTransaction.joiningExisting()
                        .call(() -> queries.exportBatch(prepared, from, EXPORT_BATCH));
                for (SubmissionQueries.SubmissionView view : batch) {
                    writer.write(Csv.line(row(view)));
                }
                if (batch.size() < EXPORT_BATCH) {
                    break;
                }
            }
            writer.flush();
        };
        return RestResponse.ResponseBuilder.ok(body)
                .header("Content-Disposition", "attachment; filename=\"entregas.csv\"")
                .type("text/csv; charset=UTF-8").build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CNCS, Roles.ACCOUNT_ADMIN, Roles.AREA_HEAD, Roles.COMMITTEE, Roles.INTEGRATION})
    @Operation(summary = "Una entrega con todas sus versiones y lo que cambió de cada una a la siguiente")
    @APIResponse(responseCode = "200", description = "La entrega")
    @APIResponse(responseCode = "404", description = "No existe o no es de una cuenta que usted pueda ver")
    public SubmissionResponse getSubmission(@PathParam("id") UUID id, @Context HttpHeaders headers) {
        return read(id, headers);
    }

    @GET
    @Path("/{id}/versions/{version}")
    @RolesAllowed({Roles.CNCS, Roles.ACCOUNT_ADMIN, Roles.AREA_HEAD, Roles.COMMITTEE, Roles.INTEGRATION})
    @Operation(summary = "Una versión de una entrega, con lo que cambió respecto de la anterior")
    @APIResponse(responseCode = "200", description = "La versión")
    @APIResponse(responseCode = "404", description = "No existe o no es de una cuenta que usted pueda ver")
    public SubmissionResponse.Version getSubmissionVersion(@PathParam("id") UUID id,
                                                           @PathParam("version") @jakarta.validation.constraints.Min(1) int version,
                                                           @Context HttpHeaders headers) {
        return read(id, headers).versions().stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> ProblemException.notFound(Text.of("La entrega no tiene la versión " + version + ".",
                        "The submission has no version " + version + ".")));
    }

    @GET
    @Path("/{id}/evidence")
    @RolesAllowed({Roles.CNCS, Roles.ACCOUNT_ADMIN, Roles.AREA_HEAD, Roles.COMMITTEE, Roles.INTEGRATION})
    @Operation(summary = "La evidencia que citan las versiones de la entrega", description = "Cada archivo una vez, en el orden en "
            + "que una versión lo citó por primera vez.")
    @APIResponse(responseCode = "200", description = "Una página de archivos")
    @APIResponse(responseCode = "404", description = "No existe o no es de una cuenta que usted pueda ver")
    public Page<EvidenceFileResponse> listSubmissionEvidence(@PathParam("id") UUID id, @BeanParam PageParams paging) {
        List<SubmissionReceived.EvidenceFile> files = staging.cited(id);
        var page = paging.request();
        return page.of(files.size(), () -> files.stream().skip(page.offset()).limit(page.size())
                .map(file -> new EvidenceFileResponse(file.sha256(), file.contentType(), file.sizeBytes(), file.fileName(), null,
                        "/api/submissions/" + id + "/evidence/" + file.sha256()))
                .toList());
    }

    @GET
    @Path("/{id}/evidence/{sha256}")
    @Produces({"image/png", "image/jpeg", "application/pdf", MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.CNCS, Roles.ACCOUNT_ADMIN, Roles.AREA_HEAD, Roles.COMMITTEE, Roles.INTEGRATION})
    @Operation(summary = "Descarga un archivo de evidencia de la entrega",
            description = "Con el tipo reconocido al subirlo, su longitud exacta y un nombre seguro; se transmite por partes.")
    @APIResponse(responseCode = "200", description = "El archivo", content = {@Content(mediaType = "image/png"),
            @Content(mediaType = "image/jpeg"), @Content(mediaType = "application/pdf")})
    @APIResponse(responseCode = "404", description = "La entrega no cita ese archivo, o no es de una cuenta que usted pueda ver")
    public Response downloadEvidence(@PathParam("id") UUID id,
                                     @PathParam("sha256") @Pattern(regexp = "[0-9a-f]{64}") String sha256) {
        SubmissionReceived.EvidenceFile file = staging.cited(id).stream().filter(cited -> cited.sha256().equals(sha256)).findFirst()
                .orElseThrow(() -> ProblemException.notFound(Text.of("La entrega no cita ese archivo.",
                        "The submission does not cite that file.")));
        EvidenceContent content = evidence.find(sha256).orElseThrow(() -> ProblemException.notFound(Text.of(
                "El archivo no está guardado.", "The file is not stored.")));
        return EvidenceDownload.response(content, file.fileName(), evidence.stream(sha256));
    }

    private SubmissionResponse read(UUID id, HttpHeaders headers) {
        SubmissionQueries.SubmissionView view = queries.submission(id).orElseThrow(() -> ProblemException.notFound(Text.of(
                "No existe la entrega o no es de una cuenta que usted pueda ver.",
                "The submission does not exist or is not of an account you may see.")));
        return mapper.toResponse(view, queries.versions(id), Languages.of(headers));
    }

    private static List<Object> row(SubmissionQueries.SubmissionView view) {
        SubmissionVersion current = view.current();
        List<Object> row = new ArrayList<>(List.of(view.submission().id, view.submission().requestId, view.submission().accountId,
                view.submission().network, view.account() == null ? "" : view.account().handle,
                view.account() == null ? "" : view.account().areaCode,
                view.submission().cycleId == null ? "" : view.submission().cycleId,
                view.request() == null ? "" : view.request().kind.name(), current.version, current.receivedAt,
                view.submission().late, String.join(" ", current.warnings.stream().map(SubmissionVersion.StoredWarning::code).toList()),
                current.enteredBy, current.onBehalf, current.documentReference == null ? "" : current.documentReference,
                current.lastPublicationOn == null ? "" : current.lastPublicationOn));
        COUNT_COLUMNS.forEach(field -> row.add(current.figures.get(field.wireName())));
        return row;
    }

    /** The filters of the list and the export. */
    public static class SubmissionFilterParams {
        @QueryParam("cycle")
        @Pattern(regexp = "\\d{4}-S[12]")
        public String cycle;

        @QueryParam("account")
        public UUID account;

        @QueryParam("area")
        @Pattern(regexp = "[A-Z0-9-]{2,30}")
        public String area;

        @QueryParam("network")
        public Network network;

        @QueryParam("late")
        public Boolean late;

        @QueryParam("withWarnings")
        public Boolean withWarnings;

        SubmissionQueries.SubmissionFilter toFilter() {
            return new SubmissionQueries.SubmissionFilter(cycle, account, area, network == null ? null : network.name(), late,
                    withWarnings);
        }
    }
}
