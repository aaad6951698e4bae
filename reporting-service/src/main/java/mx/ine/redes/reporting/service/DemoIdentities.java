package mx.ine.redes.reporting.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import mx.ine.redes.reporting.config.DashboardConfig;

/**
 * The local stack's demo identities, read from the {@code tokens.json} deploy's DemoTokens writes on every
 * start (one signed token per demo person), so that a person can sign in to the dashboard as one of them.
 * Only with {@code dashboard.demo-sign-in.tokens-file} set, which a service refuses unless the {@code local}
 * (or {@code test}) profile is active: production never offers it, whatever its configuration says.
 */
@ApplicationScoped
public class DemoIdentities {

    /** A demo person as the file lists them; {@code token} is the bearer token their cookie carries. */
    public record DemoPerson(String role, String name, String email, String note, String token) {
    }

    @Inject
    DashboardConfig config;

    @Inject
    ObjectMapper json;

    void checkProfile(@Observes StartupEvent startup) {
        List<String> profiles = ConfigUtils.getProfiles();
        if (enabled() && !profiles.contains("local") && !profiles.contains("test")) {
            throw new IllegalStateException("dashboard.demo-sign-in.tokens-file is only allowed with the 'local' profile (active: "
                    + profiles + ")");
        }
    }

    public boolean enabled() {
        return file().isPresent();
    }

    /** Everyone in the file, in its order; none when the demo sign-in is off or the file is not there (yet). */
    public List<DemoPerson> people() {
        Optional<Path> file = file();
        if (file.isEmpty() || !Files.isRegularFile(file.get())) {
            return List.of();
        }
        JsonNode document;
        try {
            document = json.readTree(file.get().toFile());
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable demo tokens " + file.get(), e);
        }
        List<DemoPerson> people = new ArrayList<>();
        for (JsonNode person : document.path("people")) {
            people.add(new DemoPerson(person.path("role").asText(), person.path("name").asText(), person.path("email").asText(),
                    person.path("note").asText(), person.path("token").asText()));
        }
        return people;
    }

    public Optional<DemoPerson> person(String email) {
        return email == null ? Optional.empty() : people().stream().filter(person -> person.email().equalsIgnoreCase(email.strip()))
                .findFirst();
    }

    private Optional<Path> file() {
        return config.demoSignIn().tokensFile().filter(path -> !path.isBlank()).map(Path::of);
    }
}
