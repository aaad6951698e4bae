package mx.ine.redes.accounts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One change of an account, as it was before and after: the registry's history (never rewritten). */
@Entity
@Table(name = "account_change")
public class AccountChange extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id")
    public Account account;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    /** The e-mail of the person who made it, or {@code sistema} for the service's own jobs. */
    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    /** What happened, e.g. {@code REGISTERED}, {@code UPDATED}, {@code DECOMMISSIONED}. */
    @Column(nullable = false)
    public String change;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> before;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> after;

    public static List<AccountChange> of(Account account) {
        return list("account = ?1 order by changedAt, id", account);
    }
}
