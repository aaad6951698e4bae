package mx.ine.redes.evaluation.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A deadline and how it was reached: the act, when it took effect, each day looked at (counted
 * or skipped, and why), the policy and the calendar version. Local times are the Institute's.
 */
public record DeadlineResponse(
        Instant actAt,
        Instant effectiveAt,
        OffsetDateTime effectiveAtLocal,
        Instant dueAt,
        OffsetDateTime dueAtLocal,
        int businessDays,
        String policy,
        long calendarVersion,
        List<Day> days) {

    /**
     * One day looked at. {@code beforeEffect}: between the act's day and the day it took effect
     * (why the effect waited); otherwise counted (with its ordinal) or skipped. {@code reason} in
     * the language asked for (Spanish unless {@code Accept-Language} prefers English).
     */
    public record Day(LocalDate date, boolean beforeEffect, boolean counted, int ordinal, String reason) {
    }
}
