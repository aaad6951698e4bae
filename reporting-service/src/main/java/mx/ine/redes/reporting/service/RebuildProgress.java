package mx.ine.redes.reporting.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One rebuild of the read model as the operator follows it. */
@Schema(description = "Una reconstrucción del modelo de lectura y su avance")
public record RebuildProgress(
        long id,
        @Schema(description = "RUNNING, SUCCEEDED o FAILED") String state,
        String requestedBy,
        Instant requestedAt,
        @Schema(description = "Cuándo se vació el modelo de lectura; desde entonces y hasta que termine bien, los informes responden 503")
        Instant clearedAt,
        Instant finishedAt,
        @Schema(description = "Por qué falló (FAILED)") String error,
        @Schema(description = "Un tópico por fuente, en el orden en que se reproducen") List<TopicProgress> topics) {

    @Schema(description = "El avance de la reproducción de un tópico")
    public record TopicProgress(
            String topic,
            @Schema(description = "El offset final de cada partición al empezar: se lee hasta ahí") Map<Integer, Long> endOffsets,
            @Schema(description = "Registros entre el inicio y el final capturado de cada partición") long records,
            @Schema(description = "Registros aplicados por el consumidor (su bandeja de entrada aplica una vez cada evento)") long applied,
            @Schema(description = "Registros que no se pueden leer; el consumidor en vivo ya los detuvo (dead_letter)") long undecodable,
            @Schema(description = "Registros aplicados por segundo, desde que empezó el tópico hasta que terminó (o hasta ahora)")
            Double eventsPerSecond,
            Instant startedAt,
            Instant finishedAt) {
    }
}
