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
    private static final UUID EVALUATION_ID = UUID.fromString("2c4e6a8b-0d1f-4a3c-8e5b-7d9f1a3c5e7b");
    private static final UUID RECOMMENDATION_ID = UUID.fromString("6a1d3f5b-8c2e-4b7d-9e0f-1a2b3c4d5e6f");
    private static final UUID DECOMMISSIONED_ACCOUNT_ID = UUID.fromString("0b7e4c2a-9d15-4a6f-8e3b-71c2d9f4a806");
    private static final UUID BAJA_PROPOSAL_ID = UUID.fromString("4f8a2c6e-1b3d-4e5f-a7c9-0d2e4f6a8b1c");
    private static final UUID COMMITTEE_RESOLUTION_ID = UUID.fromString("8e1f3a5c-7b9d-4c2e-b4f6-a8c0e2d4f6b9");

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
                    "Rosa María Pérez Gómez", "rosa.perez@ine.mx")),
            "Luis Alberto Ramírez Torres",
            "luis.ramirez@ine.mx");

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
    void shouldReadAVersion1ObservationIssuedWrittenBeforeItsLaterFields() {
        String v1 = """
                {"eventId":"0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f","type":"ObservationIssued",
                 "occurredAt":"2026-07-21T15:00:01Z","aggregateId":"3f6b2a1e-8c4d-4f7a-9b21-5d0e6c7a8f10",
                 "sequence":7,"schemaVersion":1,"correlationId":null,
                 "payload":{"observationId":"5e2d8c41-7a9b-4c3e-b6f0-8d1a2e3c4b57",
                            "accountId":"3f6b2a1e-8c4d-4f7a-9b21-5d0e6c7a8f10","cycleId":"2026-S1",
                            "areaCode":"JDE-CHIS-03","text":"Favor de verificar la cifra de impresiones.",
                            "effectiveAt":"2026-07-21T15:00:00Z","dueAt":"2026-07-24T00:00:00Z"}}
                """;

        ObservationIssued read = (ObservationIssued) EventJson.read(v1).payload();

        assertThat(read).isEqualTo(new ObservationIssued(OBSERVATION_ID, ACCOUNT_ID, CYCLE, "JDE-CHIS-03",
                "Favor de verificar la cifra de impresiones.", Instant.parse("2026-07-21T15:00:00Z"),
                Instant.parse("2026-07-24T00:00:00Z"), null, null, List.of(), null, null));
    }

    @Test
    void shouldReadAVersion1AccountSnapshotWrittenBeforeTheLiaison() {
        String v1 = """
                {"eventId":"6d7e8f9a-0b1c-4d2e-8f3a-4b5c6d7e8f9a","type":"AccountRegistered",
                 "occurredAt":"2026-03-02T17:45:00Z","aggregateId":"3f6b2a1e-8c4d-4f7a-9b21-5d0e6c7a8f10",
                 "sequence":1,"schemaVersion":1,"correlationId":"7b0c2f9e-1d4a-4e8b-a6c3-5f2e9d8b1a07",
                 "payload":{"account":{"accountId":"3f6b2a1e-8c4d-4f7a-9b21-5d0e6c7a8f10","network":"X",
                   "handle":"INEChiapas03","url":"https://x.com/INEChiapas03",
                   "displayName":"INE Junta Distrital 03 Chiapas","kind":"INSTITUTIONAL","status":"ACTIVE",
                   "areaCode":"JDE-CHIS-03","areaName":"Junta Distrital Ejecutiva 03 en Chiapas",
                   "areaLevel":"DISTRICT","state":7,"district":3,
                   "headName":"María Guadalupe Hernández Ruiz","headEmail":"guadalupe.hernandez@ine.mx",
                   "administratorEmails":["jorge.mendez@ine.mx"],"registeredOn":"2019-04-08",
                   "lastPublicationOn":"2026-02-27",
                   "ancestors":[{"code":"JLE-CHIS","name":"Junta Local Ejecutiva en Chiapas","level":"LOCAL",
                                 "headName":"Rosa María Pérez Gómez","headEmail":"rosa.perez@ine.mx"}]}}}
                """;

        AccountSnapshot read = ((AccountRegistered) EventJson.read(v1).payload()).account();

        assertThat(read.liaisonName()).isNull();
        assertThat(read.liaisonEmail()).isNull();
        assertThat(read).isEqualTo(new AccountSnapshot(ACCOUNT_ID, "X", "INEChiapas03", "https://x.com/INEChiapas03",
                "INE Junta Distrital 03 Chiapas", "INSTITUTIONAL", "ACTIVE", "JDE-CHIS-03",
                "Junta Distrital Ejecutiva 03 en Chiapas", "DISTRICT", 7, 3, "María Guadalupe Hernández Ruiz",
                "guadalupe.hernandez@ine.mx", List.of("jorge.mendez@ine.mx"), LocalDate.of(2019, 4, 8),
                LocalDate.of(2026, 2, 27), List.of(new AreaLink("JLE-CHIS", "Junta Local Ejecutiva en Chiapas", "LOCAL",
                        "Rosa María Pérez Gómez", "rosa.perez@ine.mx")), null, null));
    }

    @Test
    void shouldReadAVersion1EvaluationCompletedWithoutOverrideRecommendationsOrAuthor() {
        String v1 = """
                {"eventId":"1e2f3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b","type":"EvaluationCompleted",
                 "occurredAt":"2026-07-20T17:12:46Z","aggregateId":"3f6b2a1e-8c4d-4f7a-9b21-5d0e6c7a8f10",
                 "sequence":9,"schemaVersion":1,"correlationId":null,
                 "payload":{"evaluationId":"2c4e6a8b-0d1f-4a3c-8e5b-7d9f1a3c5e7b",
                            "accountId":"3f6b2a1e-8c4d-4f7a-9b21-5d0e6c7a8f10","cycleId":"2026-S1",
                            "areaCode":"JDE-CHIS-03","subScores":{"performance":72,"frequency":85,
                            "originalContent":64,"newFollowers":41},"overallScore":66,
                            "rating":"PERTINENT_WITH_RECOMMENDATIONS","formulaVersion":"2026.1",
                            "evaluatedAt":"2026-07-20T17:12:45Z","late":false}}
                """;

        EvaluationCompleted read = (EvaluationCompleted) EventJson.read(v1).payload();

        assertThat(read.rating()).isEqualTo("PERTINENT_WITH_RECOMMENDATIONS");
        assertThat(read.overallScore()).isEqualTo(66);
        assertThat(read.recommendations()).isEmpty();
        assertThat(read.computedRating()).as("the rating, before overrides existed").isEqualTo("PERTINENT_WITH_RECOMMENDATIONS");
        assertThat(read.ratingJustification()).isNull();
        assertThat(read.completedBy()).isNull();
    }

    @Test
    void shouldReadAVersion1SubmissionRequestedAsNotOnTheCommitteesBehalf() {
        String v1 = """
                {"eventId":"2f3a4b5c-6d7e-4f8a-9b0c-1d2e3f4a5b6c","type":"SubmissionRequested",
                 "occurredAt":"2026-06-15T15:00:00Z","aggregateId":"3f6b2a1e-8c4d-4f7a-9b21-5d0e6c7a8f10",
                 "sequence":3,"schemaVersion":1,"correlationId":null,
                 "payload":{"requestId":"a1c9e7d2-4b3f-4e8a-8d6c-2f1b0a9e7c53",
                            "accountId":"3f6b2a1e-8c4d-4f7a-9b21-5d0e6c7a8f10","cycleId":"2026-S1",
                            "requestKind":"CYCLE","requestedFields":["posts","ownPosts"],"areaCode":"JDE-CHIS-03",
                            "administratorEmails":["jorge.mendez@ine.mx"],"windowOpensAt":"2026-07-01T06:00:00Z",
                            "effectiveAt":"2026-06-15T15:00:00Z","dueAt":"2026-07-15T00:00:00Z"}}
                """;

        SubmissionRequested read = (SubmissionRequested) EventJson.read(v1).payload();

        assertThat(read).isEqualTo(new SubmissionRequested(REQUEST_ID, ACCOUNT_ID, CYCLE, "CYCLE",
                List.of("posts", "ownPosts"), "JDE-CHIS-03", List.of("jorge.mendez@ine.mx"),
                Instant.parse("2026-07-01T06:00:00Z"), Instant.parse("2026-06-15T15:00:00Z"),
                Instant.parse("2026-07-15T00:00:00Z"), false, null));
    }

    @Test
    void shouldReadVersion1ObservationResolvedAndDecommissionWithoutTheirLaterFields() throws Exception {
        ObjectNode resolved = treeOf(envelopeOf(EventType.OBSERVATION_RESOLVED));
        ((ObjectNode) resolved.get("payload")).remove(List.of("evaluationId", "areaCode", "answeredByVersion", "resolvedBy"));
        ObjectNode decommissioned = treeOf(envelopeOf(EventType.ACCOUNT_DECOMMISSIONED));
        ((ObjectNode) decommissioned.get("payload")).remove("bajaProposalId");

        assertThat(EventJson.read(resolved.toString()).payload()).isEqualTo(new ObservationResolved(OBSERVATION_ID,
                ACCOUNT_ID, CYCLE, Instant.parse("2026-07-23T19:37:02.004Z"), true, null, null, null, null));
        assertThat(((AccountDecommissioned) EventJson.read(decommissioned.toString()).payload()).bajaProposalId()).isNull();
    }

    @Test
    void shouldIgnoreUnknownFieldsOfANestedRecommendation() throws Exception {
        EventEnvelope envelope = envelopeOf(EventType.EVALUATION_COMPLETED);
        ObjectNode tree = treeOf(envelope);
        ObjectNode recommendation = (ObjectNode) tree.get("payload").get("recommendations").get(0);
        recommendation.put("priority", "ALTA");
        recommendation.putObject("label").put("es", "Generar más contenido original");

        assertThat(EventJson.read(tree.toString())).isEqualTo(envelope);
    }

    @Test
    void shouldKeyAResolutionOnACyclesReportByTheCycle() throws Exception {
        CommitteeResolutionRecorded onReport = new CommitteeResolutionRecorded(COMMITTEE_RESOLUTION_ID, CYCLE, "REPORT",
                null, null, null, "AGREED",
                "Se acuerda solicitar a la CNCS que requiera a las cuentas distritales de Chiapas sus cifras de audiencia.",
                LocalDate.of(2026, 8, 20), "secretaria.comite@ine.mx", Instant.parse("2026-08-20T20:40:00Z"));
        EventEnvelope envelope = EventEnvelope.wrap(onReport, OCCURRED_AT, CORRELATION_ID, 1);

        String json = EventJson.write(envelope);

        assertThat(envelope.aggregateId()).isEqualTo("2026-S1");
        assertThat(PLAIN.readTree(json).path("aggregateId").asText()).isEqualTo("2026-S1");
        assertThat(EventJson.read(json)).isEqualTo(envelope);
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
                        List.of("jorge.mendez@ine.mx"), LocalDate.of(2019, 4, 8), null, List.of(),
                        "Luis Alberto Ramírez Torres", "luis.ramirez@ine.mx"),
                List.of("handle", "url", "administratorEmails", "liaisonName", "liaisonEmail")));
        samples.put(EventType.ACCOUNT_DECOMMISSIONED, new AccountDecommissioned(
                DECOMMISSIONED_ACCOUNT_ID,
                "FACEBOOK",
                "VotoExtranjeroINE",
                "DERFE",
                LocalDate.of(2026, 2, 13),
                "Programa concluido",
                "Se conserva el historial; los seguidores se redirigen a @INEMexico.",
                BAJA_PROPOSAL_ID));
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
        // An ad hoc request on the Committee's behalf (Art. 8 II): every component has a value but the cycle.
        samples.put(EventType.SUBMISSION_REQUESTED, new SubmissionRequested(
                UUID.fromString("b7d2f4a6-3c5e-4a8b-9d1f-6e8a0c2b4d7f"),
                ACCOUNT_ID,
                null,
                "AD_HOC",
                List.of("followers", "impressions", "audience"),
                "JDE-CHIS-03",
                List.of("jorge.mendez@ine.mx", "ana.lopez@ine.mx"),
                Instant.parse("2026-08-21T16:30:00Z"),
                Instant.parse("2026-08-21T16:30:00Z"),
                Instant.parse("2026-08-27T00:00:00Z"),
                true,
                COMMITTEE_RESOLUTION_ID));
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
                EVALUATION_ID,
                ACCOUNT_ID,
                CYCLE,
                "JDE-CHIS-03",
                Map.of("performance", 72, "frequency", 85, "originalContent", 64, "newFollowers", 41),
                66,
                "PERTINENT",
                "2026.1",
                Instant.parse("2026-07-20T17:12:45Z"),
                false,
                "PERTINENT_WITH_RECOMMENDATIONS",
                "La baja de seguidores se debe a la depuración de cuentas falsas que hizo la plataforma en mayo.",
                List.of(new IssuedRecommendation(RECOMMENDATION_ID, "MORE_ORIGINAL_CONTENT",
                                "Generar más contenido propio sobre las actividades de la Junta Distrital."),
                        new IssuedRecommendation(UUID.fromString("9c3e5a7b-2d4f-4e6a-8b0c-3d5f7a9b1c2e"), "ROUTE_THROUGH_INEMEXICO",
                                "Difundir primero los mensajes institucionales a través de @INEMexico.")),
                "laura.sanchez@ine.mx"));
        samples.put(EventType.OBSERVATION_ISSUED, new ObservationIssued(
                OBSERVATION_ID,
                ACCOUNT_ID,
                CYCLE,
                "JDE-CHIS-03",
                "La cifra de impresiones sigue siendo menor que el número de mensajes publicados; favor de verificar ambas.",
                Instant.parse("2026-07-21T15:00:00Z"),
                Instant.parse("2026-07-24T00:00:00Z"),
                EVALUATION_ID,
                REQUEST_ID,
                List.of("impressions", "posts"),
                UUID.fromString("1d3b5f7a-9c2e-4f6b-8a0d-2c4e6a8b0d1f"),
                "laura.sanchez@ine.mx"));
        samples.put(EventType.OBSERVATION_RESOLVED, new ObservationResolved(
                OBSERVATION_ID,
                ACCOUNT_ID,
                CYCLE,
                Instant.parse("2026-07-23T19:37:02.004Z"),
                true,
                EVALUATION_ID,
                "JDE-CHIS-03",
                2,
                "laura.sanchez@ine.mx"));
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
        samples.put(EventType.OBSERVATION_DEADLINE_MOVED, new ObservationDeadlineMoved(
                OBSERVATION_ID,
                ACCOUNT_ID,
                CYCLE,
                Instant.parse("2026-07-24T00:00:00Z"),
                Instant.parse("2026-07-25T00:00:00Z"),
                Instant.parse("2026-07-22T15:00:00Z"),
                4,
                "la notificación se envió el miércoles 22 de julio de 2026 a las 09:00",
                false));
        samples.put(EventType.RATING_OVERRIDDEN, new RatingOverridden(
                EVALUATION_ID,
                ACCOUNT_ID,
                CYCLE,
                "JDE-CHIS-03",
                "PERTINENT_WITH_RECOMMENDATIONS",
                "PERTINENT_WITH_RECOMMENDATIONS",
                "PERTINENT",
                "La baja de seguidores se debe a la depuración de cuentas falsas que hizo la plataforma en mayo.",
                "laura.sanchez@ine.mx",
                Instant.parse("2026-07-20T16:58:10Z")));
        samples.put(EventType.RECOMMENDATION_ATTENDED, new RecommendationAttended(
                RECOMMENDATION_ID,
                EVALUATION_ID,
                ACCOUNT_ID,
                CYCLE,
                "JDE-CHIS-03",
                "MORE_ORIGINAL_CONTENT",
                "ATTENDED",
                "Desde agosto publicamos dos cápsulas propias por semana sobre las actividades de la Junta.",
                "jorge.mendez@ine.mx",
                Instant.parse("2026-08-14T18:20:00Z")));
        samples.put(EventType.BAJA_PROPOSED, new BajaProposed(
                BAJA_PROPOSAL_ID,
                DECOMMISSIONED_ACCOUNT_ID,
                "2025-S2",
                UUID.fromString("5b7d9f1a-3c5e-4a7b-9d2f-4e6a8c0b2d3e"),
                "DERFE",
                "FACEBOOK",
                "VotoExtranjeroINE",
                "NOT_PERTINENT",
                31,
                Instant.parse("2026-01-27T18:05:00Z")));
        samples.put(EventType.COMMITTEE_RESOLUTION_RECORDED, new CommitteeResolutionRecorded(
                UUID.fromString("3a5c7e9b-1d2f-4b6a-8c0e-5f7a9b1d3c4e"),
                CYCLE,
                "NON_COMPLIANCE_ITEM",
                UUID.fromString("d8e9f0a1-b2c3-4d5e-8f70-a1b2c3d4e5f6"),
                UUID.fromString("1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9"),
                "JLE-GRO",
                "INSTRUCTED",
                "Se instruye a la Junta Local Ejecutiva en Guerrero entregar las estadísticas del semestre e informar al Comité en su próxima sesión.",
                LocalDate.of(2026, 8, 20),
                "secretaria.comite@ine.mx",
                Instant.parse("2026-08-20T20:15:00Z")));
        samples.put(EventType.PERMANENCE_RECORDED, new PermanenceRecorded(
                ACCOUNT_ID,
                UUID.fromString("6c8e0a2b-4d6f-4a8b-9c0d-2e4f6a8b0c1d"),
                LocalDate.of(2026, 7, 30),
                "La cuenta publica con regularidad y cumple los lineamientos.",
                null));
        samples.put(EventType.EVALUATION_OPENED, new EvaluationOpened(
                EVALUATION_ID,
                UUID.fromString("7d9f1b3c-5e7a-4b9c-8d1e-3f5a7b9c1d2e"),
                ACCOUNT_ID,
                CYCLE,
                "X",
                "JDE-CHIS-03",
                "DISTRICT",
                Instant.parse("2026-07-03T16:00:00Z"),
                Instant.parse("2026-07-18T00:00:00Z")));
        samples.put(EventType.EVALUATION_TERM_MOVED, new EvaluationTermMoved(
                EVALUATION_ID,
                ACCOUNT_ID,
                CYCLE,
                Instant.parse("2026-07-18T00:00:00Z"),
                Instant.parse("2026-07-21T00:00:00Z"),
                4));
        return samples;
    }
}
