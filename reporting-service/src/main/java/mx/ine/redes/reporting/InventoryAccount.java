package mx.ine.redes.reporting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;
import mx.ine.redes.support.registry.AccountInArea;

/** One line of the account inventory the Committee's reports count from; its area's head sees it (AccountInArea). */
@Entity
@Table(name = "inventory_account")
public class InventoryAccount extends AccountInArea {

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(nullable = false)
    public String kind;

    @Column(name = "area_name", nullable = false)
    public String areaName;

    public Integer state;

    @Column(name = "registered_on", nullable = false)
    public LocalDate registeredOn;

    @Column(name = "decommissioned_on")
    public LocalDate decommissionedOn;

    @Column(name = "decommission_reason")
    public String decommissionReason;

    @Column(name = "decommission_observations")
    public String decommissionObservations;

    public String url;
}
