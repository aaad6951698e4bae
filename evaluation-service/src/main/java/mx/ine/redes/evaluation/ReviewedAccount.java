package mx.ine.redes.evaluation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An account under review: who is asked, who is notified, and to whom it escalates. */
@Entity
@Table(name = "reviewed_account")
public class ReviewedAccount extends PanacheEntityBase {

    @Id
    @Column(name = "account_id")
    public UUID accountId;

    @Column(nullable = false)
    public String network;

    @Column(nullable = false)
    public String handle;

    @Column(name = "area_code", nullable = false)
    public String areaCode;

    @Column(name = "area_level", nullable = false)
    public String areaLevel;

    public Integer state;

    public Integer district;

    @Column(name = "head_email")
    public String headEmail;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "administrator_emails", nullable = false)
    public List<String> administratorEmails = new ArrayList<>();

    @Column(nullable = false)
    public String status;

    @Column(name = "last_publication_on")
    public LocalDate lastPublicationOn;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
