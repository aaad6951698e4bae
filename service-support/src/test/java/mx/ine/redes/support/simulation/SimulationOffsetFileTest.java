package mx.ine.redes.support.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulationOffsetFileTest {

    @TempDir
    Path folder;

    @Test
    void shouldGiveBackTheLastOffsetWritten() {
        SimulationOffsetFile file = new SimulationOffsetFile(folder.resolve("data/simulation-offset"));
        assertThat(file.read()).isEmpty();
        file.write(Duration.ofHours(6));
        file.write(Duration.parse("P15DT6H"));
        assertThat(file.read()).contains(Duration.ofHours(366));
        assertThat(new SimulationOffsetFile(folder.resolve("data/simulation-offset")).read()).contains(Duration.ofHours(366));
    }

    @Test
    void shouldIgnoreWhatIsNotAPositiveDuration() throws Exception {
        Path path = folder.resolve("simulation-offset");
        for (String content : new String[] {"", "mañana", "PT0S", "-PT1H"}) {
            Files.writeString(path, content);
            assertThat(new SimulationOffsetFile(path).read()).as(content).isEmpty();
        }
    }
}
