package mx.ine.redes.submissions.form;

import mx.ine.redes.events.StatisticField;
import mx.ine.redes.support.problem.Text;

/**
 * One field of a form: what it asks ({@link StatisticField}), its letter in the Lineamientos'
 * table for that network (empty for the optional extended metrics), whether it must be given, and
 * what a person reads.
 */
public record FormField(StatisticField field, String letter, boolean required, Text label) {

    public String name() {
        return field.wireName();
    }

    /** "A. Total de mensajes publicados", or the label alone for a field without letter. */
    public Text title() {
        if (letter.isEmpty()) {
            return label;
        }
        return Text.of(letter + ". " + label.es(), letter + ". " + label.en());
    }
}
