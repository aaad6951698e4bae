package mx.ine.redes.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Keeps {@code asyncapi.yaml} in step with the code: every event type, every record component and
 * every topic must be described, and nothing else.
 */
class AsyncApiDocumentTest {

    private static final String MESSAGES = "#/components/messages/";
    private static final String SCHEMAS = "#/components/schemas/";

    private static JsonNode doc;

    @BeforeAll
    static void loadDocument() throws IOException {
        try (InputStream in = AsyncApiDocumentTest.class.getClassLoader().getResourceAsStream("asyncapi.yaml")) {
            assertThat(in).as("asyncapi.yaml on the classpath").isNotNull();
            doc = new YAMLMapper().readTree(in);
        }
    }

    @Test
    void shouldDeclareAsyncApi300() {
        assertThat(doc.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(doc.path("info").path("title").asText()).isNotBlank();
        assertThat(doc.path("info").path("version").asText()).isNotBlank();
    }

    // ---- messages --------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(EventType.class)
    void shouldDescribeEveryEventAsAMessage(EventType type) {
        JsonNode message = doc.path("components").path("messages").path(type.wireName());

        assertThat(message.isObject()).as("components.messages.%s", type.wireName()).isTrue();
        assertThat(message.path("name").asText()).isEqualTo(type.wireName());
        assertThat(message.path("description").asText()).contains("**ES:**").contains("**EN:**");
        JsonNode key = message.path("bindings").path("kafka").path("key");
        assertThat(key.path("type").asText()).as("Kafka key of %s", type.wireName()).isEqualTo("string");
    }

    @Test
    void shouldHaveNoMessageWithoutAnEventType() {
        Set<String> wireNames = Arrays.stream(EventType.values()).map(EventType::wireName).collect(Collectors.toSet());

        assertThat(fieldNames(doc.path("components").path("messages"))).containsExactlyInAnyOrderElementsOf(wireNames);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void shouldDescribeTheEnvelopeOfEveryMessage(EventType type) {
        JsonNode envelope = doc.path("components").path("messages").path(type.wireName()).path("payload");
        JsonNode properties = envelope.path("properties");

        assertThat(fieldNames(properties)).as("envelope of %s", type.wireName())
                .containsExactlyInAnyOrderElementsOf(componentNames(EventEnvelope.class));
        assertThat(properties.path("type").path("const").asText()).isEqualTo(type.wireName());
        assertThat(properties.path("payload").path("$ref").asText())
                .isEqualTo(SCHEMAS + type.wireName() + "Payload");
        for (RecordComponent component : EventEnvelope.class.getRecordComponents()) {
            if (!component.getName().equals("payload")) {
                assertMatches(type.wireName() + ".payload." + component.getName(),
                        properties.path(component.getName()), component.getGenericType());
            }
        }
        assertThat(textValues(envelope.path("required")))
                .containsExactlyInAnyOrder("eventId", "type", "occurredAt", "aggregateId", "payload");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void shouldDescribeTheAggregateSequenceOfEveryMessage(EventType type) {
        JsonNode sequence = doc.path("components").path("messages").path(type.wireName())
                .path("payload").path("properties").path("sequence");

        assertThat(sequence.path("format").asText()).as("%s.sequence format", type.wireName()).isEqualTo("int64");
        assertThat(sequence.path("minimum").asInt()).as("%s.sequence minimum", type.wireName()).isEqualTo(1);
        assertThat(sequence.path("description").asText()).contains("per aggregateId");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void shouldDescribeExactlyTheRecordComponentsOfEveryPayload(EventType type) {
        JsonNode schema = resolve(doc.path("components").path("messages").path(type.wireName())
                .path("payload").path("properties").path("payload").path("$ref").asText());

        assertRecordSchema(type.wireName() + "Payload", schema, type.payloadType());
    }

    @Test
    void shouldDescribeExactlyTheRecordComponentsOfAccountSnapshot() {
        assertRecordSchema("AccountSnapshot", resolve(SCHEMAS + "AccountSnapshot"), AccountSnapshot.class);
    }

    // ---- channels --------------------------------------------------------------------------------

    @Test
    void shouldAddressEveryTopic() {
        List<String> addresses = new ArrayList<>();
        doc.path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));

        assertThat(addresses).containsAll(Topics.ALL);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void shouldListEveryMessageInTheChannelOfItsTopic(EventType type) {
        JsonNode channel = channelOf(type.topic());

        assertThat(messageRefs(channel)).as("messages of channel %s", type.topic())
                .contains(MESSAGES + type.wireName());
    }

    @Test
    void shouldListOnlyTheTopicsOwnMessagesInEachChannel() {
        for (String topic : Topics.ALL) {
            Set<String> expected = Arrays.stream(EventType.values())
                    .filter(type -> type.topic().equals(topic))
                    .map(type -> MESSAGES + type.wireName())
                    .collect(Collectors.toSet());

            assertThat(messageRefs(channelOf(topic))).as("messages of channel %s", topic)
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void shouldDescribeOnlyTheEventTopicsAsChannels() {
        // Consumers park what they cannot decode in their own database: no dead-letter topics.
        Set<String> addresses = new java.util.TreeSet<>();
        doc.path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));

        assertThat(addresses).containsExactlyInAnyOrderElementsOf(Topics.ALL);
    }

    // ---- operations ------------------------------------------------------------------------------

    @Test
    void shouldHaveOneSendOperationPerTopicAndEveryOtherServiceReceiving() {
        for (String topic : Topics.ALL) {
            String channelRef = "#/channels/" + channelKeyOf(topic);
            List<JsonNode> operations = StreamSupport.stream(doc.path("operations").spliterator(), false)
                    .filter(operation -> operation.path("channel").path("$ref").asText().equals(channelRef))
                    .toList();

            assertThat(operations).filteredOn(operation -> operation.path("action").asText().equals("send"))
                    .as("send operations on %s", topic).hasSize(1);
            assertThat(operations).filteredOn(operation -> operation.path("action").asText().equals("receive"))
                    .as("receive operations on %s", topic).hasSize(3);
        }
    }

    @Test
    void shouldOnlyOperateOnMessagesOfTheOperationsChannel() {
        doc.path("operations").properties().forEach(entry -> {
            String channelRef = entry.getValue().path("channel").path("$ref").asText();
            assertThat(entry.getValue().path("action").asText()).isIn("send", "receive");
            assertThat(entry.getValue().path("messages").isEmpty()).as("messages of %s", entry.getKey()).isFalse();
            entry.getValue().path("messages").forEach(message -> assertThat(message.path("$ref").asText())
                    .as("message of operation %s", entry.getKey())
                    .startsWith(channelRef + "/messages/"));
        });
    }

    @Test
    void shouldResolveEveryReference() {
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);

        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).startsWith("#/");
            assertThat(resolve(ref).isMissingNode()).as("target of %s", ref).isFalse();
        }
    }

    /**
     * An unquoted comma inside a flow mapping ({@code { description: a, b }}) silently ends the
     * scalar and turns the rest into a key: every property schema may use only these keywords.
     */
    @Test
    void shouldUseOnlySchemaKeywordsInEveryPropertySchema() {
        Set<String> keywords = Set.of("type", "format", "description", "examples", "items", "minimum", "maximum",
                "enum", "const", "$ref", "additionalProperties");
        List<String> strays = new ArrayList<>();
        collectStrayKeys("", doc, keywords, strays);

        assertThat(strays).as("keys that are no JSON-schema keyword (an unquoted comma?)").isEmpty();
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static void collectStrayKeys(String where, JsonNode node, Set<String> keywords, List<String> strays) {
        if (node.isObject()) {
            JsonNode properties = node.path("properties");
            properties.properties().forEach(property -> property.getValue().fieldNames().forEachRemaining(key -> {
                if (!keywords.contains(key)) {
                    strays.add(where + ".properties." + property.getKey() + ": " + key);
                }
            }));
            node.properties().forEach(entry -> collectStrayKeys(where + "." + entry.getKey(), entry.getValue(), keywords, strays));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectStrayKeys(where + "[" + i + "]", node.get(i), keywords, strays);
            }
        }
    }

    /** The schema's property names are the record's component names, each with the matching type. */
    private static void assertRecordSchema(String where, JsonNode schema, Class<?> recordClass) {
        assertThat(schema.isObject()).as("schema %s", where).isTrue();
        assertThat(schema.path("type").asText()).as("type of %s", where).isEqualTo("object");
        JsonNode properties = schema.path("properties");
        assertThat(fieldNames(properties)).as("properties of %s", where)
                .containsExactlyInAnyOrderElementsOf(componentNames(recordClass));
        for (RecordComponent component : recordClass.getRecordComponents()) {
            assertMatches(where + "." + component.getName(), properties.path(component.getName()),
                    component.getGenericType());
        }
    }

    /** The JSON schema {@code schema} describes how Jackson writes a value of {@code javaType}. */
    private static void assertMatches(String where, JsonNode schema, Type javaType) {
        Class<?> raw = rawClass(javaType);
        if (raw.isRecord()) {
            assertThat(schema.path("$ref").asText()).as(where).isEqualTo(SCHEMAS + raw.getSimpleName());
            assertRecordSchema(raw.getSimpleName(), resolve(schema.path("$ref").asText()), raw);
        } else if (raw == UUID.class) {
            assertTypeAndFormat(where, schema, "string", "uuid");
        } else if (raw == Instant.class) {
            assertTypeAndFormat(where, schema, "string", "date-time");
        } else if (raw == LocalDate.class) {
            assertTypeAndFormat(where, schema, "string", "date");
        } else if (raw == String.class) {
            assertType(where, schema, "string");
        } else if (raw == int.class || raw == long.class || raw == Integer.class || raw == Long.class) {
            assertType(where, schema, "integer");
        } else if (raw == boolean.class || raw == Boolean.class) {
            assertType(where, schema, "boolean");
        } else if (raw == BigDecimal.class) {
            assertType(where, schema, "number");
        } else if (raw == List.class) {
            assertType(where, schema, "array");
            assertMatches(where + "[]", schema.path("items"), typeArgument(javaType, 0));
        } else if (raw == Map.class) {
            assertType(where, schema, "object");
            assertThat(rawClass(typeArgument(javaType, 0))).as("map key of %s", where).isEqualTo(String.class);
            assertMatches(where + "{}", schema.path("additionalProperties"), typeArgument(javaType, 1));
        } else {
            fail("No JSON-schema mapping for %s (%s): teach AsyncApiDocumentTest.assertMatches", where, javaType);
        }
    }

    private static void assertTypeAndFormat(String where, JsonNode schema, String type, String format) {
        assertType(where, schema, type);
        assertThat(schema.path("format").asText()).as("format of %s", where).isEqualTo(format);
    }

    /** {@code type} is the schema's type; a nullable field may list {@code "null"} beside it. */
    private static void assertType(String where, JsonNode schema, String type) {
        JsonNode declared = schema.path("type");
        List<String> types = declared.isArray() ? textValues(declared) : List.of(declared.asText());
        assertThat(types.stream().filter(t -> !t.equals("null")).toList()).as("type of %s", where)
                .containsExactly(type);
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new AssertionError("Unsupported type " + type);
    }

    private static Type typeArgument(Type type, int index) {
        return ((ParameterizedType) type).getActualTypeArguments()[index];
    }

    private static JsonNode channelOf(String address) {
        return doc.path("channels").path(channelKeyOf(address));
    }

    private static String channelKeyOf(String address) {
        return doc.path("channels").properties().stream()
                .filter(entry -> entry.getValue().path("address").asText().equals(address))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new AssertionError("No channel with address " + address));
    }

    private static Set<String> messageRefs(JsonNode channel) {
        Set<String> refs = new TreeSet<>();
        channel.path("messages").forEach(message -> refs.add(message.path("$ref").asText()));
        return refs;
    }

    private static JsonNode resolve(String ref) {
        assertThat(ref).as("reference").startsWith("#/");
        return doc.at(ref.substring(1));
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(entry -> {
                if (entry.getKey().equals("$ref")) {
                    refs.add(entry.getValue().asText());
                } else {
                    collectRefs(entry.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }

    private static List<String> componentNames(Class<?> recordClass) {
        assertThat(recordClass.isRecord()).as("%s is a record", recordClass.getSimpleName()).isTrue();
        return Arrays.stream(recordClass.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> textValues(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
