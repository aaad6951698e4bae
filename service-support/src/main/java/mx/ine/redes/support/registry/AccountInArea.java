package mx.ine.redes.support.registry;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import mx.ine.redes.events.AccountSnapshot;
import mx.ine.redes.events.AreaLink;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A projected account that also knows who answers for it now: its area's level and head, and the
 * areas above it. It is what {@link AreaSubtreeVisibility} reads: an area head sees the accounts of
 * their area and of every area below it. The table needs the columns {@code area_level},
 * {@code head_email} and {@code ancestors} (jsonb), with the indexes that visibility query uses.
 */
@MappedSuperclass
public abstract class AccountInArea extends ProjectedAccount {

    @Column(name = "area_level", nullable = false)
    public String areaLevel;

    @Column(name = "head_email")
    public String headEmail;

    /** The areas above the account's own, parent first: visibility by subtree, and the next head up. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<AreaLink> ancestors = new ArrayList<>();

    /** Who answers for the account now (Art. 15): its area's head, else the nearest head above it. */
    public Optional<AreaLink> responsibleHead() {
        if (headEmail != null && !headEmail.isBlank()) {
            return Optional.of(new AreaLink(areaCode, null, areaLevel, null, headEmail));
        }
        return ancestors.stream().filter(link -> link.headEmail() != null && !link.headEmail().isBlank()).findFirst();
    }

    void copyArea(AccountSnapshot snapshot) {
        areaLevel = snapshot.areaLevel();
        headEmail = snapshot.headEmail();
        ancestors = new ArrayList<>(snapshot.ancestors());
    }
}
