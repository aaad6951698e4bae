package mx.ine.redes.events;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Semester cycle ids as events carry them ({@code 2026-S1}: January–June 2026; {@code 2026-S2}: July–December). */
public final class CycleIds {

    private static final Pattern CYCLE = Pattern.compile("(\\d{4})-S([12])");

    private CycleIds() {
    }

    /** The cycle before: {@code 2026-S1} → {@code 2025-S2}, {@code 2026-S2} → {@code 2026-S1}; empty for anything else. */
    public static Optional<String> previous(String cycleId) {
        if (cycleId == null) {
            return Optional.empty();
        }
        Matcher matcher = CYCLE.matcher(cycleId);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(matcher.group(1));
        return Optional.of(matcher.group(2).equals("2") ? year + "-S1" : (year - 1) + "-S2");
    }
}
