package mx.ine.redes.support.problem;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Standard titles and generic details, Spanish by default and English on request. */
final class ProblemTexts {

    private static final Map<Integer, String[]> TITLES = Map.ofEntries(
            Map.entry(400, new String[] {"Solicitud inválida", "Invalid request"}),
            Map.entry(401, new String[] {"Autenticación requerida", "Authentication required"}),
            Map.entry(403, new String[] {"Acceso denegado", "Access denied"}),
            Map.entry(404, new String[] {"Recurso no encontrado", "Resource not found"}),
            Map.entry(405, new String[] {"Método no permitido", "Method not allowed"}),
            Map.entry(406, new String[] {"Formato de respuesta no disponible", "Response format not available"}),
            Map.entry(409, new String[] {"Conflicto con el estado actual", "Conflict with the current state"}),
            Map.entry(413, new String[] {"Solicitud demasiado grande", "Request too large"}),
            Map.entry(415, new String[] {"Tipo de contenido no admitido", "Unsupported content type"}),
            Map.entry(422, new String[] {"Datos no procesables", "Unprocessable data"}),
            Map.entry(429, new String[] {"Demasiadas solicitudes", "Too many requests"}),
            Map.entry(500, new String[] {"Error interno del servidor", "Internal server error"}),
            Map.entry(503, new String[] {"Servicio no disponible", "Service unavailable"}));

    private static final Map<Integer, String[]> DETAILS = Map.ofEntries(
            Map.entry(400, new String[] {
                "La solicitud no es válida; revise sus parámetros.",
                "The request is not valid; check its parameters."}),
            Map.entry(401, new String[] {
                "Se requiere un token de acceso válido (Authorization: Bearer).",
                "A valid access token is required (Authorization: Bearer)."}),
            Map.entry(403, new String[] {
                "Su rol no permite esta operación.",
                "Your role does not allow this operation."}),
            Map.entry(404, new String[] {
                "El recurso solicitado no existe o no está a su alcance.",
                "The requested resource does not exist or is not within your reach."}),
            Map.entry(405, new String[] {
                "El método HTTP no está permitido en esta ruta.",
                "The HTTP method is not allowed on this path."}),
            Map.entry(406, new String[] {
                "No se puede responder en el formato solicitado.",
                "Cannot answer in the requested format."}),
            Map.entry(413, new String[] {
                "El cuerpo de la solicitud excede el tamaño permitido.",
                "The request body exceeds the allowed size."}),
            Map.entry(415, new String[] {
                "Esta operación no admite el tipo de contenido enviado; su documentación OpenAPI dice cuáles acepta.",
                "This operation does not accept the content type sent; its OpenAPI document says which it accepts."}),
            Map.entry(500, new String[] {
                "Ocurrió un error inesperado. Si persiste, informe la referencia a soporte.",
                "An unexpected error occurred. If it persists, give the reference to support."}));

    private ProblemTexts() {
    }

    static boolean english(List<Locale> acceptable) {
        for (Locale locale : acceptable) {
            String language = locale.getLanguage();
            if ("es".equals(language)) {
                return false;
            }
            if ("en".equals(language)) {
                return true;
            }
        }
        return false;
    }

    static String title(int status, boolean english) {
        String[] texts = TITLES.get(status);
        if (texts == null) {
            return english ? "Request failed" : "La solicitud no se pudo atender";
        }
        return texts[english ? 1 : 0];
    }

    static String detail(int status, boolean english) {
        String[] texts = DETAILS.get(status);
        return texts == null ? null : texts[english ? 1 : 0];
    }

    static String malformedJson(boolean english) {
        return english ? "The request body is not valid JSON or does not match the expected structure."
                : "El cuerpo de la solicitud no es JSON válido o no corresponde a la estructura esperada.";
    }

    static String concurrentEdit(boolean english) {
        return english ? "Someone else changed this resource at the same time; read it again and repeat the change."
                : "Otra persona modificó este recurso al mismo tiempo; vuelva a leerlo y repita el cambio.";
    }

    static String unsupportedType(String sent, boolean english) {
        if (sent == null || sent.isBlank()) {
            return english ? "This operation needs a body with a content type (Content-Type); its OpenAPI document says which it accepts."
                    : "Esta operación requiere un cuerpo con su tipo de contenido (Content-Type); su documentación OpenAPI dice cuáles acepta.";
        }
        String shown = sent.replaceAll("\\p{Cc}", "?");
        if (shown.length() > 100) {
            shown = shown.substring(0, 100) + "…";
        }
        return english ? "This operation does not accept " + shown + "; its OpenAPI document says which content types it accepts."
                : "Esta operación no admite " + shown + "; su documentación OpenAPI dice qué tipos de contenido acepta.";
    }

    static String invalidFields(boolean english) {
        return english ? "One or more fields are invalid." : "Uno o más campos no son válidos.";
    }

    static String invalidValue(boolean english) {
        return english ? "invalid value or type" : "valor o tipo no válido";
    }
}
