package mx.ine.redes.evaluation.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * The Spanish text of each notice. Values come from {@link Notice#values()} (refreshed by the
 * subject when the notice leaves): {@code handle}, {@code network}, {@code cycle}, {@code dueAt}
 * and {@code attendBy} (already written for people, in the Institute's time zone),
 * {@code areaCode}, {@code headArea}, {@code requestedFields}, {@code requestReason},
 * {@code reason}, {@code receivedAt}, {@code withdrawnAt}, {@code withdrawalReason}, {@code committeeResolvedOn}
 * (the date of the Committee's resolution an ad hoc request is made on behalf of, "3 de octubre de 2027");
 * an observation's also {@code observationText}, {@code figures} (one line per figure concerned, with
 * the value submitted) and {@code correctionBusinessDays}.
 *
 * <p>A notice says only what really happened: the administrators' overdue notice states the rule
 * of Art. 15, not that the head was told (the head's own notice may still be waiting for a head).
 */
public final class NoticeTemplates {

    private static final DateTimeFormatter PEOPLE_FORMAT =
            DateTimeFormatter.ofPattern("EEEE d 'de' MMMM 'de' yyyy 'a las' HH:mm", Locale.forLanguageTag("es-MX"));

    public record Text(String subject, String body) {
    }

    private NoticeTemplates() {
    }

    public static Text render(NoticeKind kind, Map<String, String> values) {
        String account = accountName(values);
        boolean adHoc = value(values, "cycle").isBlank();
        String request = adHoc ? "extraordinario (Art. 12)" : "del ciclo " + value(values, "cycle");
        String observed = adHoc ? "del requerimiento extraordinario (Art. 12)" : "del ciclo " + value(values, "cycle");
        String footer = "\n\nEste mensaje fue enviado por el sistema de revisión de cuentas de redes sociales del"
                + " Instituto Nacional Electoral (Coordinación Nacional de Comunicación Social). No responda a este correo.";
        return switch (kind) {
            case REQUEST_ISSUED -> new Text("Requerimiento de estadísticas " + request + ": cuenta " + account, adHoc
                    ? "Conforme al artículo 12 de los Lineamientos" + (values.containsKey("committeeResolvedOn")
                            ? ", a petición del Comité de Gestión y Publicación Electrónica, acuerdo del "
                                    + value(values, "committeeResolvedOn") + " (artículo 8, fracción II)"
                            : "") + ", se le requiere la siguiente información de la cuenta "
                            + account + ": " + value(values, "requestedFields") + ".\n\nMotivo: " + value(values, "requestReason")
                            + "\n\nFecha límite para entregarla: " + value(values, "dueAt") + "." + footer
                    : "Se le requiere la información estadística de la cuenta " + account + " " + request
                            + ", conforme al artículo 11 de los Lineamientos.\n\nFecha límite para entregarla: "
                            + value(values, "dueAt") + "." + footer);
            case DEADLINE_REMINDER -> new Text("Recordatorio: vence el plazo de la cuenta " + account,
                    "Le recordamos que el plazo para entregar la información estadística de la cuenta " + account + " "
                            + request + " vence el " + value(values, "dueAt") + "." + footer);
            case REQUEST_OVERDUE -> new Text("Plazo vencido: cuenta " + account,
                    "El plazo para entregar la información estadística de la cuenta " + account + " " + request
                            + " venció el " + value(values, "dueAt") + " sin que se recibiera. Conforme al artículo 15 de"
                            + " los Lineamientos, un requerimiento no atendido se turna a la persona titular del área." + footer);
            case ESCALATED_TO_AREA_HEAD -> new Text("Requerimiento no atendido en su área: cuenta " + account,
                    "La cuenta " + account + " del área " + value(values, "areaCode") + " no atendió el requerimiento "
                            + request + " cuyo plazo venció el " + value(values, "dueAt") + "."
                            + ("false".equals(values.get("headIsOwnArea"))
                                    ? " Se le notifica como titular del área " + value(values, "headArea")
                                            + ", de la que depende, porque el área " + value(values, "areaCode")
                                            + " no tiene titular registrado."
                                    : "")
                            + "\n\nConforme al artículo 15 de los Lineamientos, se le notifica para que instruya la atención"
                            + " inmediata. Si no se atiende a más tardar el " + value(values, "attendBy") + ", se informará al"
                            + " Comité de Gestión y Publicación Electrónica." + footer);
            case DEADLINE_CHANGED -> new Text("Cambio de fecha límite: cuenta " + account,
                    "La fecha límite del requerimiento " + request + " de la cuenta " + account + " es ahora el "
                            + value(values, "dueAt") + ". Motivo: " + value(values, "reason") + "." + footer);
            case HEAD_TERM_CHANGED -> new Text("Cambio de plazo para atender el requerimiento: cuenta " + account,
                    "El plazo para que se atienda el requerimiento " + request + " de la cuenta " + account
                            + " es ahora el " + value(values, "attendBy") + ". Motivo: " + value(values, "reason") + "." + footer);
            case CHAIN_WITHDRAWN -> new Text("Aviso retirado: la cuenta " + account + " entregó a tiempo",
                    "La información estadística de la cuenta " + account + " " + request + " se recibió el "
                            + value(values, "receivedAt") + ", dentro del plazo que vencía el " + value(values, "dueAt")
                            + ". Queda sin efecto el aviso de plazo vencido o de requerimiento no atendido que recibió; no se"
                            + " requiere ninguna acción." + footer);
            case REQUEST_WITHDRAWN -> new Text("Requerimiento retirado: cuenta " + account,
                    "Queda sin efecto el requerimiento de estadísticas " + request + " de la cuenta " + account
                            + (adHoc ? " (información requerida: " + value(values, "requestedFields") + ")" : "")
                            + ", cuya fecha límite se le notificó para el " + value(values, "dueAt") + ". Fue retirado el "
                            + value(values, "withdrawnAt") + ".\n\nMotivo: " + value(values, "withdrawalReason")
                            + "\n\nYa no debe entregar información para este requerimiento; no se requiere ninguna acción."
                            + footer);
            case NO_ADMINISTRATOR_ALERT -> new Text("Cuenta sin administrador: no se pudo notificar el requerimiento de "
                    + account,
                    "La cuenta " + account + " del área " + value(values, "areaCode") + " no tiene persona administradora"
                            + " registrada, por lo que el requerimiento " + request + " no se le ha podido notificar y su"
                            + " plazo no corre. Registre una persona administradora para que el requerimiento se notifique."
                            + footer);
            case NO_HEAD_ALERT -> new Text("Sin titular: no se pudo escalar el requerimiento de " + account,
                    "El requerimiento " + request + " de la cuenta " + account + " del área " + value(values, "areaCode")
                            + " venció sin atenderse, pero ni el área ni las áreas de las que depende tienen titular"
                            + " registrado, por lo que no se ha podido escalar (artículo 15). Registre a la persona titular"
                            + " para que se le notifique." + footer);
            case OBSERVATION_ISSUED -> new Text("Observación a la información estadística " + observed + ": cuenta " + account,
                    "Conforme al artículo 14 de los Lineamientos, la Coordinación Nacional de Comunicación Social formula la"
                            + " siguiente observación a la información estadística " + observed + " que entregó la cuenta "
                            + account + ":\n\n" + value(values, "observationText") + "\n\nDatos observados (valor entregado):\n"
                            + value(values, "figures") + "\n\nCuenta con " + value(values, "correctionBusinessDays")
                            + " días hábiles para corregirla: la fecha límite es el " + value(values, "dueAt")
                            + ". Para atenderla, entregue la información corregida indicando que responde a esta observación."
                            + footer);
            case OBSERVATION_DEADLINE_CHANGED -> new Text("Cambio de fecha límite de una observación: cuenta " + account,
                    "La fecha límite para corregir la observación a la información estadística " + observed + " de la cuenta "
                            + account + " es ahora el " + value(values, "dueAt") + ". Motivo: " + value(values, "reason")
                            + ".\n\nObservación: " + value(values, "observationText") + footer);
            case OBSERVATION_OVERDUE -> new Text("Observación no atendida: cuenta " + account,
                    "El plazo para corregir la observación a la información estadística " + observed + " de la cuenta "
                            + account + " venció el " + value(values, "dueAt") + " sin que se recibiera la corrección."
                            + "\n\nObservación: " + value(values, "observationText") + "\n\nConforme al artículo 15 de los"
                            + " Lineamientos, una observación no atendida se turna a la persona titular del área." + footer);
            case OBSERVATION_ESCALATED -> new Text("Observación no atendida en su área: cuenta " + account,
                    "La cuenta " + account + " del área " + value(values, "areaCode") + " no atendió la observación que la"
                            + " Coordinación Nacional de Comunicación Social formuló a su información estadística " + observed
                            + ", cuyo plazo de corrección venció el " + value(values, "dueAt") + "."
                            + ("false".equals(values.get("headIsOwnArea"))
                                    ? " Se le notifica como titular del área " + value(values, "headArea")
                                            + ", de la que depende, porque el área " + value(values, "areaCode")
                                            + " no tiene titular registrado."
                                    : "")
                            + "\n\nObservación: " + value(values, "observationText") + "\n\nDatos observados (valor entregado):\n"
                            + value(values, "figures") + "\n\nConforme al artículo 15 de los Lineamientos, se le notifica para"
                            + " que instruya la atención inmediata de la observación. Si no se atiende a más tardar el "
                            + value(values, "attendBy") + ", se informará al Comité de Gestión y Publicación Electrónica." + footer);
            case OBSERVATION_HEAD_TERM_CHANGED -> new Text("Cambio de plazo para atender una observación: cuenta " + account,
                    "El plazo para que se atienda la observación a la información estadística " + observed + " de la cuenta "
                            + account + " es ahora el " + value(values, "attendBy") + ". Motivo: " + value(values, "reason") + "."
                            + footer);
            case OBSERVATION_CHAIN_WITHDRAWN -> new Text("Aviso retirado: la cuenta " + account + " corrigió a tiempo",
                    "La corrección de la información estadística " + observed + " de la cuenta " + account + " se recibió el "
                            + value(values, "receivedAt") + ", dentro del plazo para atender la observación, que vencía el "
                            + value(values, "dueAt") + ". Queda sin efecto el aviso de observación no atendida que recibió; no"
                            + " se requiere ninguna acción." + footer);
            case OBSERVATION_NO_ADMINISTRATOR_ALERT -> new Text("Cuenta sin administrador: no se pudo notificar la observación"
                    + " a " + account,
                    "La cuenta " + account + " del área " + value(values, "areaCode") + " no tiene persona administradora"
                            + " registrada, por lo que la observación a su información estadística " + observed + " no se le ha"
                            + " podido notificar y su plazo no corre. Registre una persona administradora para que se notifique."
                            + footer);
            case OBSERVATION_NO_HEAD_ALERT -> new Text("Sin titular: no se pudo escalar la observación de " + account,
                    "La observación a la información estadística " + observed + " de la cuenta " + account + " del área "
                            + value(values, "areaCode") + " venció sin atenderse, pero ni el área ni las áreas de las que"
                            + " depende tienen titular registrado, por lo que no se ha podido escalar (artículo 15). Registre a"
                            + " la persona titular para que se le notifique." + footer);
            case EVALUATION_COMPLETED -> evaluationCompleted(account, request, values, footer);
        };
    }

    /** The result of an evaluation (Art. 13) and its recommendations (Art. 6 III), and how to answer them (Art. 7 II). */
    private static Text evaluationCompleted(String account, String request, Map<String, String> values, String footer) {
        String justification = value(values, "ratingJustification");
        boolean overridden = !justification.isBlank();
        StringBuilder body = new StringBuilder("La Coordinación Nacional de Comunicación Social concluyó la evaluación de la"
                + " cuenta " + account + " " + request + ", conforme al artículo 13 de los Lineamientos.\n\n");
        body.append("Calificación global: ").append(value(values, "overallScore")).append(" de 100 (fórmula ")
                .append(value(values, "formulaVersion")).append(").\n");
        body.append("Dictamen: ").append(value(values, "rating")).append(".\n");
        if (overridden) {
            body.append("La calificación que resultó de la fórmula fue «").append(value(values, "computedRating"))
                    .append("»; la Coordinación la modificó con la justificación siguiente: ").append(justification).append("\n");
        }
        body.append("\nCalificación por criterio:\n").append(value(values, "subScores")).append("\n");
        if ("0".equals(value(values, "recommendationCount"))) {
            body.append("\nNo se formularon recomendaciones para esta cuenta.");
        } else {
            body.append("\nRecomendaciones (artículo 6, fracción III):\n").append(value(values, "recommendations"))
                    .append("\n\nConforme al artículo 7, fracción II, de los Lineamientos, atienda cada recomendación y registre"
                            + " en el sistema de revisión de cuentas cómo la atendió, citando su folio. La Coordinación dará"
                            + " seguimiento a su atención en la evaluación del siguiente ciclo.");
        }
        return new Text("Resultado de la evaluación " + request + ": cuenta " + account, body + footer);
    }

    /** An instant as a notice says it: "martes 8 de febrero de 2028 a las 18:00 (hora del centro de México)". */
    public static String instant(Instant instant, ZoneId zone) {
        return PEOPLE_FORMAT.format(instant.atZone(zone)) + " (hora del centro de México)";
    }

    /** How a person names the account: its handle and its network, e.g. "@inemexico (X)", "@inetv (YouTube)". */
    static String accountName(Map<String, String> values) {
        String handle = value(values, "handle");
        String network = switch (value(values, "network")) {
            case "FACEBOOK" -> "Facebook";
            case "INSTAGRAM" -> "Instagram";
            case "YOUTUBE" -> "YouTube";
            case "TIKTOK" -> "TikTok";
            case "THREADS" -> "Threads";
            case "LINKEDIN" -> "LinkedIn";
            case "" -> "";
            default -> value(values, "network");
        };
        String named = handle.isBlank() || handle.startsWith("@") ? handle : "@" + handle;
        return network.isBlank() ? named : named + " (" + network + ")";
    }

    private static String value(Map<String, String> values, String key) {
        return values.getOrDefault(key, "");
    }
}
