package mx.ine.redes.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where a machine's CPU went between two readings of {@code /proc}: the machine's busy and idle time
 * ({@code /proc/stat}), and each process's user + system time ({@code /proc/<pid>/stat}) summed per role:
 * each service (by its jar in the command line), PostgreSQL (the postmaster and every backend), this JVM
 * (the embedded Kafka broker, the load client and the stack) and everything else. A process that ended
 * between the readings takes its time with it; PostgreSQL's backends are pooled, so they live through a run.
 */
final class CpuShares {

    /** The roles, in the order they are printed. */
    static final List<String> ROLES = List.of("accounts-service", "submissions-service", "evaluation-service",
            "reporting-service", "postgresql", "test JVM (Kafka broker, load client)", "other");

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    /** One reading: the machine's busy and total ticks, and each role's ticks. */
    record Reading(long machineBusy, long machineTotal, Map<String, Long> ticksByRole, long nanoTime) {
    }

    /** Between two readings: the wall time, the machine's busy share (0–1 of all cores) and each role's CPU seconds. */
    record Shares(double wallSeconds, double machineBusy, Map<String, Double> cpuSecondsByRole) {

        double totalCpuSeconds() {
            return cpuSecondsByRole.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    private CpuShares() {
    }

    static Reading read() {
        long[] machine = machineTicks();
        Map<String, Long> byRole = new LinkedHashMap<>();
        ROLES.forEach(role -> byRole.put(role, 0L));
        long self = ProcessHandle.current().pid();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            entries.map(path -> path.getFileName().toString()).filter(name -> name.chars().allMatch(Character::isDigit))
                    .forEach(name -> {
                        long pid = Long.parseLong(name);
                        long ticks = processTicks(pid);
                        if (ticks > 0) {
                            byRole.merge(roleOf(pid, self), ticks, Long::sum);
                        }
                    });
        } catch (IOException e) {
            // not Linux: nothing to account
        }
        return new Reading(machine[0], machine[1], byRole, System.nanoTime());
    }

    static Shares between(Reading before, Reading after) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (String role : ROLES) {
            long ticks = after.ticksByRole().getOrDefault(role, 0L) - before.ticksByRole().getOrDefault(role, 0L);
            seconds.put(role, Math.max(0, ticks) / TICKS_PER_SECOND);
        }
        long total = after.machineTotal() - before.machineTotal();
        double busy = total > 0 ? (double) (after.machineBusy() - before.machineBusy()) / total : 0;
        return new Shares((after.nanoTime() - before.nanoTime()) / 1e9, busy, seconds);
    }

    private static String roleOf(long pid, long self) {
        if (pid == self) {
            return "test JVM (Kafka broker, load client)";
        }
        String command = ProcessTools.commandLine(pid);
        for (String service : ROLES.subList(0, 4)) {
            if (command.contains("/" + service + "/")) {
                return service;
            }
        }
        return command.startsWith("postgres") || command.contains("/bin/postgres") ? "postgresql" : "other";
    }

    /** utime + stime of a process, in ticks; 0 if it is gone. */
    private static long processTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The machine's busy and total ticks over all cores (the first line of /proc/stat). */
    private static long[] machineTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            long idle = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                long value = Long.parseLong(fields[i]);
                total += value;
                if (i == 4 || i == 5) { // idle, iowait
                    idle += value;
                }
            }
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }
}
