package mx.ine.redes.accounts.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import mx.ine.redes.accounts.Person;
import mx.ine.redes.accounts.SupportDocument;
import mx.ine.redes.accounts.Training;
import mx.ine.redes.accounts.service.StaffService;
import mx.ine.redes.support.security.Caller;
import mx.ine.redes.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api")
@Tag(name = "Personal, capacitación y documentos de apoyo")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StaffResource {

    @Inject
    StaffService staff;

    @Inject
    Caller caller;

    @POST
    @Path("/people")
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Registra a una persona del Instituto (correo ine.mx) que podrá administrar cuentas")
    public RestResponse<PersonResponse> registerPerson(@Valid @NotNull PersonRequest request, UriInfo uri) {
        Person person = staff.registerPerson(request);
        return RestResponse.ResponseBuilder.<PersonResponse>created(uri.getAbsolutePathBuilder().path(person.id.toString()).build())
                .entity(toResponse(person)).build();
    }

    @GET
    @Path("/people")
    @RolesAllowed({Roles.CNCS, Roles.INTEGRATION})
    @Operation(summary = "Lista a las personas registradas")
    public List<PersonResponse> people() {
        return staff.people().stream().map(StaffResource::toResponse).toList();
    }

    @POST
    @Path("/trainings")
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Registra una capacitación y a quienes asistieron (Art. 6 V)")
    public RestResponse<TrainingResponse> recordTraining(@Valid @NotNull TrainingRequest request, UriInfo uri) {
        Training training = staff.recordTraining(request, caller.email());
        return RestResponse.ResponseBuilder.<TrainingResponse>created(uri.getAbsolutePathBuilder().path(training.id.toString()).build())
                .entity(toResponse(training)).build();
    }

    @GET
    @Path("/trainings")
    @RolesAllowed({Roles.CNCS, Roles.INTEGRATION, Roles.COMMITTEE, Roles.TRANSPARENCY})
    @Operation(summary = "Lista las capacitaciones")
    public List<TrainingResponse> trainings() {
        return staff.trainings().stream().map(StaffResource::toResponse).toList();
    }

    @POST
    @Path("/documents")
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Publica un documento de apoyo para los administradores (Art. 6 IV)")
    public RestResponse<DocumentResponse> publishDocument(@Valid @NotNull DocumentRequest request, UriInfo uri) {
        SupportDocument document = staff.publishDocument(request, caller.email());
        return RestResponse.ResponseBuilder.<DocumentResponse>created(uri.getAbsolutePathBuilder().path(document.id.toString()).build())
                .entity(toResponse(document)).build();
    }

    @GET
    @Path("/documents")
    @RolesAllowed({Roles.CNCS, Roles.ACCOUNT_ADMIN, Roles.AREA_HEAD, Roles.INTEGRATION, Roles.COMMITTEE, Roles.TRANSPARENCY})
    @Operation(summary = "Lista los documentos de apoyo publicados")
    public List<DocumentResponse> documents() {
        return staff.documents().stream().map(StaffResource::toResponse).toList();
    }

    private static PersonResponse toResponse(Person person) {
        return new PersonResponse(person.id, person.name, person.email, person.area == null ? null : person.area.code);
    }

    private static TrainingResponse toResponse(Training training) {
        return new TrainingResponse(training.id, training.heldOn, training.topic, training.hours, training.modality.name(),
                training.attendees.stream().map(person -> person.email).sorted().toList());
    }

    private static DocumentResponse toResponse(SupportDocument document) {
        return new DocumentResponse(document.id, document.title, document.link, document.description, document.publishedOn);
    }
}
