package mx.ine.redes.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The top README's "Try it" block, run as written: its commands, one step per command (a line, its
 * continuation lines, or a {@code for … done} loop), in one bash session, so that {@code ID} and
 * the sourced tokens carry over as they do for a person typing them. The only changes are where the
 * stack is: {@code localhost:8081…8084} become the stack's ports and {@code .local-stack/} its data
 * folder ({@code LOCAL_STACK_DIR} and {@code LOCAL_BASE_PORT} are set for {@code local-stack.sh advance}).
 */
final class ReadmeWalkThrough {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STEP_OUTPUT = Pattern.compile(
            "@@step (\\d+)@@\\n(.*?)\\n?@@end \\1 status=(\\d+) id=([^@]*)@@", Pattern.DOTALL);

    /** One command of the block and what running it printed. */
    record Step(int index, String command, String output, int status, String id) {

        JsonNode json() {
            try {
                return JSON.readTree(output.strip());
            } catch (IOException e) {
                throw new AssertionError("step " + index + " did not print JSON:\n" + command + "\n---\n" + output, e);
            }
        }

        /** A page's items, or the array itself. */
        List<JsonNode> items() {
            JsonNode json = json();
            JsonNode items = json.isArray() ? json : json.path("items");
            assertThat(items.isArray()).as("step %d prints a list or a page: %s", index, output).isTrue();
            List<JsonNode> list = new ArrayList<>();
            items.forEach(list::add);
            return list;
        }

        @Override
        public String toString() {
            return "step " + index + ": " + command + "\n--- exit " + status + ", output:\n" + output;
        }
    }

    private ReadmeWalkThrough() {
    }

    /** The commands of the first {@code bash} block after "## Try it". */
    static List<String> commands(Path readme) throws IOException {
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int section = text.indexOf("\n## Try it");
        assertThat(section).as("README has a 'Try it' section").isPositive();
        int open = text.indexOf("```bash\n", section);
        int close = text.indexOf("\n```", open + 8);
        assertThat(open).as("a bash block in 'Try it'").isPositive();
        List<String> commands = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inLoop = false;
        for (String line : text.substring(open + 8, close).split("\n")) {
            String trimmed = line.strip();
            if (current.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.startsWith("for ") && trimmed.endsWith("; do")) {
                inLoop = true;
            }
            if (inLoop && trimmed.startsWith("done")) {
                inLoop = false;
            }
            if (!inLoop && !trimmed.endsWith("\\")) {
                commands.add(current.toString().stripTrailing());
                current.setLength(0);
            }
        }
        assertThat(current.toString()).as("unfinished command at the end of the block").isEmpty();
        return commands;
    }

    /** Runs the commands in one bash session against the stack at {@code basePort} with data in {@code dataDirectory}. */
    static List<Step> run(List<String> commands, Path repository, Path dataDirectory, int basePort) throws Exception {
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < commands.size(); i++) {
            script.append("printf '\\n@@step %d@@\\n' ").append(i).append('\n')
                    .append(relocate(commands.get(i), dataDirectory, basePort)).append('\n')
                    .append("printf '\\n@@end %d status=%d id=%s@@\\n' ").append(i).append(" $? \"${ID:-}\"\n");
        }
        Path file = dataDirectory.resolve("readme-walk-through.sh");
        Files.writeString(file, script.toString(), StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder("bash", file.toString())
                .directory(repository.toFile())
                .redirectErrorStream(true);
        builder.environment().put("LOCAL_STACK_DIR", dataDirectory.toString());
        builder.environment().put("LOCAL_BASE_PORT", Integer.toString(basePort));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the walk-through ended").isTrue();
        List<Step> steps = new ArrayList<>();
        Matcher m = STEP_OUTPUT.matcher(output);
        while (m.find()) {
            int index = Integer.parseInt(m.group(1));
            steps.add(new Step(index, commands.get(index), m.group(2), Integer.parseInt(m.group(3)), m.group(4)));
        }
        assertThat(steps).as("every command ran; whole output:%n%s", output).hasSize(commands.size());
        return steps;
    }

    /** The only thing that differs from a person's terminal: the stack's ports and data folder. */
    static String relocate(String command, Path dataDirectory, int basePort) {
        Matcher ports = Pattern.compile("\\b808([1-4])\\b").matcher(command);
        StringBuilder relocated = new StringBuilder();
        while (ports.find()) {
            ports.appendReplacement(relocated, Integer.toString(basePort + Integer.parseInt(ports.group(1)) - 1));
        }
        ports.appendTail(relocated);
        return relocated.toString().replace(".local-stack/", dataDirectory + "/");
    }

    /** The one step whose command contains every fragment. */
    static Step step(List<Step> steps, String... fragments) {
        List<Step> found = steps.stream()
                .filter(step -> java.util.Arrays.stream(fragments).allMatch(step.command()::contains))
                .toList();
        assertThat(found).as("exactly one README command contains %s", List.of(fragments)).hasSize(1);
        return found.getFirst();
    }
}
