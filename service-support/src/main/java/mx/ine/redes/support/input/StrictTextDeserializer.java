package mx.ine.redes.support.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import jakarta.validation.constraints.Size;
import java.io.IOException;

/**
 * Every JSON string of a request: only a JSON string is a text (a number or a boolean is refused,
 * never converted), without control characters unless the field is {@link FreeText}, and no longer
 * than the default maximum unless the field states its own {@code @Size}.
 */
final class StrictTextDeserializer extends StdScalarDeserializer<String> implements ContextualDeserializer {

    private final int defaultMaxLength;
    private final boolean freeText;
    private final boolean ownSize;

    StrictTextDeserializer(int defaultMaxLength) {
        this(defaultMaxLength, false, false);
    }

    private StrictTextDeserializer(int defaultMaxLength, boolean freeText, boolean ownSize) {
        super(String.class);
        this.defaultMaxLength = defaultMaxLength;
        this.freeText = freeText;
        this.ownSize = ownSize;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
        if (property == null) {
            return this;
        }
        boolean free = property.getAnnotation(FreeText.class) != null;
        Size size = property.getAnnotation(Size.class);
        boolean sized = size != null && size.max() < Integer.MAX_VALUE;
        return free == freeText && sized == ownSize ? this : new StrictTextDeserializer(defaultMaxLength, free, sized);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext ctxt) throws IOException {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            throw new InputRefusedException(parser, String.class, ExpectedTypes.mustBe(String.class));
        }
        String value = parser.getText();
        var refused = InputRules.controlCharacters(value, freeText);
        if (refused.isPresent()) {
            throw new InputRefusedException(parser, String.class, refused.get());
        }
        if (!ownSize && value.length() > defaultMaxLength) {
            throw new InputRefusedException(parser, String.class, InputRules.tooLong(defaultMaxLength));
        }
        return value;
    }

    @Override
    public boolean isCachable() {
        return true;
    }
}
