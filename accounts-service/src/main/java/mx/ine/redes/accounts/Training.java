package mx.ine.redes.accounts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** A training session for administrators (capacitación, Art. 6 V) and who attended it. */
@Entity
@Table(name = "training")
public class Training extends PanacheEntityBase {

    public enum Modality { PRESENCIAL, EN_LINEA, MIXTA }

    @Id
    public UUID id;

    @Column(name = "held_on", nullable = false)
    public LocalDate heldOn;

    @Column(nullable = false)
    public String topic;

    @Column(nullable = false)
    public BigDecimal hours;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Modality modality;

    @ManyToMany
    @JoinTable(name = "training_attendee",
            joinColumns = @JoinColumn(name = "training_id"),
            inverseJoinColumns = @JoinColumn(name = "person_id"))
    public Set<Person> attendees = new LinkedHashSet<>();

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
