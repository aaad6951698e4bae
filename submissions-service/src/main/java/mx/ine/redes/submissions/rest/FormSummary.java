package mx.ine.redes.submissions.rest;

import java.util.List;

/** One form of the catalogue: its id (the network), its title and its fields; the JSON Schema at {@code schema}. */
public record FormSummary(String id, String title, List<RequestResponse.RequestedField> fields, String schema) {
}
