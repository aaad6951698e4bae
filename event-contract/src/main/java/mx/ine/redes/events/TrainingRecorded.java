package mx.ine.redes.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A training session (capacitación, Art. 6 V) and who attended it. */
public record TrainingRecorded(
        UUID trainingId,
        LocalDate heldOn,
        String topic,
        BigDecimal hours,
        String modality,
        List<String> attendeeEmails) implements DomainEvent {

    public TrainingRecorded {
        attendeeEmails = attendeeEmails == null ? List.of() : List.copyOf(attendeeEmails);
    }

    @Override
    public String aggregateId() {
        return trainingId.toString();
    }
}
