package mx.ine.redes.support.simulation;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.security.Roles;
import mx.ine.redes.support.time.ShiftableClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The simulation clock of the local stack: moves this service's clock forward so that deadlines,
 * reminders, late submissions and escalations can be walked through in minutes. It answers 404
 * unless {@code simulation.enabled=true}, and a service refuses to start with it enabled unless the
 * {@code local} profile is active: production can never have it by accident.
 */
@Path("/api/simulation/clock")
@Tag(name = "Simulación (solo entorno local)", description = "Reloj simulado del entorno local; 404 en cualquier otro entorno")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SimulationClockResource {

    public record ClockState(Instant now, String offset) {
    }

    public record Advance(@NotBlank String duration) {
    }

    @Inject
    ShiftableClock clock;

    @ConfigProperty(name = "simulation.enabled", defaultValue = "false")
    boolean enabled;

    /** The local stack's shared offset file ({@code SIMULATION_OFFSET_FILE}); none: the offset lives in memory. */
    @ConfigProperty(name = "simulation.offset-file")
    java.util.Optional<String> offsetFile;

    void checkProfile(@Observes StartupEvent startup) {
        if (enabled && !ConfigUtils.getProfiles().contains("local")) {
            throw new IllegalStateException("simulation.enabled=true is only allowed with the 'local' profile (active: "
                    + ConfigUtils.getProfiles() + ")");
        }
        // A service restarted on its own rejoins the others' simulated time.
        offsetFile().flatMap(SimulationOffsetFile::read).ifPresent(offset -> {
            Duration behind = offset.minus(clock.offset());
            if (behind.isPositive()) {
                clock.advance(behind);
            }
        });
    }

    private java.util.Optional<SimulationOffsetFile> offsetFile() {
        return enabled ? offsetFile.filter(path -> !path.isBlank()).map(path -> new SimulationOffsetFile(java.nio.file.Path.of(path)))
                : java.util.Optional.empty();
    }

    @GET
    @RolesAllowed({Roles.CNCS, Roles.INTEGRATION})
    @Operation(summary = "La hora de este servicio y su adelanto simulado")
    public ClockState now() {
        requireEnabled();
        return state();
    }

    @POST
    @Path("/advance")
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Adelanta el reloj de este servicio (ISO-8601, p. ej. PT48H o P3D); nunca lo atrasa")
    public ClockState advance(Advance request) {
        requireEnabled();
        Duration duration;
        try {
            duration = Duration.parse(request == null || request.duration() == null ? "" : request.duration().strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("duration", "No es una duración ISO-8601 (p. ej. PT48H, P3D).");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw ProblemException.invalid("duration", "El reloj solo avanza: indique una duración positiva.");
        }
        clock.advance(duration);
        offsetFile().ifPresent(file -> file.write(clock.offset()));
        return state();
    }

    private ClockState state() {
        return new ClockState(clock.instant(), clock.offset().toString());
    }

    private void requireEnabled() {
        if (!enabled) {
            throw ProblemException.notFound("La simulación del reloj no está habilitada en este entorno.");
        }
    }
}
