package mx.ine.redes.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EventJsonTest {

    /** Reads the JSON as a plain tree, independently of the codec under test. */
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private static final Instant OCCURRED_AT = Instant.parse("2026-07-10T22:41:08.123456789Z");
    private static final String CORRELATION_ID = "7b0c2f9e-1d4a-4e8b-a6c3-5f2e9d8b1a07";

    private static final UUID ACCOUNT_ID = UUID.fromString("3f6b2a1e-8c4d-4f7a-9b21-5d0e6c7a8f10");
    private static final UUID REQUEST_ID = UUID.fromString("a1c9e7d2-4b3f-4e8a-8d6c-2f1b0a9e7c53");
    private static final UUID OBSERVATION_ID = UUID.fromString("5e2d8c41-7a9b-4c3e-b6f0-8d1a2e3c4b57");
    private static final String CYCLE = "2026-S1";

    private static final AccountSnapshot DISTRICT_ACCOUNT = new AccountSnapshot(
            ACCOUNT_ID,
            "X",
            "INEChiapas03",
            "https://x.com/INEChiapas03",
            "INE Junta Distrital 03 Chiapas",
            "INSTITUTIONAL",
            "ACTIVE",
            "JDE-CHIS-03",
            "Junta Distrital Ejecutiva 03 en Chiapas",
            "DISTRICT",
            7,
            3,
            "María Guadalupe Hernández Ruiz",
            "guadalupe.hernandez@ine.mx",
            List.of("jorge.mendez@ine.mx", "ana.lopez@ine.mx"),
            LocalDate.of(2019, 4, 8),
            LocalDate.of(2026, 6, 29),
            List.of(new AreaLink("JLE-CHIS", "Junta Local Ejecutiva en Chiapas", "LOCAL",
                    "Rosa María Pérez Gómez", "rosa.perez@ine.mx")));

    /** A realistic payload per event type; a type without one fails {@link #shouldRoundTripEveryEvent}. */
    static final Map<EventType, DomainEvent> SAMPLES = samples();

    // ---- round trip ------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(EventType.class)
    void shouldRoundTripEveryEvent(EventType type) throws Exception {
        EventEnvelope envelope = envelopeOf(type);

        String json = EventJson.write(envelope);

        assertThat(EventJson.read(json)).isEqualTo(envelope);
        JsonNode tree = PLAIN.readTree(json);
        assertThat(tree.path("type").asText()).isEqualTo(type.wireName());
        assertThat(tree.path("aggregateId").asText()).isEqualTo(envelope.payload().aggregateId());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void shouldHaveASampleOfTheRightTypeForEveryEvent(EventType type) {
        assertThat(SAMPLES.get(type))
                .as("sample payload for %s: add one to EventJsonTest.samples()", type)
                .isNotNull()
                .isInstanceOf(type.payloadType());
        assertThat(SAMPLES.get(type).type()).isEqualTo(type);
    }

    @Test
    void shouldRoundTripWithoutCorrelationId() {
        EventEnvelope envelope = EventEnvelope.wrap(SAMPLES.get(EventType.ACCOUNT_REGISTERED), OCCURRED_AT, null);

        assertThat(EventJson.read(EventJson.write(envelope))).isEqualTo(envelope);
    }

    @Test
    void shouldWrapPayloadWithItsTypeAggregateAndSchemaVersion() {
        DomainEvent payload = SAMPLES.get(EventType.REVIEW_CYCLE_OPENED);

        EventEnvelope envelope = EventEnvelope.wrap(payload, OCCURRED_AT, CORRELATION_ID);

        assertThat(envelope.type()).isEqualTo("ReviewCycleOpened");
        assertThat(envelope.eventType()).isEqualTo(EventType.REVIEW_CYCLE_OPENED);
        assertThat(envelope.aggregateId()).isEqualTo(CYCLE);
        assertThat(envelope.schemaVersion()).isEqualTo(EventType.REVIEW_CYCLE_OPENED.schemaVersion());
        assertThat(envelope.occurredAt()).isEqualTo(OCCURRED_AT);
        assertThat(envelope.correlationId()).isEqualTo(CORRELATION_ID);
    }

    @Test
    void shouldKeepInstantsExact() throws Exception {
        Instant effectiveAt = Instant.parse("2026-07-21T15:00:00.000000001Z");
        Instant dueAt = Instant.parse("2026-07-23T23:59:59.999999999Z");
        ObservationIssued observation = new ObservationIssued(OBSERVATION_ID, ACCOUNT_ID, CYCLE, "JDE-CHIS-03",
                "Adjuntar copia de pantalla de las publicaciones multimedia.", effectiveAt, dueAt);
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), "ObservationIssued", OCCURRED_AT,
                observation.aggregateId(), 1, CORRELATION_ID, observation);

        String json = EventJson.write(envelope);
        EventEnvelope read = EventJson.read(json);

        assertThat(read.occurredAt()).isEqualTo(OCCURRED_AT);
        ObservationIssued readObservation = (ObservationIssued) read.payload();
        assertThat(readObservation.effectiveAt()).isEqualTo(effectiveAt);
        assertThat(readObservation.dueAt()).isEqualTo(dueAt);
        JsonNode tree = PLAIN.readTree(json);
        assertThat(tree.path("occurredAt").asText()).isEqualTo("2026-07-10T22:41:08.123456789Z");
        assertThat(tree.path("payload").path("dueAt").asText()).isEqualTo("2026-07-23T23:59:59.999999999Z");
    }

    @Test
    void shouldReadInstantsWrittenWithAnOffset() throws Exception {
        ObjectNode tree = treeOf(envelopeOf(EventType.OBSERVATION_RESOLVED));
        tree.put("occurredAt", "2026-07-23T13:37:02.004-06:00");
        ((ObjectNode) tree.get("payload")).put("resolvedAt", "2026-07-23T13:37:02.004-06:00");

        EventEnvelope read = EventJson.read(tree.toString());

        assertThat(read.occurredAt()).isEqualTo(Instant.parse("2026-07-23T19:37:02.004Z"));
        assertThat(((ObservationResolved) read.payload()).resolvedAt())
                .isEqualTo(Instant.parse("2026-07-23T19:37:02.004Z"));
    }

    @Test
    void shouldKeepDecimalHoursExactly() {
        TrainingRecorded training = new TrainingRecorded(UUID.randomUUID(), LocalDate.of(2026, 5, 20),
                "Uso de la identidad gráfica institucional", new BigDecimal("1.50"), "PRESENCIAL",
                List.of("ana.lopez@ine.mx"));
        EventEnvelope envelope = EventEnvelope.wrap(training, OCCURRED_AT, CORRELATION_ID);

        TrainingRecorded read = (TrainingRecorded) EventJson.read(EventJson.write(envelope)).payload();

        assertThat(read.hours()).isEqualTo(new BigDecimal("1.50"));
        assertThat(read).isEqualTo(training);
    }

    @Test
    void shouldWriteEveryPayloadFieldEvenWhenNull() throws Exception {
        AccountDecommissioned decommissioned = new AccountDecommissioned(ACCOUNT_ID, "TIKTOK", "inemexico",
                "CNCS", LocalDate.of(2026, 2, 13), "Cuenta duplicada", null);
        EventEnvelope envelope = EventEnvelope.wrap(decommissioned, OCCURRED_AT, null);

        String json = EventJson.write(envelope);

        JsonNode tree = PLAIN.readTree(json);
        assertThat(tree.path("payload").has("observations")).isTrue();
        assertThat(tree.path("payload").get("observations").isNull()).isTrue();
        assertThat(tree.get("correlationId").isNull()).isTrue();
        assertThat(EventJson.read(json)).isEqualTo(envelope);
    }

    // ---- forward compatibility --------------------------------------------------------------------

    @Test
    void shouldIgnoreUnknownPayloadField() throws Exception {
        EventEnvelope envelope = envelopeOf(EventType.SUBMISSION_RECEIVED);
        ObjectNode tree = treeOf(envelope);
        ObjectNode payload = (ObjectNode) tree.get("payload");
        payload.put("reviewerNotes", "no aplica");
        ((ObjectNode) payload.get("audience")).putObject("languages").put("es", 97);
        payload.putArray("campaignHashtags").add("#INEInforma").add("#VotoLibre");

        assertThat(EventJson.read(tree.toString())).isEqualTo(envelope);
    }

    @Test
    void shouldIgnoreUnknownEnvelopeField() throws Exception {
        EventEnvelope envelope = envelopeOf(EventType.ACCOUNT_UPDATED);
        ObjectNode tree = treeOf(envelope);
        tree.put("producer", "accounts-service");

        assertThat(EventJson.read(tree.toString())).isEqualTo(envelope);
    }

    @Test
    void shouldDefaultSchemaVersionAndCorrelationIdWhenAbsent() throws Exception {
        EventEnvelope envelope = envelopeOf(EventType.SUBMISSION_OVERDUE);
        ObjectNode tree = treeOf(envelope);
        tree.remove("schemaVersion");
        tree.remove("correlationId");

        EventEnvelope read = EventJson.read(tree.toString());

        assertThat(read.schemaVersion()).isEqualTo(EventType.SUBMISSION_OVERDUE.schemaVersion());
        assertThat(read.correlationId()).isNull();
        assertThat(read.payload()).isEqualTo(envelope.payload());
    }

    @Test
    void shouldReadANewerSchemaVersionAsFarAsItIsUnderstood() throws Exception {
        EventEnvelope envelope = envelopeOf(EventType.ACCOUNT_DECOMMISSIONED);
        ObjectNode tree = treeOf(envelope);
        tree.put("schemaVersion", EventType.ACCOUNT_DECOMMISSIONED.schemaVersion() + 1);
        tree.put("sequence", 17);
        ObjectNode payload = (ObjectNode) tree.get("payload");
        payload.putObject("approvedBy").put("email", "titular.cncs@ine.mx").put("role", "cncs");
        payload.put("reason", "Cuenta duplicada");

        EventEnvelope read = EventJson.read(tree.toString());

        assertThat(read.schemaVersion()).isEqualTo(EventType.ACCOUNT_DECOMMISSIONED.schemaVersion() + 1);
        assertThat(read.eventId()).isEqualTo(envelope.eventId());
        assertThat(((AccountDecommissioned) read.payload()).reason()).isEqualTo("Cuenta duplicada");
        assertThat(read.payload()).usingRecursiveComparison().ignoringFields("reason").isEqualTo(envelope.payload());
    }

    @Test
    void shouldReportAnUnknownTypeAsSkippableNotAsPoison() throws Exception {
        EventEnvelope envelope = envelopeOf(EventType.ACCOUNT_REGISTERED);
        ObjectNode tree = treeOf(envelope);
        tree.put("type", "AccountTransferred");
        tree.set("payload", PLAIN.createObjectNode().put("accountId", ACCOUNT_ID.toString()).put("toArea", "CNCS"));

        assertThatThrownBy(() -> EventJson.read(tree.toString()))
                .isInstanceOfSatisfying(UnknownEventTypeException.class, unknown -> {
                    assertThat(unknown.eventId()).isEqualTo(envelope.eventId());
                    assertThat(unknown.type()).isEqualTo("AccountTransferred");
                })
                .isNotInstanceOf(MalformedEventException.class);
    }

    @Test
    void shouldTreatAnUnknownTypeWithoutAUsableEventIdAsPoison() throws Exception {
        ObjectNode tree = treeOf(envelopeOf(EventType.ACCOUNT_REGISTERED));
        tree.put("type", "AccountTransferred");
        tree.put("eventId", "evento-42");

        assertThatThrownBy(() -> EventJson.read(tree.toString())).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void shouldKeepTheWireNamesThatStoredRecordsAndOtherServicesKnow() {
        Map<EventType, String> expected = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            expected.put(type, type.payloadType().getSimpleName());
        }
        // Today every wire name is its record's name; the constants keep it so if a record is renamed.
        assertThat(Arrays.stream(EventType.values()).collect(Collectors.toMap(type -> type, EventType::wireName)))
                .isEqualTo(expected);
        assertThat(EventType.WireNames.SUBMISSION_RECEIVED).isEqualTo("SubmissionReceived");
        assertThat(EventType.find("SubmissionReceived")).contains(EventType.SUBMISSION_RECEIVED);
        assertThat(EventType.find("AccountTransferred")).isEmpty();
    }

    // ---- poison messages --------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"type", "occurredAt", "aggregateId", "payload"})
    void shouldRejectMissingEnvelopeField(String field) throws Exception {
        ObjectNode tree = treeOf(envelopeOf(EventType.EVALUATION_COMPLETED));
        tree.remove(field);

        assertThatThrownBy(() -> EventJson.read(tree.toString()))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining(field);
    }

    @Test
    void shouldRejectEnvelopeWhoseAggregateIdIsNotThePayloads() throws Exception {
        ObjectNode tree = treeOf(envelopeOf(EventType.SUBMISSION_OVERDUE));
        tree.put("aggregateId", "otra-cosa");

        assertThatThrownBy(() -> EventJson.read(tree.toString()))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("otra-cosa");
    }

    @Test
    void shouldRejectPayloadWithoutItsAggregateId() throws Exception {
        ObjectNode tree = treeOf(envelopeOf(EventType.SUBMISSION_OVERDUE));
        ((ObjectNode) tree.get("payload")).remove("accountId");

        assertThatThrownBy(() -> EventJson.read(tree.toString()))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("aggregate id");
    }

    @Test
    void shouldRejectTrailingTextAfterTheEvent() {
        String json = EventJson.write(envelopeOf(EventType.ACCOUNT_REGISTERED)) + " basura";

        assertThatThrownBy(() -> EventJson.read(json)).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void shouldRejectMissingEventId() throws Exception {
        ObjectNode tree = treeOf(envelopeOf(EventType.ACCOUNT_REGISTERED));
        tree.remove("eventId");

        assertThatThrownBy(() -> EventJson.read(tree.toString()))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("eventId");
    }

    @Test
    void shouldRejectEventIdThatIsNotAUuid() throws Exception {
        ObjectNode tree = treeOf(envelopeOf(EventType.ACCOUNT_REGISTERED));
        tree.put("eventId", "evento-42");

        assertThatThrownBy(() -> EventJson.read(tree.toString())).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void shouldRejectPayloadFieldOfTheWrongType() throws Exception {
        ObjectNode tree = treeOf(envelopeOf(EventType.SUBMISSION_RECEIVED));
        ((ObjectNode) tree.get("payload")).put("receivedAt", "ayer por la tarde");

        assertThatThrownBy(() -> EventJson.read(tree.toString())).isInstanceOf(MalformedEventException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"this is not JSON", "{\"eventId\": ", "<event type=\"AccountRegistered\"/>"})
    void shouldRejectTextThatIsNotJson(String text) {
        assertThatThrownBy(() -> EventJson.read(text)).isInstanceOf(MalformedEventException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "42", "\"AccountRegistered\"", "null"})
    void shouldRejectJsonThatIsNotAnObject(String json) {
        assertThatThrownBy(() -> EventJson.read(json)).isInstanceOf(MalformedEventException.class);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\n"})
    void shouldRejectEmptyRecord(String empty) {
        assertThatThrownBy(() -> EventJson.read(empty)).isInstanceOf(MalformedEventException.class);
    }

    // ---- event types ------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(EventType.class)
    void shouldResolveEventTypeFromPayloadClassAndWireName(EventType type) {
        assertThat(type.wireName()).isEqualTo(type.payloadType().getSimpleName());
        assertThat(EventType.of(type.payloadType())).isSameAs(type);
        assertThat(EventType.fromWireName(type.wireName())).isSameAs(type);
        assertThat(Topics.ALL).contains(type.topic());
    }

    @Test
    void shouldRejectUnregisteredPayloadClass() {
        assertThatThrownBy(() -> EventType.of(AccountSnapshot.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AccountSnapshot");
    }

    // ---- sequence ---------------------------------------------------------------------------------

    @Test
    void shouldWriteAndReadTheAggregateSequence() throws Exception {
        EventEnvelope envelope = EventEnvelope.wrap(SAMPLES.get(EventType.ACCOUNT_UPDATED), OCCURRED_AT,
                CORRELATION_ID, 9_000_000_001L);

        String json = EventJson.write(envelope);

        assertThat(PLAIN.readTree(json).get("sequence").asLong()).isEqualTo(9_000_000_001L);
        assertThat(EventJson.read(json).sequence()).isEqualTo(9_000_000_001L);
    }

    @Test
    void shouldReadARecordWrittenBeforeSequencesExistedAsSequenceZero() throws Exception {
        ObjectNode tree = treeOf(envelopeOf(EventType.ACCOUNT_REGISTERED));
        tree.remove("sequence");

        EventEnvelope read = EventJson.read(tree.toString());

        assertThat(read.sequence()).isZero();
        assertThat(read.payload()).isEqualTo(SAMPLES.get(EventType.ACCOUNT_REGISTERED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "1.5", "\"7\"", "true"})
    void shouldRejectASequenceThatIsNotANonNegativeInteger(String sequence) throws Exception {
        ObjectNode tree = treeOf(envelopeOf(EventType.ACCOUNT_UPDATED));
        tree.set("sequence", PLAIN.readTree(sequence));

        assertThatThrownBy(() -> EventJson.read(tree.toString())).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void shouldRejectUnknownWireName() {
        assertThatThrownBy(() -> EventType.fromWireName("ACCOUNT_REGISTERED"))
                .isInstanceOf(MalformedEventException.class);
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private static EventEnvelope envelopeOf(EventType type) {
        DomainEvent payload = SAMPLES.get(type);
        assertThat(payload).as("sample payload for %s: add one to EventJsonTest.samples()", type).isNotNull();
        return EventEnvelope.wrap(payload, OCCURRED_AT, CORRELATION_ID, 42);
    }

    private static ObjectNode treeOf(EventEnvelope envelope) throws Exception {
        return (ObjectNode) PLAIN.readTree(EventJson.write(envelope));
    }

    private static Map<EventType, DomainEvent> samples() {
        Map<EventType, DomainEvent> samples = new EnumMap<>(EventType.class);
        samples.put(EventType.ACCOUNT_REGISTERED, new AccountRegistered(DISTRICT_ACCOUNT));
        samples.put(EventType.ACCOUNT_UPDATED, new AccountUpdated(
                new AccountSnapshot(ACCOUNT_ID, "X", "INEChis03", "https://x.com/INEChis03",
                        "INE Junta Distrital 03 Chiapas", "INSTITUTIONAL", "ACTIVE", "JDE-CHIS-03",
                        "Junta Distrital Ejecutiva 03 en Chiapas", "DISTRICT", 7, 3,
                        "María Guadalupe Hernández Ruiz", "guadalupe.hernandez@ine.mx",
                        List.of("jorge.mendez@ine.mx"), LocalDate.of(2019, 4, 8), null, List.of()),
                List.of("handle", "url", "administratorEmails")));
        samples.put(EventType.ACCOUNT_DECOMMISSIONED, new AccountDecommissioned(
                UUID.fromString("0b7e4c2a-9d15-4a6f-8e3b-71c2d9f4a806"),
                "FACEBOOK",
                "VotoExtranjeroINE",
                "DERFE",
                LocalDate.of(2026, 2, 13),
                "Programa concluido",
                "Se conserva el historial; los seguidores se redirigen a @INEMexico."));
        samples.put(EventType.ADMINISTRATOR_ASSIGNED, new AdministratorAssigned(
                ACCOUNT_ID,
                UUID.fromString("c4d1e8f2-3a6b-4c9d-8e7f-0a1b2c3d4e5f"),
                "Jorge Méndez Castillo",
                "jorge.mendez@ine.mx",
                "JDE-CHIS-03"));
        samples.put(EventType.ACCOUNT_FLAGGED_DORMANT, new AccountFlaggedDormant(
                UUID.fromString("9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d"),
                "JLE-OAX",
                LocalDate.of(2024, 11, 30),
                443L,
                false));
        samples.put(EventType.TRAINING_RECORDED, new TrainingRecorded(
                UUID.fromString("7d3f1a9c-2b8e-4d6a-9f05-c3e1b7a4d209"),
                LocalDate.of(2026, 3, 12),
                "Lineamientos para la revisión de cuentas de redes sociales",
                new BigDecimal("2.50"),
                "VIRTUAL",
                List.of("jorge.mendez@ine.mx", "ana.lopez@ine.mx", "luis.ramirez@ine.mx")));
        samples.put(EventType.REVIEW_CYCLE_OPENED, new ReviewCycleOpened(
                CYCLE,
                LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 6, 30),
                Instant.parse("2026-07-01T15:00:00Z"),
                Instant.parse("2026-07-14T00:00:00Z"),
                412));
        samples.put(EventType.SUBMISSION_REQUESTED, new SubmissionRequested(
                REQUEST_ID,
                ACCOUNT_ID,
                CYCLE,
                "CYCLE",
                List.of("A", "B", "C", "D", "E", "F", "G", "H"),
                "JDE-CHIS-03",
                List.of("jorge.mendez@ine.mx", "ana.lopez@ine.mx"),
                Instant.parse("2026-07-01T06:00:00Z"),
                Instant.parse("2026-07-01T15:00:00Z"),
                Instant.parse("2026-07-14T00:00:00Z")));
        samples.put(EventType.SUBMISSION_RECEIVED, new SubmissionReceived(
                UUID.fromString("e6f5d4c3-b2a1-4098-8765-4321fedcba98"),
                REQUEST_ID,
                ACCOUNT_ID,
                CYCLE,
                "CYCLE",
                "X",
                2,
                Instant.parse("2026-07-10T22:41:07.512Z"),
                Instant.parse("2026-07-15T00:00:00Z"),
                false,
                Map.of("posts", 318L, "ownPosts", 204L, "cncsPosts", 98L,
                        "impressions", 1_284_559L, "profileVisits", 9_812L, "mentions", 377L,
                        "followers", 24_903L, "multimediaPosts", 151L),
                new SubmissionReceived.Audience(Map.of("female", new java.math.BigDecimal("54.2")),
                        Map.of("18-24", new java.math.BigDecimal("21.5")), Map.of("MX", new java.math.BigDecimal("91.3"))),
                List.of(new SubmissionReceived.CampaignPosts("#INEInforma", 120)),
                LocalDate.of(2026, 6, 29),
                List.of(new SubmissionReceived.SubmissionWarning("FOLLOWERS_DROPPED", List.of("followers"),
                        "Los seguidores bajaron más de 20 % respecto del ciclo anterior.")),
                OBSERVATION_ID,
                1,
                List.of(new SubmissionReceived.EvidenceFile(
                        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "image/png", 48_213, "captura.png")),
                new SubmissionReceived.EnteredBy("cncs@ine.mx", true, "OFICIO", "INE/JLE-CHIS/0123/2026")));
        samples.put(EventType.SUBMISSION_REQUEST_WITHDRAWN, new SubmissionRequestWithdrawn(
                REQUEST_ID,
                ACCOUNT_ID,
                CYCLE,
                "La cuenta fue dada de baja.",
                Instant.parse("2026-07-03T17:00:00Z"),
                "registry"));
        samples.put(EventType.EVALUATION_COMPLETED, new EvaluationCompleted(
                UUID.fromString("2c4e6a8b-0d1f-4a3c-8e5b-7d9f1a3c5e7b"),
                ACCOUNT_ID,
                CYCLE,
                "JDE-CHIS-03",
                Map.of("performance", 72, "frequency", 85, "originalContent", 64, "newFollowers", 41),
                66,
                "PERTINENT_WITH_RECOMMENDATIONS",
                "2026.1",
                Instant.parse("2026-07-20T17:12:45Z"),
                false));
        samples.put(EventType.OBSERVATION_ISSUED, new ObservationIssued(
                OBSERVATION_ID,
                ACCOUNT_ID,
                CYCLE,
                "JDE-CHIS-03",
                "La cifra de impresiones es menor que el número de mensajes publicados; favor de verificarla.",
                Instant.parse("2026-07-21T15:00:00Z"),
                Instant.parse("2026-07-24T00:00:00Z")));
        samples.put(EventType.OBSERVATION_RESOLVED, new ObservationResolved(
                OBSERVATION_ID,
                ACCOUNT_ID,
                CYCLE,
                Instant.parse("2026-07-23T19:37:02.004Z"),
                true));
        samples.put(EventType.SUBMISSION_OVERDUE, new SubmissionOverdue(
                UUID.fromString("d8e9f0a1-b2c3-4d5e-8f70-a1b2c3d4e5f6"),
                UUID.fromString("1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9"),
                CYCLE,
                "JLE-GRO",
                Instant.parse("2026-07-14T00:00:00Z")));
        samples.put(EventType.ESCALATED_TO_AREA_HEAD, new EscalatedToAreaHead(
                UUID.fromString("d8e9f0a1-b2c3-4d5e-8f70-a1b2c3d4e5f6"),
                "REQUEST",
                UUID.fromString("1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9"),
                CYCLE,
                "JLE-GRO",
                "vocal.ejecutivo.gro@ine.mx",
                Instant.parse("2026-07-14T15:00:00Z"),
                Instant.parse("2026-07-17T00:00:00Z")));
        samples.put(EventType.REPORTED_TO_COMMITTEE, new ReportedToCommittee(
                UUID.fromString("d8e9f0a1-b2c3-4d5e-8f70-a1b2c3d4e5f6"),
                "REQUEST",
                UUID.fromString("1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9"),
                CYCLE,
                "JLE-GRO",
                Instant.parse("2026-07-17T15:00:00Z")));
        samples.put(EventType.ESCALATION_WITHDRAWN, new EscalationWithdrawn(
                REQUEST_ID,
                "REQUEST",
                ACCOUNT_ID,
                CYCLE,
                "JDE-CHIS-03",
                Instant.parse("2026-07-14T23:59:00Z"),
                Instant.parse("2026-07-15T00:00:00Z"),
                Instant.parse("2026-07-15T00:07:00Z"),
                false,
                List.of("jorge.mendez@ine.mx", "guadalupe.hernandez@ine.mx")));
        samples.put(EventType.SUBMISSION_DEADLINE_MOVED, new SubmissionDeadlineMoved(
                REQUEST_ID,
                ACCOUNT_ID,
                CYCLE,
                Instant.parse("2026-07-15T00:00:00Z"),
                Instant.parse("2026-07-16T00:00:00Z"),
                Instant.parse("2026-07-02T15:00:00Z"),
                4,
                "la notificación se envió el jueves 2 de julio de 2026 a las 09:00",
                false));
        return samples;
    }
}
