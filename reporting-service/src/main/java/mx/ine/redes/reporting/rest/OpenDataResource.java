package mx.ine.redes.reporting.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.StreamingOutput;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Date;
import java.util.HexFormat;
import mx.ine.redes.reporting.InventoryAccount;
import mx.ine.redes.reporting.config.OpenDataConfig;
import mx.ine.redes.reporting.mapping.OpenDataMapper;
import mx.ine.redes.reporting.service.OpenDataCatalogue;
import mx.ine.redes.support.paging.Page;
import mx.ine.redes.support.paging.PageParams;
import mx.ine.redes.support.paging.PageRequest;
import mx.ine.redes.support.problem.Text;
import mx.ine.redes.support.ratelimit.RateLimiter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Open data (domain.md §6, "Datos Abiertos"): the Institute's official and former accounts for
 * anybody, without a token, as JSON pages or one CSV file. Both count against one rate limit per
 * client ({@code open-data.rate-limit.*}); a refused request (bad filter or page) costs nothing.
 * Answers carry an ETag and Last-Modified from the inventory's latest change, so a client that
 * kept one asks with {@code If-None-Match} and gets a 304 until something changes.
 */
@Path("/api/public")
@Tag(name = "Datos abiertos", description = "Las cuentas oficiales del INE y las que lo fueron, para cualquiera, sin autenticación")
@Singleton
public class OpenDataResource {

    static final String CSV_FILE_NAME = "cuentas-oficiales-ine.csv";
    private static final String ORDER = "Orden estable: red, cuenta (handle) e id.";
    private static final String FIELDS = " Por cuenta: id, red, cuenta, URL, nombre visible, clave y nombre del área, nivel (código y"
            + " nombre), entidad (1 a 32), estatus (ACTIVE «oficial» o DECOMMISSIONED «anterior»), fechas de registro y de baja."
            + " Sin datos personales: ni administradores, ni titulares, ni enlaces.";
    private static final String LIMITED = " Sin autenticación; 429 con Retry-After si una dirección (IPv6: su red /64) excede"
            + " el límite de consultas por minuto, común a la lista y al CSV. ETag y Last-Modified: con If-None-Match, 304"
            + " mientras nada cambie.";

    private static final String TOO_MANY_EXAMPLE = "{\"type\":\"https://redes.ine.mx/problemas/429\","
            + "\"title\":\"Demasiadas solicitudes\",\"status\":429,"
            + "\"detail\":\"Demasiadas consultas a los datos abiertos desde esta dirección; intente de nuevo en unos segundos.\","
            + "\"instance\":\"/api/public/accounts\"}";

    @Inject
    OpenDataCatalogue catalogue;

    @Inject
    OpenDataConfig config;

    @Inject
    Clock clock;

    private RateLimiter limiter;

    @PostConstruct
    void buildTheLimit() {
        limiter = new RateLimiter("open-data.rate-limit", config.rateLimit(), clock);
    }

    @GET
    @Path("/accounts")
    @Produces(MediaType.APPLICATION_JSON)
    @PermitAll
    @Operation(summary = "Cuentas oficiales y anteriores del INE, por páginas (datos abiertos)",
            description = ORDER + " {items, page, size, total}; una página más allá del final viene vacía." + FIELDS + LIMITED
                    + " El mismo contenido, completo, en /api/public/accounts.csv.")
    @APIResponse(responseCode = "200", description = "Una página de cuentas",
            headers = {@Header(name = "ETag", description = "Versión de la respuesta"),
                    @Header(name = "Last-Modified", description = "Último cambio del inventario")})
    @APIResponse(responseCode = "304", description = "Sin cambios desde la versión indicada en If-None-Match")
    @APIResponse(responseCode = "429", description = "Demasiadas consultas desde esta dirección",
            headers = @Header(name = "Retry-After", description = "Segundos que hay que esperar"),
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "es", value = TOO_MANY_EXAMPLE)))
    public RestResponse<Page<PublicAccountResponse>> listPublicAccounts(@Valid @BeanParam OpenDataFilterParams filters,
                                                                        @BeanParam PageParams paging,
                                                                        @Context HttpServerRequest http, @Context Request request) {
        PageRequest page = paging.request();
        OpenDataCatalogue.Filter filter = filters.toFilter();
        limiter.enforce(http, tooManyRequests());
        OpenDataCatalogue.Version version = catalogue.version();
        EntityTag tag = entityTag(version, "json", filter, page);
        if (request.evaluatePreconditions(tag) != null) {
            return cached(RestResponse.ResponseBuilder.<Page<PublicAccountResponse>>create(RestResponse.Status.NOT_MODIFIED),
                    tag, version).build();
        }
        Page<InventoryAccount> found = catalogue.page(filter, page);
        Page<PublicAccountResponse> body = new Page<>(found.items().stream().map(OpenDataMapper::toPublic).toList(),
                found.page(), found.size(), found.total());
        return cached(RestResponse.ResponseBuilder.ok(body, MediaType.APPLICATION_JSON_TYPE), tag, version).build();
    }

    @GET
    @Path("/accounts.csv")
    @Produces("text/csv")
    @PermitAll
    @Operation(summary = "Las mismas cuentas en un archivo CSV (datos abiertos)",
            description = "Todas las que cumplen los filtros, sin paginar, escritas mientras se leen. UTF-8 sin BOM, una fila"
                    + " de encabezado con los nombres de campo de la lista JSON y en su orden; las celdas que una hoja de"
                    + " cálculo ejecutaría como fórmula (=, +, -, @, tabulador o retorno de carro al inicio) llevan un"
                    + " apóstrofo delante. Archivo " + CSV_FILE_NAME + ". " + ORDER + FIELDS + LIMITED)
    @APIResponse(responseCode = "200", description = "El archivo CSV",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
            headers = {@Header(name = "Content-Disposition", description = "attachment; filename=\"" + CSV_FILE_NAME + "\""),
                    @Header(name = "ETag", description = "Versión del archivo"),
                    @Header(name = "Last-Modified", description = "Último cambio del inventario")})
    @APIResponse(responseCode = "304", description = "Sin cambios desde la versión indicada en If-None-Match")
    @APIResponse(responseCode = "429", description = "Demasiadas consultas desde esta dirección",
            headers = @Header(name = "Retry-After", description = "Segundos que hay que esperar"),
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "es", value = TOO_MANY_EXAMPLE)))
    public RestResponse<StreamingOutput> downloadPublicAccountsCsv(@Valid @BeanParam OpenDataFilterParams filters,
                                                                   @Context HttpServerRequest http, @Context Request request) {
        OpenDataCatalogue.Filter filter = filters.toFilter();
        limiter.enforce(http, tooManyRequests());
        OpenDataCatalogue.Version version = catalogue.version();
        EntityTag tag = entityTag(version, "csv", filter, null);
        if (request.evaluatePreconditions(tag) != null) {
            return cached(RestResponse.ResponseBuilder.<StreamingOutput>create(RestResponse.Status.NOT_MODIFIED), tag, version)
                    .build();
        }
        StreamingOutput body = out -> catalogue.writeCsv(filter, OpenDataMapper.CSV_COLUMNS,
                account -> OpenDataMapper.csvRow(OpenDataMapper.toPublic(account)), out);
        return cached(RestResponse.ResponseBuilder.ok(body, "text/csv; charset=UTF-8"), tag, version)
                .header("Content-Disposition", "attachment; filename=\"" + CSV_FILE_NAME + "\"")
                .build();
    }

    private static Text tooManyRequests() {
        return Text.of("Demasiadas consultas a los datos abiertos desde esta dirección; intente de nuevo en unos segundos.",
                "Too many open data requests from this address; try again in a few seconds.");
    }

    private <T> RestResponse.ResponseBuilder<T> cached(RestResponse.ResponseBuilder<T> builder, EntityTag tag,
                                                       OpenDataCatalogue.Version version) {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(config.maxAgeSeconds());
        cache.setPrivate(false);
        builder.tag(tag).cacheControl(cache);
        if (version.latestChange() != null) {
            builder.lastModified(Date.from(version.latestChange()));
        }
        return builder;
    }

    /** Changes with the inventory and with what was asked: a page's tag never answers for another page. */
    private static EntityTag entityTag(OpenDataCatalogue.Version version, String format, OpenDataCatalogue.Filter filter,
                                       PageRequest page) {
        String identity = version.accounts() + "|" + version.latestChange() + "|" + version.sequences() + "|" + format + "|"
                + filter + "|" + (page == null ? "" : page.page() + "/" + page.size());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return new EntityTag(HexFormat.of().formatHex(digest, 0, 16), true);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
