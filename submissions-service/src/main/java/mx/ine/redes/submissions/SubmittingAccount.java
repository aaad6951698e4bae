package mx.ine.redes.submissions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An account as the registry describes it: the network decides its form, administrators may submit. */
@Entity
@Table(name = "submitting_account")
public class SubmittingAccount extends PanacheEntityBase {

    @Id
    @Column(name = "account_id")
    public UUID accountId;

    @Column(nullable = false)
    public String network;

    @Column(nullable = false)
    public String handle;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(name = "area_code", nullable = false)
    public String areaCode;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "administrator_emails", nullable = false)
    public List<String> administratorEmails = new ArrayList<>();

    @Column(nullable = false)
    public String status;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
