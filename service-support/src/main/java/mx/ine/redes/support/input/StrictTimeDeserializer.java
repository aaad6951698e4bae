package mx.ine.redes.support.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import java.io.IOException;

/**
 * A java.time value only from an ISO-8601 JSON string (never an array like {@code [2031,3,5]} nor
 * a number of seconds), and a date or instant only within the supported years: the value is kept
 * as given or refused, never altered.
 */
final class StrictTimeDeserializer extends DelegatingDeserializer {

    private final Class<?> type;

    StrictTimeDeserializer(JsonDeserializer<?> delegate, Class<?> type) {
        super(delegate);
        this.type = type;
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
        return new StrictTimeDeserializer(newDelegatee, type);
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext ctxt) throws IOException {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            throw new InputRefusedException(parser, type, ExpectedTypes.mustBe(type));
        }
        String text = parser.getText();
        var control = InputRules.controlCharacters(text, false);
        if (control.isPresent()) {
            throw new InputRefusedException(parser, type, control.get());
        }
        Object value = super.deserialize(parser, ctxt);
        var outside = InputRules.outsideSupportedYears(value);
        if (outside.isPresent()) {
            throw new InputRefusedException(parser, type, outside.get());
        }
        return value;
    }
}
