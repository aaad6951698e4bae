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
import java.util.UUID;

/** One person administering one account for a while; unassigning closes it, nothing is deleted. */
@Entity
@Table(name = "account_administrator")
public class AccountAdministrator extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id")
    public Account account;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "person_id")
    public Person person;

    @Column(name = "assigned_at", nullable = false)
    public Instant assignedAt;

    @Column(name = "assigned_by", nullable = false)
    public String assignedBy;

    @Column(name = "unassigned_at")
    public Instant unassignedAt;

    @Column(name = "unassigned_by")
    public String unassignedBy;

    public boolean active() {
        return unassignedAt == null;
    }

    public static List<AccountAdministrator> activeFor(Account account) {
        // The people in the same query: one statement however many administrators (no N+1).
        return list("from AccountAdministrator aa join fetch aa.person where aa.account = ?1 and aa.unassignedAt is null"
                + " order by aa.assignedAt", account);
    }
}
