package mx.ine.redes.submissions.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import mx.ine.redes.submissions.form.FormSchema;
import mx.ine.redes.submissions.form.Forms;
import mx.ine.redes.submissions.mapping.SubmissionMapper;
import mx.ine.redes.support.paging.Page;
import mx.ine.redes.support.paging.PageParams;
import mx.ine.redes.support.paging.PageRequest;
import mx.ine.redes.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The forms of Art. 11, described for people and, as JSON Schema, for other systems' screens. */
@Path("/api/forms")
@Tag(name = "Formularios", description = "Los formularios por red (Art. 11) y su JSON Schema")
@Produces(MediaType.APPLICATION_JSON)
public class FormResource {

    @Inject
    SubmissionMapper mapper;

    @GET
    @RolesAllowed({Roles.CNCS, Roles.ACCOUNT_ADMIN, Roles.AREA_HEAD, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.INTEGRATION})
    @Operation(summary = "Los formularios, uno por red", description = "En el orden de las redes del registro (X, FACEBOOK, "
            + "INSTAGRAM, YOUTUBE, TIKTOK, THREADS, LINKEDIN, PINTEREST, WHATSAPP_CHANNEL, OTHER); cada uno con sus campos y la "
            + "dirección de su JSON Schema.")
    @APIResponse(responseCode = "200", description = "Una página de formularios")
    public Page<FormSummary> listForms(@BeanParam PageParams paging, @Context HttpHeaders headers) {
        PageRequest page = paging.request();
        List<Network> networks = Arrays.asList(Network.values());
        return page.of(networks.size(), () -> networks.stream().skip(page.offset()).limit(page.size())
                .map(network -> mapper.toSummary(Forms.forNetwork(network.name()), Languages.of(headers),
                        "/api/forms/" + network.name()))
                .toList());
    }

    @GET
    @Path("/{network}")
    @Produces({MediaType.APPLICATION_JSON, "application/schema+json"})
    @RolesAllowed({Roles.CNCS, Roles.ACCOUNT_ADMIN, Roles.AREA_HEAD, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.INTEGRATION})
    @Operation(summary = "El formulario de una red como JSON Schema (draft 2020-12)",
            description = "El cuerpo de POST /api/submissions para esa red: campos obligatorios y opcionales, su letra (x-letter) "
                    + "en las tablas de los Lineamientos, sus títulos, y en x-rules las reglas entre campos que el servicio "
                    + "verifica (422).")
    @APIResponse(responseCode = "200", description = "El JSON Schema del formulario")
    public ObjectNode getFormSchema(@PathParam("network") Network network) {
        return FormSchema.of(Forms.forNetwork(network.name()));
    }
}
