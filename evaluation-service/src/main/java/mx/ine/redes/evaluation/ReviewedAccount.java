package mx.ine.redes.evaluation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;
import mx.ine.redes.support.registry.AccountInArea;

/** An account under review: its level ranks it among peers, its head receives escalations, its area's liaison copies. */
@Entity
@Table(name = "reviewed_account")
public class ReviewedAccount extends AccountInArea {

    public Integer state;

    public Integer district;

    @Column(name = "last_publication_on")
    public LocalDate lastPublicationOn;

    /** The owning area's person in charge of the topic (Art. 9), copied on the notices to the administrators. */
    @Column(name = "liaison_name")
    public String liaisonName;

    @Column(name = "liaison_email")
    public String liaisonEmail;
}
