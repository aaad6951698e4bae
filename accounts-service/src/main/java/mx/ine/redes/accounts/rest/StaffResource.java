package mx.ine.redes.accounts.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
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
import mx.ine.redes.support.paging.Page;
import mx.ine.redes.support.paging.PageParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @APIResponse(responseCode = "201", description = "Persona registrada",
            headers = @Header(name = "Location", description = "La dirección de la persona"))
    @APIResponse(responseCode = "409", description = "Ya hay una persona con ese correo")
    public RestResponse<PersonResponse> registerPerson(@Valid @NotNull PersonRequest request, UriInfo uri) {
        Person person = staff.registerPerson(request);
        return RestResponse.ResponseBuilder.<PersonResponse>created(uri.getAbsolutePathBuilder().path(person.id.toString()).build())
                .entity(toResponse(person)).build();
    }

    @GET
    @Path("/people")
    @RolesAllowed({Roles.CNCS, Roles.INTEGRATION})
    @Operation(summary = "Lista a las personas registradas, por páginas", description = "Ordenadas por correo (único).")
    @APIResponse(responseCode = "200", description = "Una página de personas")
    public Page<PersonResponse> listPeople(@BeanParam PageParams paging) {
        return map(staff.people(paging.request()), StaffResource::toResponse);
    }

    @POST
    @Path("/trainings")
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Registra una capacitación y a quienes asistieron (Art. 6 V)",
            description = "Se registra una vez impartida: la fecha no puede ser futura.")
    @APIResponse(responseCode = "201", description = "Capacitación registrada",
            headers = @Header(name = "Location", description = "La dirección de la capacitación"))
    public RestResponse<TrainingResponse> recordTraining(@Valid @NotNull TrainingRequest request, UriInfo uri) {
        Training training = staff.recordTraining(request, caller.email());
        return RestResponse.ResponseBuilder.<TrainingResponse>created(uri.getAbsolutePathBuilder().path(training.id.toString()).build())
                .entity(toResponse(training)).build();
    }

    @GET
    @Path("/trainings")
    @RolesAllowed({Roles.CNCS, Roles.INTEGRATION, Roles.COMMITTEE, Roles.TRANSPARENCY})
    @Operation(summary = "Lista las capacitaciones, por páginas",
            description = "De la más reciente a la más antigua (fecha de impartición), y por id entre las del mismo día.")
    @APIResponse(responseCode = "200", description = "Una página de capacitaciones")
    public Page<TrainingResponse> listTrainings(@BeanParam PageParams paging) {
        return map(staff.trainings(paging.request()), StaffResource::toResponse);
    }

    @POST
    @Path("/documents")
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Publica un documento de apoyo para los administradores (Art. 6 IV)",
            description = "La fecha de publicación no puede ser futura.")
    @APIResponse(responseCode = "201", description = "Documento publicado",
            headers = @Header(name = "Location", description = "La dirección del documento"))
    public RestResponse<DocumentResponse> publishDocument(@Valid @NotNull DocumentRequest request, UriInfo uri) {
        SupportDocument document = staff.publishDocument(request, caller.email());
        return RestResponse.ResponseBuilder.<DocumentResponse>created(uri.getAbsolutePathBuilder().path(document.id.toString()).build())
                .entity(toResponse(document)).build();
    }

    @GET
    @Path("/documents")
    @RolesAllowed({Roles.CNCS, Roles.ACCOUNT_ADMIN, Roles.AREA_HEAD, Roles.INTEGRATION, Roles.COMMITTEE, Roles.TRANSPARENCY})
    @Operation(summary = "Lista los documentos de apoyo publicados, por páginas",
            description = "Del publicado más recientemente al más antiguo, y por id entre los del mismo día.")
    @APIResponse(responseCode = "200", description = "Una página de documentos")
    public Page<DocumentResponse> listDocuments(@BeanParam PageParams paging) {
        return map(staff.documents(paging.request()), StaffResource::toResponse);
    }

    private static <T, R> Page<R> map(Page<T> page, java.util.function.Function<T, R> mapper) {
        return new Page<>(page.items().stream().map(mapper).toList(), page.page(), page.size(), page.total());
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
