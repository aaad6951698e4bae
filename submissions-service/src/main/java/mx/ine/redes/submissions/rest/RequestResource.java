package mx.ine.redes.submissions.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import mx.ine.redes.submissions.RequestEvidence;
import mx.ine.redes.submissions.evidence.EvidenceUpload;
import mx.ine.redes.submissions.service.EvidenceStaging;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import mx.ine.redes.submissions.StatisticsRequest;
import mx.ine.redes.submissions.form.FormSchema;
import mx.ine.redes.submissions.form.Forms;
import mx.ine.redes.submissions.mapping.SubmissionMapper;
import mx.ine.redes.submissions.service.SubmissionQueries;
import mx.ine.redes.support.paging.Page;
import mx.ine.redes.support.paging.PageParams;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.Text;
import mx.ine.redes.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** "My requests": what the accounts I answer for are asked, with the deadline as it stands now. */
@Path("/api/requests")
@Tag(name = "Requerimientos", description = "Los requerimientos de estadísticas de mis cuentas")
@Produces(MediaType.APPLICATION_JSON)
public class RequestResource {

    static final String READERS_NOTE = " Un administrador ve los de las cuentas que administra; un titular, los de su área y las "
            + "áreas debajo de ella; Comunicación Social, el Comité y los sistemas del Instituto, todos.";

    @Inject
    SubmissionQueries queries;

    @Inject
    SubmissionMapper mapper;

    @Inject
    EvidenceStaging staging;

    @GET
    @RolesAllowed({Roles.CNCS, Roles.ACCOUNT_ADMIN, Roles.AREA_HEAD, Roles.COMMITTEE, Roles.INTEGRATION})
    @Operation(summary = "Mis requerimientos abiertos (o retirados, o cerrados), por ciclo, cuenta o red",
            description = "Ordenados por fecha límite, la más próxima primero, y luego por id. Cada uno con los campos que pide, "
                    + "la apertura de su ventana, la fecha límite vigente y el tiempo que falta." + READERS_NOTE)
    @APIResponse(responseCode = "200", description = "Una página de requerimientos")
    public Page<RequestResponse> listRequests(@QueryParam("status") @DefaultValue("OPEN") StatisticsRequest.Status status,
                                              @QueryParam("cycle") @Pattern(regexp = "\\d{4}-S[12]") String cycle,
                                              @QueryParam("account") UUID account,
                                              @QueryParam("network") Network network,
                                              @BeanParam PageParams paging, @Context HttpHeaders headers) {
        Page<SubmissionQueries.RequestView> page = queries.requests(status, cycle, account,
                network == null ? null : network.name(), paging.request());
        return new Page<>(page.items().stream().map(view -> mapper.toResponse(view, Languages.of(headers))).toList(),
                page.page(), page.size(), page.total());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CNCS, Roles.ACCOUNT_ADMIN, Roles.AREA_HEAD, Roles.COMMITTEE, Roles.INTEGRATION})
    @Operation(summary = "Un requerimiento", description = "404 si no existe o no es de una cuenta que usted pueda ver.")
    @APIResponse(responseCode = "200", description = "El requerimiento")
    @APIResponse(responseCode = "404", description = "No existe o no es suyo")
    public RequestResponse getRequest(@PathParam("id") UUID id, @Context HttpHeaders headers) {
        return mapper.toResponse(view(id), Languages.of(headers));
    }

    @GET
    @Path("/{id}/form")
    @Produces({MediaType.APPLICATION_JSON, "application/schema+json"})
    @RolesAllowed({Roles.CNCS, Roles.ACCOUNT_ADMIN, Roles.AREA_HEAD, Roles.COMMITTEE, Roles.INTEGRATION})
    @Operation(summary = "El formulario de este requerimiento como JSON Schema",
            description = "El de la red de la cuenta, o, para un requerimiento específico (Art. 12), exactamente los campos que pide, "
                    + "todos obligatorios.")
    @APIResponse(responseCode = "200", description = "El JSON Schema")
    @APIResponse(responseCode = "404", description = "No existe o no es suyo")
    public ObjectNode getRequestForm(@PathParam("id") UUID id) {
        SubmissionQueries.RequestView view = view(id);
        if (view.request().kind == StatisticsRequest.Kind.AD_HOC) {
            return FormSchema.of(Forms.adHoc(view.request().requestedFields));
        }
        if (view.account() == null) {
            throw notFound();
        }
        return FormSchema.of(Forms.forNetwork(view.account().network));
    }

    @POST
    @Path("/{id}/evidence")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.ACCOUNT_ADMIN, Roles.CNCS})
    @Operation(summary = "Sube evidencia (PNG, JPEG o PDF) para el requerimiento, para citarla después por su SHA-256",
            description = "Una o más partes «file». Cada archivo se reconoce por su contenido (no por su nombre ni por el tipo "
                    + "declarado) y se abre o decodifica: un archivo truncado o disfrazado se rechaza (422). A lo más 10 MB por "
                    + "archivo y 20 por envío (413). Un contenido idéntico se guarda una sola vez. La entrega o corrección los cita "
                    + "en «evidence».")
    @APIResponse(responseCode = "201", description = "Los archivos guardados",
            headers = @Header(name = "Location", description = "/api/requests/{id}/evidence", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "403", description = "Quien sube no administra la cuenta")
    @APIResponse(responseCode = "404", description = "No existe el requerimiento o no es suyo")
    @APIResponse(responseCode = "409", description = "El requerimiento está retirado o cerrado, o la cuenta fue dada de baja")
    @APIResponse(responseCode = "413", description = "Un archivo excede el tamaño máximo, o son demasiados")
    @APIResponse(responseCode = "422", description = "Un archivo no es un PNG, JPEG o PDF íntegro")
    public RestResponse<List<EvidenceFileResponse>> uploadEvidence(@PathParam("id") UUID id,
                                                                   @RestForm("file") List<FileUpload> files, UriInfo uri) {
        List<EvidenceUpload> uploads = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            uploads.add(new EvidenceUpload(files.get(i).uploadedFile(), files.get(i).fileName(), "file[" + i + "]"));
        }
        List<EvidenceFileResponse> stored = staging.upload(id, uploads).stream().map(RequestResource::toResponse).toList();
        return RestResponse.ResponseBuilder.<List<EvidenceFileResponse>>created(uri.getAbsolutePath()).entity(stored).build();
    }

    @GET
    @Path("/{id}/evidence")
    @RolesAllowed({Roles.CNCS, Roles.ACCOUNT_ADMIN, Roles.AREA_HEAD, Roles.COMMITTEE, Roles.INTEGRATION})
    @Operation(summary = "La evidencia subida para el requerimiento", description = "En el orden en que se subió, luego por SHA-256.")
    @APIResponse(responseCode = "200", description = "Una página de archivos")
    @APIResponse(responseCode = "404", description = "No existe el requerimiento o no es suyo")
    public Page<EvidenceFileResponse> listRequestEvidence(@PathParam("id") UUID id, @BeanParam PageParams paging) {
        Page<RequestEvidence> page = staging.uploaded(id, paging.request());
        return new Page<>(page.items().stream().map(RequestResource::toResponse).toList(), page.page(), page.size(), page.total());
    }

    private static EvidenceFileResponse toResponse(RequestEvidence file) {
        return new EvidenceFileResponse(file.sha256, file.contentType, file.sizeBytes, file.fileName, file.uploadedAt, null);
    }

    private SubmissionQueries.RequestView view(UUID id) {
        return queries.request(id).orElseThrow(RequestResource::notFound);
    }

    static ProblemException notFound() {
        return ProblemException.notFound(Text.of("No existe el requerimiento o no es de una cuenta que usted pueda ver.",
                "The request does not exist or is not of an account you may see."));
    }
}
