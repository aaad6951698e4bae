package mx.ine.redes.evaluation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import java.util.UUID;
import mx.ine.redes.evaluation.BajaProposal;
import mx.ine.redes.evaluation.service.OutcomeQueries;
import mx.ine.redes.support.paging.Page;
import mx.ine.redes.support.paging.PageParams;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.Text;
import mx.ine.redes.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Proposed bajas (domain.md §5), made at completion; decided by the registry's baja act, which cites them. */
@Path("/api/baja-proposals")
@Tag(name = "Propuestas de baja")
@Produces(MediaType.APPLICATION_JSON)
public class BajaProposalResource {

    @Inject
    OutcomeQueries queries;

    @GET
    @RolesAllowed({Roles.CNCS, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.INTEGRATION, Roles.AREA_HEAD, Roles.ACCOUNT_ADMIN})
    @Operation(summary = "Lista las propuestas de baja (por ciclo y estado)",
            description = "CNCS, Comité, transparencia e integración ven todas; titulares y administradores, las de sus cuentas"
                    + " (registro actual). status: PROPOSED, DECIDED o WITHDRAWN. Orden: de la más antigua a la más reciente"
                    + " (proposedAt), y por id.")
    @APIResponse(responseCode = "200", description = "Una página de propuestas de baja")
    public Page<BajaProposalResponse> listBajaProposals(@QueryParam("cycle") String cycle, @QueryParam("status") String status,
                                                        @BeanParam PageParams paging) {
        Page<BajaProposal> page = queries.proposals(cycle == null || cycle.isBlank() ? null : cycle.strip().toUpperCase(Locale.ROOT),
                status(status), paging.request());
        return new Page<>(page.items().stream().map(BajaProposalResponse::of).toList(), page.page(), page.size(), page.total());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CNCS, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.INTEGRATION, Roles.AREA_HEAD, Roles.ACCOUNT_ADMIN})
    @Operation(summary = "Consulta una propuesta de baja")
    @APIResponse(responseCode = "200", description = "La propuesta de baja")
    @APIResponse(responseCode = "404", description = "No existe, o es de una cuenta que quien consulta no puede ver")
    public BajaProposalResponse getBajaProposal(@PathParam("id") UUID id) {
        return BajaProposalResponse.of(queries.requireProposal(id));
    }

    private static BajaProposal.Status status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return BajaProposal.Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidParameter("status", Text.of("Estado no admitido: " + status
                    + " (PROPOSED, DECIDED, WITHDRAWN).", "Unknown status: " + status + " (PROPOSED, DECIDED, WITHDRAWN)."));
        }
    }
}
