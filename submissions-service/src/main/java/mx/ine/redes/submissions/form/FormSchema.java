package mx.ine.redes.submissions.form;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mx.ine.redes.events.StatisticField;

/**
 * A form as JSON Schema (draft 2020-12), so that other INE systems can build their screens from
 * it: the body of {@code POST /api/submissions} for that form. Titles are Spanish, with the English
 * in {@code x-title-en}; {@code x-letter} is the column of the Lineamientos' table; {@code x-rules}
 * states the cross-field rules a schema cannot (B + C ≤ A…), which the service checks (422).
 */
public final class FormSchema {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private FormSchema() {
    }

    public static ObjectNode of(Form form) {
        ObjectNode schema = JSON.objectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", "urn:ine:redes:formularios:" + form.id());
        schema.put("title", form.title().es());
        schema.put("x-title-en", form.title().en());
        schema.put("description", "Cuerpo de POST /api/submissions para el formulario " + form.id()
                + ". Una corrección (POST /api/submissions/{id}/versions) lleva los mismos campos sin requestId, más "
                + "basedOnVersion y, si responde a una observación, answersObservationId.");
        schema.put("type", "object");
        schema.put("additionalProperties", false);
        ArrayNode required = schema.putArray("required").add("requestId");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("requestId").put("type", "string").put("format", "uuid")
                .put("title", "Requerimiento que se atiende");

        if (!form.counts().isEmpty()) {
            ObjectNode figures = properties.putObject("figures");
            figures.put("type", "object").put("title", "Cifras del periodo").put("additionalProperties", false);
            ArrayNode requiredFigures = JSON.arrayNode();
            ObjectNode figureProperties = figures.putObject("properties");
            for (FormField field : form.counts()) {
                ObjectNode property = figureProperties.putObject(field.name());
                property.put("type", "integer");
                property.put("minimum", field.field().kind() == StatisticField.Kind.SIGNED_COUNT ? Long.MIN_VALUE : 0);
                property.put("maximum", Long.MAX_VALUE);
                describe(property, field);
                if (field.required()) {
                    requiredFigures.add(field.name());
                }
            }
            if (!requiredFigures.isEmpty()) {
                figures.set("required", requiredFigures);
                required.add("figures");
            }
        }
        form.field(StatisticField.AUDIENCE).ifPresent(field -> {
            ObjectNode audience = describe(properties.putObject("audience"), field);
            audience.put("type", "object").put("additionalProperties", false);
            ObjectNode groups = audience.putObject("properties");
            percentages(groups.putObject("gender"), "Por género", "^(female|male|other|unspecified)$");
            percentages(groups.putObject("ageBands"), "Por rango de edad («18-24», «65+»)", "^(\\d{1,3}-\\d{1,3}|\\d{1,3}\\+)$");
            percentages(groups.putObject("countries"), "Por país (ISO 3166-1, dos letras)", "^[A-Z]{2}$");
            audience.put("x-rules", "Cada porcentaje de 0 a 100, con a lo más 2 decimales; cada grupo suma a lo más 100.");
            requireIf(required, field);
        });
        form.field(StatisticField.CAMPAIGNS).ifPresent(field -> {
            ObjectNode campaigns = describe(properties.putObject("campaigns"), field);
            campaigns.put("type", "array").put("maxItems", 500);
            ObjectNode item = campaigns.putObject("items");
            item.put("type", "object").put("additionalProperties", false);
            item.putArray("required").add("hashtag").add("posts");
            ObjectNode itemProperties = item.putObject("properties");
            itemProperties.putObject("hashtag").put("type", "string").put("pattern", "^#[\\p{L}\\p{N}_]{1,139}$")
                    .put("examples", "#INEInforma");
            itemProperties.putObject("posts").put("type", "integer").put("minimum", 0).put("maximum", Long.MAX_VALUE);
            requireIf(required, field);
        });
        form.field(StatisticField.LAST_PUBLICATION_ON).ifPresent(field -> {
            describe(properties.putObject("lastPublicationOn"), field).put("type", "string").put("format", "date");
            requireIf(required, field);
        });
        form.field(StatisticField.EVIDENCE).ifPresent(field -> {
            ObjectNode evidence = describe(properties.putObject("evidence"), field);
            evidence.put("type", "array").put("maxItems", Forms.MAX_EVIDENCE_FILES).put("uniqueItems", true);
            evidence.put("description", "SHA-256 de archivos subidos antes con POST /api/requests/{id}/evidence "
                    + "(PNG, JPEG o PDF, reconocidos por su contenido).");
            evidence.putObject("items").put("type", "string").put("pattern", "^[0-9a-f]{64}$");
            if (field.required()) {
                evidence.put("minItems", 1);
                required.add("evidence");
            }
        });
        ObjectNode onBehalf = properties.putObject("enteredOnBehalf");
        onBehalf.put("title", "Sólo Comunicación Social: entrega recibida por correo u oficio (Art. 9)");
        onBehalf.put("type", "object").put("additionalProperties", false);
        onBehalf.putArray("required").add("channel").add("documentReference");
        ObjectNode onBehalfProperties = onBehalf.putObject("properties");
        onBehalfProperties.putObject("channel").put("type", "string").putArray("enum").add("EMAIL").add("OFICIO");
        onBehalfProperties.putObject("documentReference").put("type", "string").put("maxLength", 100)
                .put("examples", "INE/JLE-CHIS/0123/2026");
        onBehalfProperties.putObject("receivedAt").put("type", "string").put("format", "date-time")
                .put("description", "Cuándo recibió el Instituto el documento (por omisión, ahora); es lo que cuenta para el plazo.");

        ArrayNode rules = schema.putArray("x-rules");
        if (form.has(StatisticField.OWN_POSTS) && form.has(StatisticField.CNCS_POSTS)) {
            rules.add("ownPosts + cncsPosts <= posts (B + C ≤ A)");
        }
        if (form.has(StatisticField.MULTIMEDIA_POSTS) && form.has(StatisticField.POSTS)) {
            rules.add("multimediaPosts <= posts");
        }
        if (form.has(StatisticField.FOLLOWER_GROWTH) && form.has(StatisticField.FOLLOWERS_AT_START)) {
            rules.add("followerGrowth = followersAtEnd - followersAtStart, cuando se dan los tres");
        }
        if (form.has(StatisticField.CAMPAIGNS) && form.has(StatisticField.POSTS)) {
            rules.add("campaigns[].posts <= posts");
        }
        if (form.has(StatisticField.LAST_PUBLICATION_ON)) {
            rules.add("lastPublicationOn no es posterior a la fecha de entrega");
        }
        if ("FACEBOOK".equals(form.id())) {
            rules.add("evidence incluye al menos una imagen (PNG o JPEG)");
        }
        return schema;
    }

    private static ObjectNode describe(ObjectNode property, FormField field) {
        property.put("title", field.title().es());
        property.put("x-title-en", field.title().en());
        if (!field.letter().isEmpty()) {
            property.put("x-letter", field.letter());
        }
        return property;
    }

    private static void percentages(ObjectNode group, String title, String keyPattern) {
        group.put("type", "object").put("title", title);
        group.putObject("propertyNames").put("pattern", keyPattern);
        group.putObject("additionalProperties").put("type", "number").put("minimum", 0).put("maximum", 100)
                .put("multipleOf", 0.01);
    }

    private static void requireIf(ArrayNode required, FormField field) {
        if (field.required()) {
            required.add(field.name());
        }
    }
}
