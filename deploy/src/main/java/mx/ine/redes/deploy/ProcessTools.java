package mx.ine.redes.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/** Linux process helpers: resident memory, command lines, stopping with a grace period. */
final class ProcessTools {

    private ProcessTools() {
    }

    /** Resident set size in KiB ({@code VmRSS} of {@code /proc/<pid>/status}), if readable. */
    static OptionalLong residentKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.substring(6).trim().split("\\s+")[0]));
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone, or not Linux
        }
        return OptionalLong.empty();
    }

    /** Proportional set size in KiB ({@code Pss} of {@code /proc/<pid>/smaps_rollup}): shared pages divided among their users. */
    static OptionalLong proportionalKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return OptionalLong.of(Long.parseLong(line.substring(4).trim().split("\\s+")[0]));
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone, not readable, or not Linux
        }
        return OptionalLong.empty();
    }

    /**
     * The memory of a process and all its descendants, in KiB (e.g. a postmaster and its backends):
     * the sum of their PSS, so that shared memory is counted once; RSS where PSS is not readable.
     */
    static long memoryKiBWithDescendants(long pid) {
        List<Long> pids = new ArrayList<>();
        pids.add(pid);
        ProcessHandle.of(pid).ifPresent(handle -> handle.descendants().forEach(child -> pids.add(child.pid())));
        long total = 0;
        for (long each : pids) {
            OptionalLong pss = proportionalKiB(each);
            total += pss.isPresent() ? pss.getAsLong() : residentKiB(each).orElse(0);
        }
        return total;
    }

    /** The full command line of a process, arguments separated by spaces, or "" if unknown. */
    static String commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').trim();
        } catch (IOException | RuntimeException e) {
            return ProcessHandle.of(pid).flatMap(handle -> handle.info().commandLine()).orElse("");
        }
    }

    static String formatMiB(long kib) {
        return kib <= 0 ? "?" : "%d MiB".formatted(Math.round(kib / 1024.0));
    }

    /**
     * Asks all the processes to stop (SIGTERM), waits for them together up to {@code grace}, then
     * kills the ones left (SIGKILL). Returns the ones that had to be killed.
     */
    static List<ProcessHandle> stopAll(List<ProcessHandle> processes, Duration grace) {
        List<ProcessHandle> alive = new ArrayList<>();
        for (ProcessHandle process : processes) {
            if (process.isAlive()) {
                process.destroy();
                alive.add(process);
            }
        }
        long deadline = System.nanoTime() + grace.toNanos();
        List<ProcessHandle> killed = new ArrayList<>();
        for (ProcessHandle process : alive) {
            long left = deadline - System.nanoTime();
            try {
                process.onExit().get(Math.max(left, 0), TimeUnit.NANOSECONDS);
            } catch (Exception timeoutOrInterrupted) {
                if (timeoutOrInterrupted instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                if (process.isAlive()) {
                    process.destroyForcibly();
                    killed.add(process);
                }
            }
        }
        for (ProcessHandle process : killed) {
            try {
                process.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // reported by the caller through isAlive()
            }
        }
        return killed;
    }

    /** The last {@code lines} lines of a text file, or a note that there is none. */
    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (java.nio.charset.MalformedInputException e) {
            try {
                List<String> all = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
                return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
            } catch (IOException again) {
                return "(cannot read " + file + ": " + again + ")";
            }
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }
}
