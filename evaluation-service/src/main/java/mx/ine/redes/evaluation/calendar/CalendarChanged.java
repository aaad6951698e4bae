package mx.ine.redes.evaluation.calendar;

/**
 * CDI event fired synchronously inside the transaction that changed the calendar (a non-working
 * day or an electoral process added or removed), so that open deadlines are recomputed atomically
 * with the change. {@code description} says what changed, in Spanish, for the people concerned.
 */
public record CalendarChanged(long calendarVersion, String description) {
}
