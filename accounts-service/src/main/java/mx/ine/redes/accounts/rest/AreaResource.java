package mx.ine.redes.accounts.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import mx.ine.redes.support.csv.CsvUpload;
import mx.ine.redes.support.paging.Page;
import mx.ine.redes.support.paging.PageParams;
import mx.ine.redes.support.problem.Text;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import mx.ine.redes.accounts.Area;
import mx.ine.redes.accounts.mapping.RegistryMapper;
import mx.ine.redes.accounts.service.AreaService;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.security.Caller;
import mx.ine.redes.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/areas")
@Tag(name = "Áreas")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AreaResource {

    @Inject
    AreaService areas;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Registra un área del Instituto",
            description = "Un área central no tiene entidad ni distrito y depende de otra central (o de ninguna); una junta"
                    + " local tiene su entidad (una por entidad) y depende de un área central o de ninguna; una junta distrital"
                    + " tiene entidad y número (una por ambos) y depende de la junta local de su entidad.")
    @APIResponse(responseCode = "201", description = "Área registrada",
            headers = @Header(name = "Location", description = "La dirección del área"))
    @APIResponse(responseCode = "409", description = "La clave, la entidad (junta local) o el distrito (junta distrital) ya tiene área; nombra cuál")
    public RestResponse<AreaResponse> registerArea(@Valid @NotNull AreaRequest request, UriInfo uri) {
        Area area = areas.register(request);
        return RestResponse.ResponseBuilder.<AreaResponse>created(uri.getAbsolutePathBuilder().path(area.code).build())
                .entity(RegistryMapper.toResponse(area)).build();
    }

    @GET
    @RolesAllowed({Roles.CNCS, Roles.INTEGRATION, Roles.COMMITTEE, Roles.TRANSPARENCY})
    @Operation(summary = "Lista las áreas, por páginas", description = "Ordenadas por clave (code), un orden sin empates.")
    @APIResponse(responseCode = "200", description = "Una página de áreas")
    public Page<AreaResponse> listAreas(@BeanParam PageParams paging) {
        Page<Area> page = areas.page(paging.request());
        return new Page<>(page.items().stream().map(RegistryMapper::toResponse).toList(), page.page(), page.size(), page.total());
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.CNCS, Roles.INTEGRATION, Roles.COMMITTEE, Roles.TRANSPARENCY})
    @Operation(summary = "Consulta un área por su clave")
    @APIResponse(responseCode = "200", description = "El área")
    @APIResponse(responseCode = "404", description = "No existe el área")
    public AreaResponse getArea(@PathParam("code") String code) {
        return areas.findByCode(code).map(RegistryMapper::toResponse)
                .orElseThrow(() -> ProblemException.notFound(Text.of("No existe el área " + code + ".",
                        "There is no area " + code + ".")));
    }

    @PATCH
    @Path("/{code}")
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Cambia el nombre, el área superior, el titular o el encargado del tema de un área",
            description = "Los campos ausentes no cambian; removeHead=true deja el área sin titular (sus escalamientos pasan al"
                    + " titular del área superior). liaisonName y liaisonEmail (correo @ine.mx) nombran al encargado del tema"
                    + " (Art. 9), a quien se copian los avisos a los administradores de las cuentas del área: ambos o ninguno;"
                    + " removeLiaison=true lo quita. Si algo cambia, queda como acto en el historial del área y se anuncia"
                    + " AccountUpdated para cada cuenta vigente del área y de todas las áreas debajo de ella (sólo las del área"
                    + " cuando cambia sólo el encargado del tema), y queda en el historial de cada cuenta; si nada cambia, no se"
                    + " anuncia ni registra nada.")
    @APIResponse(responseCode = "200", description = "El área, cambiada o no")
    @APIResponse(responseCode = "404", description = "No existe el área")
    @APIResponse(responseCode = "409", description = "Una cuenta del área cambió mientras se aplicaba el cambio; no se cambió nada")
    public AreaResponse updateArea(@PathParam("code") String code, @Valid @NotNull AreaUpdate update) {
        return RegistryMapper.toResponse(areas.update(code, update, caller.email()));
    }

    @GET
    @Path("/{code}/history")
    @RolesAllowed({Roles.CNCS, Roles.INTEGRATION, Roles.COMMITTEE, Roles.TRANSPARENCY})
    @Operation(summary = "Los actos sobre un área, por páginas",
            description = "Quién, cuándo, qué (UPDATED: nombre, área superior o titular; LIAISON_NAMED o LIAISON_REMOVED: el"
                    + " encargado del tema), antes y después. Del más antiguo al más reciente, luego por identificador.")
    @APIResponse(responseCode = "200", description = "Una página de actos del área")
    @APIResponse(responseCode = "404", description = "No existe el área")
    public Page<AreaChangeResponse> areaHistory(@PathParam("code") String code, @BeanParam PageParams paging) {
        Area area = areas.findByCode(code).orElseThrow(() -> ProblemException.notFound(Text.of("No existe el área " + code + ".",
                "There is no area " + code + ".")));
        Page<mx.ine.redes.accounts.AreaChange> page = areas.history(area, paging.request());
        return new Page<>(page.items().stream().map(RegistryMapper::toResponse).toList(), page.page(), page.size(), page.total());
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Importa áreas desde CSV: todas o ninguna",
            description = "Columnas: code,name,level,state,district,parentCode,headName,headEmail. Un área superior puede"
                    + " existir ya o venir en cualquier línea del archivo. Si una línea tiene errores no se importa nada y la"
                    + " respuesta 422 lista cada error de cada línea (line, y field = columna). UTF-8 (con o sin BOM), o la"
                    + " codificación declarada (Content-Type: text/csv; charset=windows-1252).")
    @RequestBody(content = @Content(mediaType = "text/csv"))
    @APIResponse(responseCode = "201", description = "Áreas importadas")
    @APIResponse(responseCode = "409", description = "Otra operación registró a la vez un área con la misma clave o sede")
    @APIResponse(responseCode = "422", description = "El archivo tiene errores (cada uno con su línea y columna); no se importó nada")
    public RestResponse<List<AreaResponse>> importAreas(byte[] csv, @Context HttpHeaders headers) {
        return RestResponse.status(RestResponse.Status.CREATED,
                areas.importCsv(CsvUpload.text(csv, headers.getMediaType())).stream().map(RegistryMapper::toResponse).toList());
    }
}
