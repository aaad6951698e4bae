package mx.ine.redes.evaluation.notification;

import java.util.Map;

/**
 * The Spanish text of each notice. Values come from {@link Notice#values()}: {@code handle},
 * {@code network}, {@code cycle}, {@code dueAt} (already written for people, in the Institute's
 * time zone), {@code areaCode}, {@code attendBy}.
 */
public final class NoticeTemplates {

    public record Text(String subject, String body) {
    }

    private NoticeTemplates() {
    }

    public static Text render(NoticeKind kind, Map<String, String> values) {
        String account = value(values, "network") + " " + value(values, "handle");
        String request = values.containsKey("cycle") && !values.get("cycle").isBlank()
                ? "del ciclo " + values.get("cycle") : "extraordinario (Art. 12)";
        String footer = "\n\nEste mensaje fue enviado por el sistema de revisión de cuentas de redes sociales del"
                + " Instituto Nacional Electoral (Coordinación Nacional de Comunicación Social). No responda a este correo.";
        return switch (kind) {
            case REQUEST_ISSUED -> new Text("Requerimiento de estadísticas " + request + ": cuenta " + account,
                    "Se le requiere la información estadística de la cuenta " + account + " " + request
                            + ", conforme al artículo 11 de los Lineamientos.\n\nFecha límite para entregarla: "
                            + value(values, "dueAt") + "." + footer);
            case DEADLINE_REMINDER -> new Text("Recordatorio: vence el plazo de la cuenta " + account,
                    "Le recordamos que el plazo para entregar la información estadística de la cuenta " + account + " "
                            + request + " vence el " + value(values, "dueAt") + "." + footer);
            case REQUEST_OVERDUE -> new Text("Plazo vencido: cuenta " + account,
                    "El plazo para entregar la información estadística de la cuenta " + account + " " + request
                            + " venció el " + value(values, "dueAt") + " sin que se recibiera. El caso se hizo del"
                            + " conocimiento de la persona titular del área (artículo 15 de los Lineamientos)." + footer);
            case ESCALATED_TO_AREA_HEAD -> new Text("Requerimiento no atendido en su área: cuenta " + account,
                    "La cuenta " + account + " del área " + value(values, "areaCode") + " no atendió el requerimiento "
                            + request + " cuyo plazo venció el " + value(values, "dueAt") + ".\n\nConforme al artículo 15"
                            + " de los Lineamientos, se le notifica para que instruya la atención inmediata. Si no se"
                            + " atiende a más tardar el " + value(values, "attendBy") + ", se informará al Comité de"
                            + " Gestión y Publicación Electrónica." + footer);
            case DEADLINE_CHANGED -> new Text("Cambio de fecha límite: cuenta " + account,
                    "La fecha límite del requerimiento " + request + " de la cuenta " + account + " cambió al "
                            + value(values, "dueAt") + ". Motivo: " + value(values, "reason") + "." + footer);
        };
    }

    private static String value(Map<String, String> values, String key) {
        return values.getOrDefault(key, "");
    }
}
