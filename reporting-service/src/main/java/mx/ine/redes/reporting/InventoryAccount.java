package mx.ine.redes.reporting;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One line of the account inventory the Committee's reports are built from. */
@Entity
@Table(name = "inventory_account")
public class InventoryAccount extends PanacheEntityBase {

    @Id
    @Column(name = "account_id")
    public UUID accountId;

    @Column(nullable = false)
    public String network;

    @Column(nullable = false)
    public String handle;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(nullable = false)
    public String kind;

    @Column(name = "area_code", nullable = false)
    public String areaCode;

    @Column(name = "area_name", nullable = false)
    public String areaName;

    @Column(name = "area_level", nullable = false)
    public String areaLevel;

    public Integer state;

    @Column(nullable = false)
    public String status;

    @Column(name = "registered_on", nullable = false)
    public LocalDate registeredOn;

    @Column(name = "decommissioned_on")
    public LocalDate decommissionedOn;

    @Column(name = "decommission_reason")
    public String decommissionReason;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
