package mx.ine.redes.evaluation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import mx.ine.redes.evaluation.Notification;
import mx.ine.redes.support.security.Caller;
import mx.ine.redes.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/notifications")
@Tag(name = "Notificaciones")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

    public record NotificationResponse(UUID id, String kind, List<String> recipients, UUID subjectId, UUID accountId,
                                       String status, Instant queuedAt, Instant notBefore, Instant sentAt, int attempts) {
    }

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.CNCS, Roles.ACCOUNT_ADMIN, Roles.AREA_HEAD, Roles.COMMITTEE})
    @Operation(summary = "Notificaciones enviadas o en cola, con el instante de envío (del que corren los plazos)",
            description = "CNCS y el Comité ven todas; cada persona, las dirigidas a ella.")
    public List<NotificationResponse> list(@QueryParam("subject") UUID subject, @QueryParam("recipient") String recipient) {
        StringBuilder sql = new StringBuilder("select n.* from notification n where true");
        boolean seesAll = caller.hasRole(Roles.CNCS) || caller.hasRole(Roles.COMMITTEE);
        String mine = seesAll ? recipient : caller.email();
        if (subject != null) {
            sql.append(" and n.subject_id = :subject");
        }
        if (mine != null && !mine.isBlank()) {
            sql.append(" and n.recipients @> jsonb_build_array(cast(:recipient as text))");
        }
        var query = Notification.getEntityManager().createNativeQuery(sql.append(" order by n.queued_at desc limit 500").toString(),
                Notification.class);
        if (subject != null) {
            query.setParameter("subject", subject);
        }
        if (mine != null && !mine.isBlank()) {
            query.setParameter("recipient", mine.strip().toLowerCase(java.util.Locale.ROOT));
        }
        @SuppressWarnings("unchecked")
        List<Notification> found = query.getResultList();
        return found.stream().map(n -> new NotificationResponse(n.id, n.kind, n.recipients, n.subjectId, n.accountId,
                n.status, n.queuedAt, n.notBefore, n.sentAt, n.attempts)).toList();
    }
}
