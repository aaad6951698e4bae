package mx.ine.redes.evaluation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import mx.ine.redes.events.AreaLink;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
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

    /** The areas above the account's own, parent first: visibility by subtree, and the next head up. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<AreaLink> ancestors = new ArrayList<>();

    /** Who answers for the account now (Art. 15): its area's head, else the nearest head above it. */
    public java.util.Optional<AreaLink> responsibleHead() {
        if (headEmail != null && !headEmail.isBlank()) {
            return java.util.Optional.of(new AreaLink(areaCode, null, areaLevel, null, headEmail));
        }
        return ancestors.stream().filter(link -> link.headEmail() != null && !link.headEmail().isBlank()).findFirst();
    }
}
