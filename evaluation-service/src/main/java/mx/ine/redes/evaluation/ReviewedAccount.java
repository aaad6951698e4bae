package mx.ine.redes.evaluation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;
import mx.ine.redes.support.registry.ProjectedAccount;

/** An account under review: its level ranks it among peers, its head receives escalations. */
@Entity
@Table(name = "reviewed_account")
public class ReviewedAccount extends ProjectedAccount {

    @Column(name = "area_level", nullable = false)
    public String areaLevel;

    public Integer state;

    public Integer district;

    @Column(name = "head_email")
    public String headEmail;

    @Column(name = "last_publication_on")
    public LocalDate lastPublicationOn;
}
