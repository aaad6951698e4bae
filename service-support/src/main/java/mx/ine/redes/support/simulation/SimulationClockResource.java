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
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.Text;
import mx.ine.redes.support.security.Roles;
import mx.ine.redes.support.time.ShiftableClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @APIResponse(responseCode = "200", description = "La hora simulada")
    @APIResponse(responseCode = "404", description = "La simulación no está habilitada en este entorno")
    @Operation(summary = "La hora de este servicio y su adelanto simulado")
    public ClockState simulatedClock() {
        requireEnabled();
        return state();
    }

    /** The latest instant the clock may reach: the last of the calendar's supported years (1990–2200). */
    static final Instant LATEST = Instant.parse("2201-01-01T00:00:00Z");

    private static final Pattern ISO_AMOUNT = Pattern.compile("P(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)W)?(?:(\\d+)D)?"
            + "(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+(?:[.,]\\d{1,9})?)S)?)?");

    @POST
    @Path("/advance")
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Adelanta el reloj de este servicio (ISO-8601: P1Y, P2M, P3D, PT48H, P1DT2H); nunca lo atrasa",
            description = "A lo más un año por llamada, y nunca más allá de 2200 (los años del calendario).")
    @APIResponse(responseCode = "200", description = "El reloj adelantado")
    @APIResponse(responseCode = "404", description = "La simulación no está habilitada en este entorno")
    public ClockState advanceSimulatedClock(Advance request) {
        requireEnabled();
        Instant now = clock.instant();
        Instant target = target(now, request == null ? null : request.duration());
        clock.advance(Duration.between(now, target));
        offsetFile().ifPresent(file -> file.write(clock.offset()));
        return state();
    }

    /**
     * Where the clock lands: ISO-8601 years, months, weeks and days (calendar arithmetic, UTC) and
     * hours, minutes and seconds. Forward only, by at most a year per call, within the supported
     * years: a huge amount (P99999999D) is a client's mistake, not a clock in the year 275817.
     */
    static Instant target(Instant now, String amount) {
        Matcher parts = ISO_AMOUNT.matcher(amount == null ? "" : amount.strip().toUpperCase(java.util.Locale.ROOT));
        if (!parts.matches() || parts.group(0).equals("P") || parts.group(0).endsWith("T")) {
            throw ProblemException.invalid("duration", Text.of(
                    "No es una duración ISO-8601 positiva (p. ej. P1Y, P2M, P3D, PT48H, P1DT2H).",
                    "Not a positive ISO-8601 duration (e.g. P1Y, P2M, P3D, PT48H, P1DT2H)."));
        }
        ZonedDateTime limit = now.atZone(ZoneOffset.UTC).plusYears(1);
        Instant target;
        try {
            ZonedDateTime moved = now.atZone(ZoneOffset.UTC)
                    .plusYears(number(parts.group(1))).plusMonths(number(parts.group(2)))
                    .plusWeeks(number(parts.group(3))).plusDays(number(parts.group(4)));
            Duration time = Duration.ofHours(number(parts.group(5))).plusMinutes(number(parts.group(6)))
                    .plus(seconds(parts.group(7)));
            target = moved.toInstant().plus(time);
        } catch (ArithmeticException | NumberFormatException | java.time.DateTimeException tooFar) {
            target = Instant.MAX;
        }
        if (!target.isAfter(now)) {
            throw ProblemException.invalid("duration", Text.of("El reloj solo avanza: indique una duración positiva.",
                    "The clock only moves forward: give a positive duration."));
        }
        if (target.isAfter(limit.toInstant())) {
            throw ProblemException.invalid("duration", Text.of(
                    "A lo más un año por llamada (p. ej. P1Y, P6M, P30D): " + amount.strip() + " es más.",
                    "At most one year per call (e.g. P1Y, P6M, P30D): " + amount.strip() + " is more."));
        }
        if (!target.isBefore(LATEST)) {
            throw ProblemException.invalid("duration", Text.of(
                    "El reloj no puede pasar de 2200, el último año admitido por el calendario.",
                    "The clock cannot go past 2200, the last year the calendar supports."));
        }
        return target;
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }

    private static Duration seconds(String value) {
        return value == null ? Duration.ZERO : Duration.parse("PT" + value.replace(',', '.') + "S");
    }

    private ClockState state() {
        return new ClockState(clock.instant(), clock.offset().toString());
    }

    private void requireEnabled() {
        if (!enabled) {
            throw ProblemException.notFound(Text.of("La simulación del reloj no está habilitada en este entorno.",
                    "The simulation clock is not enabled in this environment."));
        }
    }
}
