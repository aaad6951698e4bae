package mx.ine.redes.evaluation.rest;

import mx.ine.redes.support.input.FreeText;

/** Why CNCS records a recommendation as not attended. */
public record NonAttendanceRequest(@FreeText String reason) {
}
