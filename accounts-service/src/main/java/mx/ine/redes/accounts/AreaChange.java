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
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One act on an area itself, as it was before and after: {@code LIAISON_NAMED},
 * {@code LIAISON_REMOVED} (Art. 9) or {@code UPDATED} (name, parent, head). Never rewritten.
 */
@Entity
@Table(name = "area_change")
public class AreaChange extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "area_id")
    public Area area;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    /** The e-mail of the person who made it. */
    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(nullable = false)
    public String change;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> before;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> after;
}
