package mx.ine.redes.submissions.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
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

    private SubmissionQueries.RequestView view(UUID id) {
        return queries.request(id).orElseThrow(RequestResource::notFound);
    }

    static ProblemException notFound() {
        return ProblemException.notFound(Text.of("No existe el requerimiento o no es de una cuenta que usted pueda ver.",
                "The request does not exist or is not of an account you may see."));
    }
}
