package mx.ine.redes.accounts.rest;

import java.time.LocalDate;
import mx.ine.redes.accounts.Network;

/**
 * The public answer: {@code OFFICIAL} (an account of the Institute), {@code FORMER} (it was one,
 * until its baja) or {@code UNKNOWN} (not in the registry), with a sentence for people.
 */
public record VerificationResponse(
        String verdict,
        String message,
        Network network,
        String handle,
        String url,
        String displayName,
        String areaName,
        LocalDate decommissionedOn) {
}
