package mx.ine.redes.evaluation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;
import mx.ine.redes.support.registry.AccountInArea;

/** An account under review: its level ranks it among peers, its head receives escalations. */
@Entity
@Table(name = "reviewed_account")
public class ReviewedAccount extends AccountInArea {

    public Integer state;

    public Integer district;

    @Column(name = "last_publication_on")
    public LocalDate lastPublicationOn;
}
