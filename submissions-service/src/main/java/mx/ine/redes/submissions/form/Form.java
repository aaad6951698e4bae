package mx.ine.redes.submissions.form;

import java.util.List;
import java.util.Optional;
import mx.ine.redes.events.StatisticField;
import mx.ine.redes.support.problem.Text;

/**
 * What one account must (and may) declare for one request: the network's form of Art. 11, or the
 * list of an ad hoc request (Art. 12). {@code id} is {@code X}, {@code FACEBOOK}, {@code OTHER}… or
 * {@code AD_HOC}.
 */
public record Form(String id, Text title, List<FormField> fields) {

    public Form {
        fields = List.copyOf(fields);
    }

    public Optional<FormField> field(StatisticField field) {
        return fields.stream().filter(f -> f.field() == field).findFirst();
    }

    public boolean has(StatisticField field) {
        return field(field).isPresent();
    }

    public boolean requires(StatisticField field) {
        return field(field).map(FormField::required).orElse(false);
    }

    public List<FormField> counts() {
        return fields.stream().filter(f -> f.field().isCount()).toList();
    }
}
