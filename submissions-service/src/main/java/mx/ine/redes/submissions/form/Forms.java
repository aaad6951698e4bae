package mx.ine.redes.submissions.form;

import static mx.ine.redes.events.StatisticField.AUDIENCE;
import static mx.ine.redes.events.StatisticField.CAMPAIGNS;
import static mx.ine.redes.events.StatisticField.CNCS_POSTS;
import static mx.ine.redes.events.StatisticField.EVIDENCE;
import static mx.ine.redes.events.StatisticField.FOLLOWERS;
import static mx.ine.redes.events.StatisticField.FOLLOWERS_AT_END;
import static mx.ine.redes.events.StatisticField.FOLLOWERS_AT_START;
import static mx.ine.redes.events.StatisticField.FOLLOWER_GROWTH;
import static mx.ine.redes.events.StatisticField.IMPRESSIONS;
import static mx.ine.redes.events.StatisticField.LAST_PUBLICATION_ON;
import static mx.ine.redes.events.StatisticField.LIKES;
import static mx.ine.redes.events.StatisticField.MENTIONS;
import static mx.ine.redes.events.StatisticField.MULTIMEDIA_POSTS;
import static mx.ine.redes.events.StatisticField.OWN_POSTS;
import static mx.ine.redes.events.StatisticField.PLAYS;
import static mx.ine.redes.events.StatisticField.POSTS;
import static mx.ine.redes.events.StatisticField.PROFILE_VISITS;
import static mx.ine.redes.events.StatisticField.REACH;
import static mx.ine.redes.events.StatisticField.SHARES;
import static mx.ine.redes.events.StatisticField.STORIES;
import static mx.ine.redes.events.StatisticField.VIDEO_VIEWS;
import static mx.ine.redes.events.StatisticField.WATCH_TIME_MINUTES;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import mx.ine.redes.events.StatisticField;
import mx.ine.redes.support.problem.Text;

/**
 * The forms of Art. 11 (domain.md §4), one per network, and the ad hoc form of Art. 12. The
 * letters are the columns of the Lineamientos' tables; the extended metrics (seeds 000 and 004) are
 * optional on every network.
 */
public final class Forms {

    /** The networks with a form of their own; any other network gets the general form. */
    public static final List<String> NETWORKS = List.of("X", "FACEBOOK", "INSTAGRAM", "YOUTUBE", "TIKTOK", "THREADS",
            "LINKEDIN", "PINTEREST", "WHATSAPP_CHANNEL", "OTHER");

    /** The most evidence files one version may cite (domain.md §4: 20 per submission). */
    public static final int MAX_EVIDENCE_FILES = 20;

    private static final Map<StatisticField, Text> LABELS = new EnumMap<>(StatisticField.class);

    static {
        LABELS.put(POSTS, Text.of("Publicaciones", "Posts"));
        LABELS.put(OWN_POSTS, Text.of("Mensajes propios", "Own messages"));
        LABELS.put(CNCS_POSTS, Text.of("Mensajes de Comunicación Social", "Messages from Comunicación Social"));
        LABELS.put(IMPRESSIONS, Text.of("Impresiones", "Impressions"));
        LABELS.put(PROFILE_VISITS, Text.of("Visitas al perfil", "Profile visits"));
        LABELS.put(MENTIONS, Text.of("Menciones", "Mentions"));
        LABELS.put(FOLLOWERS, Text.of("Seguidores", "Followers"));
        LABELS.put(MULTIMEDIA_POSTS, Text.of("Contenidos multimedia", "Multimedia contents"));
        LABELS.put(SHARES, Text.of("Veces compartido", "Shares"));
        LABELS.put(LIKES, Text.of("Me gusta", "Likes"));
        LABELS.put(REACH, Text.of("Alcance", "Reach"));
        LABELS.put(FOLLOWER_GROWTH, Text.of("Crecimiento de seguidores", "Follower growth"));
        LABELS.put(PLAYS, Text.of("Reproducciones o vistas", "Plays or views"));
        LABELS.put(FOLLOWERS_AT_START, Text.of("Seguidores al inicio del periodo", "Followers at the start of the period"));
        LABELS.put(FOLLOWERS_AT_END, Text.of("Seguidores al final del periodo", "Followers at the end of the period"));
        LABELS.put(STORIES, Text.of("Historias", "Stories"));
        LABELS.put(VIDEO_VIEWS, Text.of("Vistas de video", "Video views"));
        LABELS.put(WATCH_TIME_MINUTES, Text.of("Tiempo de reproducción (minutos)", "Watch time (minutes)"));
        LABELS.put(AUDIENCE, Text.of("Audiencia por género, edad y país (%)", "Audience by gender, age and country (%)"));
        LABELS.put(CAMPAIGNS, Text.of("Publicaciones por campaña (hashtag)", "Posts per campaign (hashtag)"));
        LABELS.put(LAST_PUBLICATION_ON, Text.of("Fecha de la última publicación", "Date of the last publication"));
        LABELS.put(EVIDENCE, Text.of("Capturas de pantalla o documentos (PNG, JPEG o PDF)",
                "Screenshots or documents (PNG, JPEG or PDF)"));
    }

    private static final List<StatisticField> EXTENDED = List.of(FOLLOWERS_AT_START, FOLLOWERS_AT_END, STORIES, VIDEO_VIEWS,
            WATCH_TIME_MINUTES, AUDIENCE, CAMPAIGNS, LAST_PUBLICATION_ON);

    private static final Form X_FORM = networkForm("X", Text.of("X (Twitter)", "X (Twitter)"),
            required("A", POSTS, Text.of("Total de mensajes publicados", "Total messages published")),
            required("B", OWN_POSTS, LABELS.get(OWN_POSTS)),
            required("C", CNCS_POSTS, LABELS.get(CNCS_POSTS)),
            required("D", IMPRESSIONS, Text.of("Impresiones de los tuits", "Tweet impressions")),
            required("E", PROFILE_VISITS, LABELS.get(PROFILE_VISITS)),
            required("F", MENTIONS, LABELS.get(MENTIONS)),
            required("G", FOLLOWERS, LABELS.get(FOLLOWERS)),
            required("H", MULTIMEDIA_POSTS, LABELS.get(MULTIMEDIA_POSTS)),
            optional("", EVIDENCE));

    private static final Form FACEBOOK_FORM = networkForm("FACEBOOK", Text.of("Página de Facebook", "Facebook page"),
            required("A", POSTS, LABELS.get(POSTS)),
            required("B", SHARES, LABELS.get(SHARES)),
            required("C", LIKES, LABELS.get(LIKES)),
            required("D", REACH, LABELS.get(REACH)),
            required("D", IMPRESSIONS, LABELS.get(IMPRESSIONS)),
            required("E", MULTIMEDIA_POSTS, Text.of("Contenidos multimedia producidos", "Multimedia contents produced")),
            new FormField(EVIDENCE, "", true, Text.of("Copias de las pantallas de algunos ejemplos (al menos una imagen)",
                    "Screenshots of some examples (at least one image)")));

    private Forms() {
    }

    /** The form of Art. 11 for a network; networks other than X and Facebook share the general one. */
    public static Form forNetwork(String network) {
        return switch (network) {
            case "X" -> X_FORM;
            case "FACEBOOK" -> FACEBOOK_FORM;
            default -> generalForm(network);
        };
    }

    /** An ad hoc request's form: exactly the fields it asks for, every one required. */
    public static Form adHoc(List<String> requestedFields) {
        List<FormField> fields = new ArrayList<>();
        for (String name : requestedFields) {
            StatisticField.find(name).ifPresent(field -> fields.add(new FormField(field, "", true, LABELS.get(field))));
        }
        return new Form("AD_HOC", Text.of("Requerimiento específico (Art. 12)", "Ad hoc request (Art. 12)"), fields);
    }

    public static Text label(StatisticField field) {
        return LABELS.get(field);
    }

    private static Form generalForm(String network) {
        return networkForm(network, Text.of(networkName(network), networkName(network)),
                required("A", POSTS, LABELS.get(POSTS)),
                required("B", FOLLOWER_GROWTH, LABELS.get(FOLLOWER_GROWTH)),
                required("C", LIKES, LABELS.get(LIKES)),
                optional("", SHARES),
                optional("", PLAYS),
                optional("", EVIDENCE));
    }

    private static String networkName(String network) {
        return switch (network) {
            case "INSTAGRAM" -> "Instagram";
            case "YOUTUBE" -> "YouTube";
            case "TIKTOK" -> "TikTok";
            case "THREADS" -> "Threads";
            case "LINKEDIN" -> "LinkedIn";
            case "PINTEREST" -> "Pinterest";
            case "WHATSAPP_CHANNEL" -> "Canal de WhatsApp";
            default -> "Otra red";
        };
    }

    private static Form networkForm(String id, Text name, FormField... own) {
        List<FormField> fields = new ArrayList<>(List.of(own));
        for (StatisticField extended : EXTENDED) {
            fields.add(optional("", extended));
        }
        return new Form(id, Text.of("Estadísticas semestrales — " + name.es(), "Semester statistics — " + name.en()), fields);
    }

    private static FormField required(String letter, StatisticField field, Text label) {
        return new FormField(field, letter, true, label);
    }

    private static FormField optional(String letter, StatisticField field) {
        return new FormField(field, letter, false, LABELS.get(field));
    }
}
