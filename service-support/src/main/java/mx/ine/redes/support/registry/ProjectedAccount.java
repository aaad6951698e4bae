package mx.ine.redes.support.registry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What every service's projection of a registry account keeps: identity, network and handle, the
 * owning area, the administrators and the status. A service's entity adds what it alone needs.
 */
@MappedSuperclass
public abstract class ProjectedAccount extends PanacheEntityBase {

    @Id
    @Column(name = "account_id")
    public UUID accountId;

    @Column(nullable = false)
    public String network;

    @Column(nullable = false)
    public String handle;

    @Column(name = "area_code", nullable = false)
    public String areaCode;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "administrator_emails", nullable = false)
    public List<String> administratorEmails = new ArrayList<>();

    /** {@code ACTIVE} or {@code DECOMMISSIONED}, as the registry says. */
    @Column(nullable = false)
    public String status;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * The envelope sequence of the last registry event applied to this account (0: none known yet),
     * so that an older event arriving late is recognised and not applied over a newer state.
     */
    @Column(name = "last_sequence", nullable = false)
    public long lastSequence;
}
