package mx.ine.redes.evaluation.rest;

import java.time.LocalDate;

public record NonWorkingDayResponse(LocalDate day, String description, String sourceReference, String createdBy) {
}
