package mx.ine.redes.accounts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** An official account of the Institute on a social network (Art. 2). */
@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Network network;

    /** Normalised: lower case, no {@code @}. */
    @Column(nullable = false)
    public String handle;

    @Column(nullable = false)
    public String url;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AccountKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AccountStatus status;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "area_id")
    public Area area;

    @Column(name = "registered_on", nullable = false)
    public LocalDate registeredOn;

    @Column(name = "last_publication_on")
    public LocalDate lastPublicationOn;

    /** The platform's persistent id (survives handle changes), when known. */
    @Column(name = "platform_account_id")
    public String platformAccountId;

    @Column(name = "decommissioned_on")
    public LocalDate decommissionedOn;

    @Column(name = "decommission_reason")
    public String decommissionReason;

    @Column(name = "decommission_observations")
    public String decommissionObservations;

    /** The evaluation's proposed baja ({@link BajaProposal}) the baja act cited, if any. */
    @Column(name = "decommission_baja_proposal_id")
    public UUID decommissionBajaProposalId;

    /** No publication for more than 365 days (seed 002: "inactivas"). */
    @Column(nullable = false)
    public boolean dormant;

    @Column(name = "dormant_flagged_on")
    public LocalDate dormantFlaggedOn;

    /** The account cannot be found on its network. */
    @Column(name = "not_located", nullable = false)
    public boolean notLocated;

    /** A known handle appeared with a different platform id. */
    @Column(name = "possible_hijack", nullable = false)
    public boolean possibleHijack;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Handle, display name and area without accents, lower case: what free-text search looks in. */
    @Column(name = "search_text", nullable = false)
    public String searchText = "";

    @Version
    public long version;

    public static Optional<Account> findLive(Network network, String handle) {
        return find("network = ?1 and handle = ?2 and status <> ?3", network, handle, AccountStatus.DECOMMISSIONED)
                .firstResultOptional();
    }
}
