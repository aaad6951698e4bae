package mx.ine.redes.accounts.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record TrainingResponse(UUID id, LocalDate heldOn, String topic, BigDecimal hours, String modality,
                               List<String> attendeeEmails) {
}
