package mx.ine.redes.support.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import mx.ine.redes.support.problem.Text;

/**
 * A JSON value refused by the strict reading (control characters, too long, outside the supported
 * years, the wrong JSON type): Jackson adds the path of the field, the problem mapper answers 400
 * with this message.
 */
public class InputRefusedException extends MismatchedInputException {

    private final transient Text reason;

    public InputRefusedException(JsonParser parser, Class<?> targetType, Text reason) {
        super(parser, reason.en(), targetType);
        this.reason = reason;
    }

    public Text reason() {
        return reason;
    }
}
