package mx.ine.redes.reporting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;
import mx.ine.redes.support.registry.ProjectedAccount;

/** One line of the account inventory the Committee's reports count from. */
@Entity
@Table(name = "inventory_account")
public class InventoryAccount extends ProjectedAccount {

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(nullable = false)
    public String kind;

    @Column(name = "area_name", nullable = false)
    public String areaName;

    @Column(name = "area_level", nullable = false)
    public String areaLevel;

    public Integer state;

    @Column(name = "registered_on", nullable = false)
    public LocalDate registeredOn;

    @Column(name = "decommissioned_on")
    public LocalDate decommissionedOn;

    @Column(name = "decommission_reason")
    public String decommissionReason;

    public String url;
}
