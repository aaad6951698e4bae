package mx.ine.redes.submissions.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import mx.ine.redes.events.StatisticField;
import mx.ine.redes.events.SubmissionReceived;
import mx.ine.redes.support.input.InputRules;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.ProblemException.Violation;
import mx.ine.redes.support.problem.Text;

/**
 * Checks a declaration against its form and reports <b>every</b> offending field at once: a value
 * of the wrong shape (not a whole number, beyond 64 bits, not an object…) is a 400; a declaration
 * well formed but inconsistent (B + C above A, multimedia above the total, percentages above 100,
 * growth that does not match start and end followers) is a 422. Nothing is stored on either.
 */
public final class FormValidator {

    /** Evidence as cited by a version: how many files and how many of them are images. */
    public record EvidenceCount(int files, int images) {
    }

    private static final Set<String> AUDIENCE_GROUPS = Set.of("gender", "ageBands", "countries");
    private static final Set<String> GENDERS = Set.of("female", "male", "other", "unspecified");
    private static final Pattern AGE_BAND = Pattern.compile("\\d{1,3}-\\d{1,3}|\\d{1,3}\\+");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern HASHTAG = Pattern.compile("#[\\p{L}\\p{N}_]{1,139}");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int MAX_PERCENT_DECIMALS = 2;
    private static final int MAX_CAMPAIGNS = 500;
    private static final int MAX_AUDIENCE_ENTRIES = 300;

    private final Form form;
    private final List<Violation> malformed = new ArrayList<>();
    private final List<Violation> inconsistent = new ArrayList<>();

    private FormValidator(Form form) {
        this.form = form;
    }

    /**
     * @param today the date of receipt, Institute time: a last publication cannot be later
     * @throws ProblemException 400 or 422 listing every offending field
     */
    public static DeclaredContent validate(Form form, JsonNode figures, JsonNode audience, JsonNode campaigns,
                                           LocalDate lastPublicationOn, EvidenceCount evidence, LocalDate today) {
        FormValidator validator = new FormValidator(form);
        Map<String, Long> counts = validator.counts(figures);
        SubmissionReceived.Audience readAudience = validator.audience(audience);
        List<SubmissionReceived.CampaignPosts> readCampaigns = validator.campaigns(campaigns);
        validator.lastPublication(lastPublicationOn, today);
        validator.evidence(evidence);
        validator.rules(counts, readCampaigns);
        if (!validator.malformed.isEmpty()) {
            List<Violation> all = new ArrayList<>(validator.malformed);
            all.addAll(validator.inconsistent);
            throw ProblemException.invalid(Text.of("La declaración no corresponde al formulario " + form.id()
                            + "; no se guardó nada.", "The declaration does not match form " + form.id() + "; nothing was stored."),
                    all);
        }
        if (!validator.inconsistent.isEmpty()) {
            throw ProblemException.unprocessable(Text.of("Las cifras no son congruentes entre sí; no se guardó nada.",
                    "The figures are not consistent with each other; nothing was stored."), validator.inconsistent);
        }
        return new DeclaredContent(counts, readAudience, readCampaigns, lastPublicationOn);
    }

    // --- counts ---------------------------------------------------------------------------------

    private Map<String, Long> counts(JsonNode figures) {
        Map<String, Long> counts = new LinkedHashMap<>();
        boolean asksCounts = !form.counts().isEmpty();
        if (figures == null || figures.isNull() || figures.isMissingNode()) {
            if (asksCounts) {
                for (FormField field : form.counts()) {
                    if (field.required()) {
                        malformed.add(Violation.field("figures." + field.name(), required(field)));
                    }
                }
            }
            return counts;
        }
        if (!figures.isObject()) {
            malformed.add(Violation.field("figures", Text.of("Debe ser un objeto con las cifras por campo.",
                    "Must be an object with the figures by field.")));
            return counts;
        }
        Iterator<Map.Entry<String, JsonNode>> entries = figures.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String path = "figures." + entry.getKey();
            Optional<FormField> field = StatisticField.find(entry.getKey()).filter(StatisticField::isCount)
                    .flatMap(form::field);
            if (field.isEmpty()) {
                malformed.add(Violation.field(path, notInForm(entry.getKey())));
                continue;
            }
            count(path, entry.getValue(), field.get()).ifPresent(value -> counts.put(entry.getKey(), value));
        }
        for (FormField field : form.counts()) {
            if (field.required() && !figures.has(field.name())) {
                malformed.add(Violation.field("figures." + field.name(), required(field)));
            }
        }
        return counts;
    }

    private Optional<Long> count(String path, JsonNode value, FormField field) {
        if (value.isNull()) {
            malformed.add(Violation.field(path, Text.of("No puede ser nulo: omita el campo si no aplica.",
                    "Must not be null: leave the field out if it does not apply.")));
            return Optional.empty();
        }
        if (!value.isNumber()) {
            malformed.add(Violation.field(path, Text.of("Debe ser un número entero, no " + jsonType(value) + ".",
                    "Must be a whole number, not " + jsonTypeEnglish(value) + ".")));
            return Optional.empty();
        }
        if (!value.isIntegralNumber()) {
            malformed.add(Violation.field(path, Text.of("Debe ser un número entero, sin decimales (" + value.asText() + ").",
                    "Must be a whole number, without decimals (" + value.asText() + ").")));
            return Optional.empty();
        }
        if (!value.canConvertToLong()) {
            malformed.add(Violation.field(path, Text.of("Excede el máximo de 64 bits (" + Long.MAX_VALUE + ").",
                    "Exceeds the 64-bit maximum (" + Long.MAX_VALUE + ").")));
            return Optional.empty();
        }
        long number = value.longValue();
        if (number < 0 && field.field().kind() != StatisticField.Kind.SIGNED_COUNT) {
            malformed.add(Violation.field(path, Text.of("No puede ser negativo (" + number + ").",
                    "Must not be negative (" + number + ").")));
            return Optional.empty();
        }
        return Optional.of(number);
    }

    // --- audience -------------------------------------------------------------------------------

    private SubmissionReceived.Audience audience(JsonNode audience) {
        if (absent(audience)) {
            if (form.requires(StatisticField.AUDIENCE)) {
                malformed.add(Violation.field("audience", required(form.field(StatisticField.AUDIENCE).orElseThrow())));
            }
            return null;
        }
        if (!form.has(StatisticField.AUDIENCE)) {
            malformed.add(Violation.field("audience", notInForm("audience")));
            return null;
        }
        if (!audience.isObject()) {
            malformed.add(Violation.field("audience", Text.of("Debe ser un objeto con gender, ageBands y countries.",
                    "Must be an object with gender, ageBands and countries.")));
            return null;
        }
        Map<String, Map<String, BigDecimal>> groups = new HashMap<>();
        audience.fields().forEachRemaining(entry -> {
            String path = "audience." + entry.getKey();
            if (!AUDIENCE_GROUPS.contains(entry.getKey())) {
                malformed.add(Violation.field(path, Text.of("No es un grupo de audiencia: use gender, ageBands o countries.",
                        "Not an audience group: use gender, ageBands or countries.")));
                return;
            }
            groups.put(entry.getKey(), percentages(path, entry.getKey(), entry.getValue()));
        });
        return new SubmissionReceived.Audience(groups.get("gender"), groups.get("ageBands"), groups.get("countries"));
    }

    private Map<String, BigDecimal> percentages(String path, String group, JsonNode node) {
        Map<String, BigDecimal> shares = new LinkedHashMap<>();
        if (!node.isObject()) {
            malformed.add(Violation.field(path, Text.of("Debe ser un objeto de porcentajes por categoría.",
                    "Must be an object of percentages by category.")));
            return shares;
        }
        if (node.size() > MAX_AUDIENCE_ENTRIES) {
            malformed.add(Violation.field(path, Text.of("Admite a lo más " + MAX_AUDIENCE_ENTRIES + " categorías.",
                    "Takes at most " + MAX_AUDIENCE_ENTRIES + " categories.")));
            return shares;
        }
        BigDecimal sum = BigDecimal.ZERO;
        Iterator<Map.Entry<String, JsonNode>> entries = node.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String key = entry.getKey();
            String keyPath = path + "." + key;
            Optional<Text> badKey = audienceKey(group, key);
            if (badKey.isPresent()) {
                malformed.add(Violation.field(keyPath, badKey.get()));
                continue;
            }
            JsonNode value = entry.getValue();
            if (!value.isNumber()) {
                malformed.add(Violation.field(keyPath, Text.of("Debe ser un porcentaje (número de 0 a 100), no " + jsonType(value) + ".",
                        "Must be a percentage (a number from 0 to 100), not " + jsonTypeEnglish(value) + ".")));
                continue;
            }
            BigDecimal share = value.decimalValue().stripTrailingZeros();
            if (share.signum() < 0 || share.compareTo(HUNDRED) > 0) {
                inconsistent.add(Violation.field(keyPath, Text.of("Un porcentaje va de 0 a 100 (" + value.asText() + ").",
                        "A percentage goes from 0 to 100 (" + value.asText() + ").")));
                continue;
            }
            if (share.scale() > MAX_PERCENT_DECIMALS) {
                malformed.add(Violation.field(keyPath, Text.of("Admite a lo más " + MAX_PERCENT_DECIMALS + " decimales (" + value.asText() + ").",
                        "Takes at most " + MAX_PERCENT_DECIMALS + " decimals (" + value.asText() + ").")));
                continue;
            }
            shares.put(key, share.scale() < 0 ? share.setScale(0) : share);
            sum = sum.add(share);
        }
        if (sum.compareTo(HUNDRED) > 0) {
            inconsistent.add(Violation.field(path, Text.of("Los porcentajes suman " + sum.toPlainString() + ", más de 100.",
                    "The percentages add up to " + sum.toPlainString() + ", more than 100.")));
        }
        return shares;
    }

    private static Optional<Text> audienceKey(String group, String key) {
        return switch (group) {
            case "gender" -> GENDERS.contains(key) ? Optional.empty() : Optional.of(Text.of(
                    "No es una categoría de género: use female, male, other o unspecified.",
                    "Not a gender category: use female, male, other or unspecified."));
            case "ageBands" -> AGE_BAND.matcher(key).matches() ? Optional.empty() : Optional.of(Text.of(
                    "No es un rango de edad: escriba «18-24» o «65+».", "Not an age band: write \"18-24\" or \"65+\"."));
            default -> COUNTRY.matcher(key).matches() ? Optional.empty() : Optional.of(Text.of(
                    "No es un código de país ISO 3166-1 de dos letras mayúsculas (MX, US…).",
                    "Not a two-letter upper-case ISO 3166-1 country code (MX, US…)."));
        };
    }

    // --- campaigns ------------------------------------------------------------------------------

    private List<SubmissionReceived.CampaignPosts> campaigns(JsonNode campaigns) {
        List<SubmissionReceived.CampaignPosts> read = new ArrayList<>();
        if (absent(campaigns)) {
            if (form.requires(StatisticField.CAMPAIGNS)) {
                malformed.add(Violation.field("campaigns", required(form.field(StatisticField.CAMPAIGNS).orElseThrow())));
            }
            return read;
        }
        if (!form.has(StatisticField.CAMPAIGNS)) {
            malformed.add(Violation.field("campaigns", notInForm("campaigns")));
            return read;
        }
        if (!campaigns.isArray()) {
            malformed.add(Violation.field("campaigns", Text.of("Debe ser una lista de {hashtag, posts}.",
                    "Must be a list of {hashtag, posts}.")));
            return read;
        }
        if (campaigns.size() > MAX_CAMPAIGNS) {
            malformed.add(Violation.field("campaigns", Text.of("Admite a lo más " + MAX_CAMPAIGNS + " campañas.",
                    "Takes at most " + MAX_CAMPAIGNS + " campaigns.")));
            return read;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < campaigns.size(); i++) {
            String path = "campaigns[" + i + "]";
            JsonNode campaign = campaigns.get(i);
            if (!campaign.isObject()) {
                malformed.add(Violation.field(path, Text.of("Debe ser un objeto {hashtag, posts}.", "Must be an object {hashtag, posts}.")));
                continue;
            }
            campaign.fieldNames().forEachRemaining(name -> {
                if (!name.equals("hashtag") && !name.equals("posts")) {
                    malformed.add(Violation.field(path + "." + name, Text.of("No es un campo: use hashtag y posts.",
                            "Is not a field: use hashtag and posts.")));
                }
            });
            String hashtag = hashtag(path + ".hashtag", campaign.get("hashtag"));
            Optional<Long> posts = Optional.empty();
            JsonNode postsNode = campaign.get("posts");
            if (postsNode == null) {
                malformed.add(Violation.field(path + ".posts", Text.of("Es obligatorio.", "Is required.")));
            } else {
                posts = count(path + ".posts", postsNode, new FormField(StatisticField.POSTS, "", true, Forms.label(StatisticField.POSTS)));
            }
            if (hashtag != null) {
                Integer earlier = seen.putIfAbsent(hashtag.toLowerCase(Locale.ROOT), i);
                if (earlier != null) {
                    malformed.add(Violation.field(path + ".hashtag", Text.of("Campaña repetida: ya figura en campaigns[" + earlier + "].",
                            "Repeated campaign: already at campaigns[" + earlier + "].")));
                    continue;
                }
            }
            if (hashtag != null && posts.isPresent()) {
                read.add(new SubmissionReceived.CampaignPosts(hashtag, posts.get()));
            }
        }
        return read;
    }

    private String hashtag(String path, JsonNode node) {
        if (node == null) {
            malformed.add(Violation.field(path, Text.of("Es obligatorio.", "Is required.")));
            return null;
        }
        if (!node.isTextual()) {
            malformed.add(Violation.field(path, Text.of("Debe ser un texto como «#INEInforma», no " + jsonType(node) + ".",
                    "Must be a text such as \"#INEInforma\", not " + jsonTypeEnglish(node) + ".")));
            return null;
        }
        String text = node.textValue();
        Optional<Text> control = InputRules.controlCharacters(text, false);
        if (control.isPresent()) {
            malformed.add(Violation.field(path, control.get()));
            return null;
        }
        if (!HASHTAG.matcher(text).matches()) {
            malformed.add(Violation.field(path, Text.of("Un hashtag empieza con # y sigue con letras, números o guion bajo (máx. 140).",
                    "A hashtag starts with # followed by letters, digits or underscores (at most 140).")));
            return null;
        }
        return text;
    }

    // --- other fields ---------------------------------------------------------------------------

    private void lastPublication(LocalDate lastPublicationOn, LocalDate today) {
        if (lastPublicationOn == null) {
            if (form.requires(StatisticField.LAST_PUBLICATION_ON)) {
                malformed.add(Violation.field("lastPublicationOn", required(form.field(StatisticField.LAST_PUBLICATION_ON).orElseThrow())));
            }
            return;
        }
        if (!form.has(StatisticField.LAST_PUBLICATION_ON)) {
            malformed.add(Violation.field("lastPublicationOn", notInForm("lastPublicationOn")));
            return;
        }
        if (lastPublicationOn.isAfter(today)) {
            inconsistent.add(Violation.field("lastPublicationOn", Text.of("La última publicación no puede ser posterior a la entrega ("
                    + today + ").", "The last publication cannot be later than the submission (" + today + ").")));
        }
    }

    private void evidence(EvidenceCount evidence) {
        Optional<FormField> field = form.field(StatisticField.EVIDENCE);
        if (evidence.files() > 0 && field.isEmpty()) {
            malformed.add(Violation.field("evidence", notInForm("evidence")));
            return;
        }
        if (evidence.files() > Forms.MAX_EVIDENCE_FILES) {
            malformed.add(Violation.field("evidence", Text.of("Una versión cita a lo más " + Forms.MAX_EVIDENCE_FILES
                    + " archivos (" + evidence.files() + ").", "A version cites at most " + Forms.MAX_EVIDENCE_FILES
                    + " files (" + evidence.files() + ").")));
        }
        if (field.isPresent() && field.get().required()) {
            if ("FACEBOOK".equals(form.id()) && evidence.images() == 0) {
                inconsistent.add(Violation.field("evidence", Text.of(
                        "El formulario de Facebook pide al menos una captura de pantalla (PNG o JPEG).",
                        "The Facebook form asks for at least one screenshot (PNG or JPEG).")));
            } else if (evidence.files() == 0) {
                inconsistent.add(Violation.field("evidence", Text.of("Se pide al menos un archivo de evidencia.",
                        "At least one evidence file is asked for.")));
            }
        }
    }

    /** The Lineamientos' cross-field rules, each checked when the figures it relates were given. */
    private void rules(Map<String, Long> counts, List<SubmissionReceived.CampaignPosts> campaigns) {
        Long posts = counts.get("posts");
        Long own = counts.get("ownPosts");
        Long cncs = counts.get("cncsPosts");
        // Written so that no sum of two 64-bit counts can overflow.
        if (posts != null && own != null && cncs != null && (own > posts || cncs > posts - own)) {
            inconsistent.add(Violation.field("figures.ownPosts", Text.of("B + C (" + own + " + " + cncs
                    + ") no puede exceder A, el total de mensajes publicados (" + posts + ").",
                    "B + C (" + own + " + " + cncs + ") cannot exceed A, the total messages published (" + posts + ").")));
            inconsistent.add(Violation.field("figures.cncsPosts", Text.of("B + C excede A (" + posts + ").",
                    "B + C exceeds A (" + posts + ").")));
        }
        Long multimedia = counts.get("multimediaPosts");
        if (posts != null && multimedia != null && multimedia > posts) {
            String letter = form.field(StatisticField.MULTIMEDIA_POSTS).map(FormField::letter).orElse("");
            inconsistent.add(Violation.field("figures.multimediaPosts", Text.of("Los contenidos multimedia" + letterNote(letter)
                    + " (" + multimedia + ") no pueden exceder el total de publicaciones (" + posts + ").",
                    "Multimedia contents" + letterNote(letter) + " (" + multimedia + ") cannot exceed the total posts (" + posts + ").")));
        }
        Long growth = counts.get("followerGrowth");
        Long start = counts.get("followersAtStart");
        Long end = counts.get("followersAtEnd");
        if (growth != null && start != null && end != null && growth != end - start) {
            inconsistent.add(Violation.field("figures.followerGrowth", Text.of("El crecimiento de seguidores (" + growth
                    + ") no coincide con los seguidores al final menos los del inicio (" + end + " − " + start + " = " + (end - start) + ").",
                    "Follower growth (" + growth + ") does not match followers at the end minus at the start (" + end + " − "
                            + start + " = " + (end - start) + ").")));
        }
        if (posts != null) {
            for (int i = 0; i < campaigns.size(); i++) {
                if (campaigns.get(i).posts() > posts) {
                    inconsistent.add(Violation.field("campaigns[" + i + "].posts", Text.of("Las publicaciones de la campaña ("
                            + campaigns.get(i).posts() + ") no pueden exceder el total de publicaciones (" + posts + ").",
                            "The campaign's posts (" + campaigns.get(i).posts() + ") cannot exceed the total posts (" + posts + ").")));
                }
            }
        }
    }

    // --- texts ----------------------------------------------------------------------------------

    private Text required(FormField field) {
        return Text.of("Es obligatorio en el formulario " + form.id() + " (" + field.title().es() + ").",
                "Is required by form " + form.id() + " (" + field.title().en() + ").");
    }

    private Text notInForm(String name) {
        Optional<StatisticField> known = StatisticField.find(name);
        if (known.isPresent()) {
            return Text.of("No es un campo del formulario " + form.id() + " (es de otro formulario).",
                    "Is not a field of form " + form.id() + " (it belongs to another form).");
        }
        return Text.of("No es un campo del formulario " + form.id() + ".", "Is not a field of form " + form.id() + ".");
    }

    private static String letterNote(String letter) {
        return letter.isEmpty() ? "" : " (" + letter + ")";
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    private static String jsonType(JsonNode node) {
        if (node.isTextual()) {
            return "un texto";
        }
        if (node.isBoolean()) {
            return "un valor lógico";
        }
        if (node.isArray()) {
            return "una lista";
        }
        if (node.isObject()) {
            return "un objeto";
        }
        return "un valor nulo";
    }

    private static String jsonTypeEnglish(JsonNode node) {
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        return "null";
    }
}
