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
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** A member of staff who may administer accounts; identified by an {@code ine.mx} e-mail. */
@Entity
@Table(name = "person")
public class Person extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    /** Lower case. */
    @Column(nullable = false, unique = true)
    public String email;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "area_id")
    public Area area;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<Person> findByEmail(String email) {
        return find("email", email.strip().toLowerCase(Locale.ROOT)).firstResultOptional();
    }
}
