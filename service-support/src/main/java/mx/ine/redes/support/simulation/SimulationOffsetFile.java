package mx.ine.redes.support.simulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Where the local stack keeps the simulated offset, so that a service restarted on its own (a
 * crash, {@code kill -9}) comes back at the simulated time of the others instead of the host's.
 * Every service writes it after each advance; one file, one value.
 */
public final class SimulationOffsetFile {

    private final Path file;

    public SimulationOffsetFile(Path file) {
        this.file = file;
    }

    /** The offset last written; empty if there is none or it cannot be read as a positive duration. */
    public Optional<Duration> read() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Duration offset = Duration.parse(Files.readString(file, StandardCharsets.US_ASCII).strip());
            return offset.isNegative() || offset.isZero() ? Optional.empty() : Optional.of(offset);
        } catch (IOException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Replaces the file's content at once (write aside, then move), so a reader never sees half a value. */
    public void write(Duration offset) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path aside = Files.createTempFile(parent, ".simulation-offset", ".tmp");
            Files.writeString(aside, offset.toString(), StandardCharsets.US_ASCII);
            Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the simulation offset to " + file, e);
        }
    }
}
