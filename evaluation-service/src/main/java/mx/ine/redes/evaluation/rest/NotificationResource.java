package mx.ine.redes.evaluation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import mx.ine.redes.evaluation.Notification;
import mx.ine.redes.evaluation.service.NotificationQueries;
import mx.ine.redes.support.paging.Page;
import mx.ine.redes.support.paging.PageParams;
import mx.ine.redes.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/notifications")
@Tag(name = "Notificaciones")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

    /** {@code recipients} and {@code cc}: who was really told, and copied (the area's liaison), when it left. */
    public record NotificationResponse(UUID id, String kind, List<String> recipients, List<String> cc, UUID subjectId,
                                       UUID accountId, String status, Instant queuedAt, Instant notBefore, Instant sentAt,
                                       int attempts) {
    }

    @Inject
    NotificationQueries notifications;

    @GET
    @RolesAllowed({Roles.CNCS, Roles.ACCOUNT_ADMIN, Roles.AREA_HEAD, Roles.COMMITTEE})
    @Operation(summary = "Notificaciones enviadas o en cola, con el instante de envío (del que corren los plazos)",
            description = "CNCS y el Comité ven todas; el titular de un área, las de las cuentas de su área y de las áreas"
                    + " debajo de ella; un administrador, las de las cuentas que administra ahora (según el registro actual,"
                    + " no según a quién se envió). subject y recipient filtran. Orden: de la más reciente a la más antigua"
                    + " (queuedAt descendente), y por id.")
    @APIResponse(responseCode = "200", description = "Una página de notificaciones")
    public Page<NotificationResponse> listNotifications(@QueryParam("subject") UUID subject,
                                                        @QueryParam("recipient") String recipient,
                                                        @BeanParam PageParams paging) {
        Page<Notification> page = notifications.list(subject, recipient, paging.request());
        return new Page<>(page.items().stream().map(NotificationResource::toResponse).toList(), page.page(), page.size(),
                page.total());
    }

    private static NotificationResponse toResponse(Notification n) {
        return new NotificationResponse(n.id, n.kind, n.recipients, n.cc, n.subjectId, n.accountId, n.status, n.queuedAt,
                n.notBefore, n.sentAt, n.attempts);
    }
}
