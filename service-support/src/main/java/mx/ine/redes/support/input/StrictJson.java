package mx.ine.redes.support.input;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads request bodies strictly (api-conventions, "Strict JSON types"): a value of the wrong JSON
 * type is refused, never converted. Jackson coerces by default (a number into a string, "7" into
 * 7, 7.5 into 7, 1 into true, an index into an enum, [2031,3,5] into a date); every such coercion
 * is turned off here, and strings and java.time values get their own strict readers.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @ConfigProperty(name = "api.max-text-length", defaultValue = "10000")
    int maxTextLength;

    @Override
    public void customize(ObjectMapper mapper) {
        configure(mapper, maxTextLength);
    }

    @Override
    public int priority() {
        // After Quarkus' own customizers (which register the java.time module), so ours wrap its readers.
        return MINIMUM_PRIORITY;
    }

    /** Applies the strict reading to {@code mapper}; public so that a unit test reads as the REST layer does. */
    @SuppressWarnings("deprecation")
    public static ObjectMapper configure(ObjectMapper mapper, int maxTextLength) {
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT,
                DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS,
                DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT,
                DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT,
                DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL,
                DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE);
        mapper.setDefaultLeniency(false);

        // Every scalar only from its own JSON shape (an integer is also a decimal number); empty strings included.
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean,
                LogicalType.Textual, LogicalType.Enum, LogicalType.DateTime, LogicalType.OtherScalar}) {
            var config = mapper.coercionConfigFor(type);
            config.setAcceptBlankAsEmpty(false);
            for (CoercionInputShape shape : CoercionInputShape.values()) {
                config.setCoercion(shape, natural(type, shape) ? CoercionAction.TryConvert : CoercionAction.Fail);
            }
        }

        SimpleModule strict = new SimpleModule("api-conventions-strict-input");
        strict.addDeserializer(String.class, new StrictTextDeserializer(maxTextLength));
        strict.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                // A Year is written and read as a JSON number; every other java.time value as an ISO string.
                if (type.getName().startsWith("java.time.") && type != java.time.Year.class
                        && (TemporalAccessor.class.isAssignableFrom(type) || TemporalAmount.class.isAssignableFrom(type))) {
                    return new StrictTimeDeserializer(deserializer, type);
                }
                return deserializer;
            }
        });
        mapper.registerModule(strict);
        return mapper;
    }

    /** The one JSON shape each logical type is read from without conversion. */
    private static boolean natural(LogicalType type, CoercionInputShape shape) {
        return switch (type) {
            case Integer -> shape == CoercionInputShape.Integer;
            case Float -> shape == CoercionInputShape.Float || shape == CoercionInputShape.Integer;
            case Boolean -> shape == CoercionInputShape.Boolean;
            case Textual, Enum, DateTime, OtherScalar -> shape == CoercionInputShape.String;
            default -> false;
        };
    }
}
