package mx.ine.redes.accounts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** An organisational area of the Institute (Art. 3 II), its head (titular) and its liaison (Art. 9). */
@Entity
@Table(name = "area")
public class Area extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String code;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AreaLevel level;

    public Integer state;

    public Integer district;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    public Area parent;

    @Column(name = "head_name")
    public String headName;

    @Column(name = "head_email")
    public String headEmail;

    /** The person in charge of the topic (Art. 9, "encargado del tema"): both or neither. */
    @Column(name = "liaison_name")
    public String liaisonName;

    @Column(name = "liaison_email")
    public String liaisonEmail;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<Area> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /**
     * Reads {@code area} and every area above it again under a share lock (PostgreSQL {@code FOR
     * SHARE}): whoever is changing one of them is waited for, and its values are read once committed.
     * Whatever copies these areas into an account snapshot (the head, the {@code ancestors}) thus
     * cannot publish values that a concurrent change is replacing.
     */
    public static void lockChain(Area area) {
        for (Area level = area; level != null; level = level.parent) {
            getEntityManager().refresh(level, LockModeType.PESSIMISTIC_READ);
        }
    }
}
