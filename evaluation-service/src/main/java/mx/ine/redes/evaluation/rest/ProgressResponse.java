package mx.ine.redes.evaluation.rest;

import java.util.List;

/**
 * How a cycle is going: requested, submitted (on time, late), missing and overdue; in total, per
 * level and per area. A withdrawn request counts only in {@code withdrawn}: it is neither requested
 * nor missing any more ({@code requested = submitted + missing}).
 */
public record ProgressResponse(String cycleId, Counts total, List<Group> byLevel, List<Group> byArea) {

    public record Counts(long requested, long submitted, long onTime, long late, long missing, long overdue, long withdrawn) {
    }

    public record Group(String key, Counts counts) {
    }
}
