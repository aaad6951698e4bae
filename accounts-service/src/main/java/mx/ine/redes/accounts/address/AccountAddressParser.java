package mx.ine.redes.accounts.address;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import mx.ine.redes.accounts.Network;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.Text;

/**
 * Places a pasted profile URL, or a network and a handle as typed, on its network with a
 * normalised handle (domain.md §2), as the U.S. Digital Registry does. What it cannot place is
 * refused with a problem naming the field ({@code url} or {@code handle}), never guessed.
 *
 * <p>Normalisation: scheme, {@code www.}/{@code m.}/{@code mobile.}/locale sub-domains, query
 * strings, fragments, trailing slashes and a leading {@code @} are dropped; handles are lower
 * case except where the platform's identifier is case-sensitive (YouTube channel ids, WhatsApp
 * channel ids). Links to a post, a video or a search are refused: they do not name an account.
 */
public final class AccountAddressParser {

    private static final Pattern X_HANDLE = Pattern.compile("[a-z0-9_]{1,15}");
    private static final Pattern FACEBOOK_NAME = Pattern.compile("[a-z0-9.\\-]{2,75}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{5,20}");
    private static final Pattern YOUTUBE_HANDLE = Pattern.compile("[a-z0-9_.\\-]{3,30}");
    private static final Pattern YOUTUBE_CHANNEL_ID = Pattern.compile("UC[A-Za-z0-9_\\-]{22}");
    private static final Pattern YOUTUBE_LEGACY_NAME = Pattern.compile("[a-z0-9_.\\-]{1,100}");
    private static final Pattern INSTAGRAM_HANDLE = Pattern.compile("[a-z0-9._]{1,30}");
    private static final Pattern TIKTOK_HANDLE = Pattern.compile("[a-z0-9._]{2,24}");
    private static final Pattern LINKEDIN_NAME = Pattern.compile("[a-z0-9\\-_.]{2,100}");
    private static final Pattern PINTEREST_HANDLE = Pattern.compile("[a-z0-9_]{3,30}");
    private static final Pattern WHATSAPP_CHANNEL_ID = Pattern.compile("[A-Za-z0-9]{10,40}");
    private static final Pattern LOCALE_SUBDOMAIN = Pattern.compile("[a-z]{2}(-[a-z]{2})?");

    private static final Set<String> X_RESERVED = Set.of("home", "explore", "search", "i", "intent", "share",
            "hashtag", "settings", "notifications", "messages", "login", "signup", "logout", "tos", "privacy",
            "compose", "account", "download", "jobs", "about", "help");
    private static final Set<String> FACEBOOK_RESERVED = Set.of("groups", "watch", "events", "marketplace", "gaming",
            "login", "login.php", "share", "sharer", "sharer.php", "photo", "photo.php", "story.php", "permalink.php",
            "hashtag", "help", "policies", "reel", "reels", "stories", "search", "home.php", "settings", "video.php",
            "live", "notes", "privacy", "business", "ads", "friends", "messages", "bookmarks", "dialog");
    private static final Set<String> YOUTUBE_NOT_A_CHANNEL = Set.of("watch", "shorts", "playlist", "results", "feed",
            "embed", "live", "hashtag", "account", "premium", "gaming", "post");
    private static final Set<String> INSTAGRAM_RESERVED = Set.of("p", "reel", "reels", "stories", "explore", "accounts",
            "direct", "tv", "about", "legal", "developer");
    private static final Set<String> PINTEREST_RESERVED = Set.of("pin", "search", "ideas", "today", "business",
            "settings", "login", "_", "categories", "explore");

    /** Hosts (without {@code www.}, {@code m.} and similar prefixes) and the network each belongs to. */
    private static final Map<String, Network> HOSTS = Map.ofEntries(
            Map.entry("x.com", Network.X),
            Map.entry("twitter.com", Network.X),
            Map.entry("facebook.com", Network.FACEBOOK),
            Map.entry("fb.com", Network.FACEBOOK),
            Map.entry("youtube.com", Network.YOUTUBE),
            Map.entry("instagram.com", Network.INSTAGRAM),
            Map.entry("instagr.am", Network.INSTAGRAM),
            Map.entry("tiktok.com", Network.TIKTOK),
            Map.entry("threads.net", Network.THREADS),
            Map.entry("threads.com", Network.THREADS),
            Map.entry("linkedin.com", Network.LINKEDIN),
            Map.entry("pinterest.com", Network.PINTEREST),
            Map.entry("pinterest.com.mx", Network.PINTEREST),
            Map.entry("pinterest.es", Network.PINTEREST),
            Map.entry("whatsapp.com", Network.WHATSAPP_CHANNEL));

    private AccountAddressParser() {
    }

    /** Parses a pasted URL; refuses ({@code url}) what it cannot place. */
    public static AccountAddress parse(String url) {
        if (url == null || url.isBlank()) {
            throw refused("La dirección está vacía.", "The address is empty.");
        }
        URI uri = toUri(url.strip());
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw refused("Solo se reconocen direcciones http o https.", "Only http or https addresses are recognised.");
        }
        Network network = networkOf(host);
        if (network == null) {
            throw refused("La dirección " + url.strip() + " no es de una red social reconocida (" + host
                    + "); registre la cuenta como red OTHER con su dirección.", "The address " + url.strip()
                    + " is not on a recognised social network (" + host + "); register the account as network OTHER with its address.");
        }
        List<String> path = segments(legacyHashBangPath(uri));
        return switch (network) {
            case X -> fromX(path);
            case FACEBOOK -> fromFacebook(path, uri.getRawQuery());
            case YOUTUBE -> fromYouTube(path);
            case INSTAGRAM -> fromInstagram(path);
            case TIKTOK -> fromTikTok(path);
            case THREADS -> fromThreads(path);
            case LINKEDIN -> fromLinkedIn(path);
            case PINTEREST -> fromPinterest(path);
            case WHATSAPP_CHANNEL -> fromWhatsApp(path);
            case OTHER -> throw new IllegalStateException("OTHER is never a known host");
        };
    }

    /** Normalises a handle typed for a network; refuses ({@code handle}) illegal characters. */
    public static AccountAddress of(Network network, String handle) {
        if (handle == null || handle.isBlank()) {
            throw invalidHandle("El usuario está vacío.", "The handle is empty.");
        }
        String typed = handle.strip();
        if (network == Network.OTHER) {
            return other(typed);
        }
        String bare = typed.startsWith("@") ? typed.substring(1) : typed;
        String lower = bare.toLowerCase(Locale.ROOT);
        return switch (network) {
            case X -> x(require(lower, X_HANDLE, network, "handle"));
            case FACEBOOK -> DIGITS.matcher(lower).matches() ? facebookId(lower)
                    : facebookName(require(lower, FACEBOOK_NAME, network, "handle"));
            case YOUTUBE -> youTube(bare, "handle");
            case INSTAGRAM -> new AccountAddress(Network.INSTAGRAM, require(lower, INSTAGRAM_HANDLE, network, "handle"),
                    "https://www.instagram.com/" + lower);
            case TIKTOK -> new AccountAddress(Network.TIKTOK, require(lower, TIKTOK_HANDLE, network, "handle"),
                    "https://www.tiktok.com/@" + lower);
            case THREADS -> new AccountAddress(Network.THREADS, require(lower, INSTAGRAM_HANDLE, network, "handle"),
                    "https://www.threads.net/@" + lower);
            case LINKEDIN -> linkedIn(lower, "handle");
            case PINTEREST -> new AccountAddress(Network.PINTEREST, require(lower, PINTEREST_HANDLE, network, "handle"),
                    "https://www.pinterest.com/" + lower);
            case WHATSAPP_CHANNEL -> whatsApp(bare, "handle");
            case OTHER -> throw new IllegalStateException("handled above");
        };
    }

    // --- networks -----------------------------------------------------------------------------

    private static AccountAddress fromX(List<String> path) {
        String first = firstSegment(path, Network.X);
        if (X_RESERVED.contains(first.toLowerCase(Locale.ROOT))) {
            throw refused("La dirección de X no es la de una cuenta (/" + first + ").", "The X address is not that of an account (/" + first + ").");
        }
        // x.com/<handle>/status/<id> is a post of the account: the account is still <handle>.
        return x(require(stripAt(first.toLowerCase(Locale.ROOT)), X_HANDLE, Network.X, "url"));
    }

    private static AccountAddress x(String handle) {
        return new AccountAddress(Network.X, handle, "https://x.com/" + handle);
    }

    private static AccountAddress fromFacebook(List<String> path, String rawQuery) {
        String first = firstSegment(path, Network.FACEBOOK).toLowerCase(Locale.ROOT);
        if (first.equals("profile.php")) {
            String id = queryParameter(rawQuery, "id");
            if (id == null || !DIGITS.matcher(id).matches()) {
                throw refused("La dirección de perfil de Facebook no trae un identificador numérico (id=).", "The Facebook profile address has no numeric id (id=).");
            }
            return facebookId(id);
        }
        if (first.equals("pages") || first.equals("people")) {
            // /pages/<Name>/<id> and /people/<Name>/<id>: the numeric id is the stable identity.
            String id = path.size() >= 3 ? path.get(2) : "";
            if (!DIGITS.matcher(id).matches()) {
                throw refused("La dirección de Facebook /" + first + "/ no trae el identificador numérico de la página.", "The Facebook address /" + first + "/ has no numeric page id.");
            }
            return facebookId(id);
        }
        if (first.equals("pg")) {
            if (path.size() < 2) {
                throw refused("La dirección de Facebook /pg/ no trae el nombre de la página.", "The Facebook /pg/ address has no page name.");
            }
            return facebookName(require(path.get(1).toLowerCase(Locale.ROOT), FACEBOOK_NAME, Network.FACEBOOK, "url"));
        }
        if (FACEBOOK_RESERVED.contains(first)) {
            throw refused("La dirección de Facebook no es la de una página o perfil (/" + first + ").", "The Facebook address is not that of a page or profile (/" + first + ").");
        }
        if (DIGITS.matcher(first).matches()) {
            return facebookId(first);
        }
        return facebookName(require(first, FACEBOOK_NAME, Network.FACEBOOK, "url"));
    }

    private static AccountAddress facebookName(String name) {
        return new AccountAddress(Network.FACEBOOK, name, "https://www.facebook.com/" + name);
    }

    private static AccountAddress facebookId(String id) {
        return new AccountAddress(Network.FACEBOOK, id, "https://www.facebook.com/profile.php?id=" + id);
    }

    private static AccountAddress fromYouTube(List<String> path) {
        String first = firstSegment(path, Network.YOUTUBE);
        String lowerFirst = first.toLowerCase(Locale.ROOT);
        if (YOUTUBE_NOT_A_CHANNEL.contains(lowerFirst)) {
            throw refused("La dirección de YouTube es de un video o una búsqueda, no de un canal (/" + first + ").", "The YouTube address is of a video or a search, not of a channel (/" + first + ").");
        }
        if (first.startsWith("@")) {
            return youTube(first, "url");
        }
        if (path.size() < 2 && Set.of("channel", "c", "user").contains(lowerFirst)) {
            throw refused("La dirección de YouTube /" + first + "/ no trae el canal.", "The YouTube address /" + first + "/ has no channel.");
        }
        return switch (lowerFirst) {
            case "channel" -> youTube("channel/" + path.get(1), "url");
            case "c", "user" -> youTube(lowerFirst + "/" + path.get(1), "url");
            // youtube.com/<name> is the legacy custom URL, the same as /c/<name>.
            default -> youTube("c/" + first, "url");
        };
    }

    /**
     * YouTube has three kinds of names; the handle keeps the kind as a prefix so they never collide:
     * {@code name} for an {@code @handle}, {@code channel/UC…} (case kept: ids are case-sensitive),
     * {@code c/name} and {@code user/name} for legacy custom URLs.
     */
    private static AccountAddress youTube(String typed, String field) {
        String value = typed.startsWith("@") ? typed.substring(1) : typed;
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith("channel/")) {
            String id = value.substring("channel/".length());
            if (!YOUTUBE_CHANNEL_ID.matcher(id).matches()) {
                throw invalid(field, "El identificador de canal de YouTube no es válido (UC seguido de 22 caracteres).", "The YouTube channel id is not valid (UC followed by 22 characters).");
            }
            return new AccountAddress(Network.YOUTUBE, "channel/" + id, "https://www.youtube.com/channel/" + id);
        }
        if (lower.startsWith("c/") || lower.startsWith("user/")) {
            String kind = lower.substring(0, lower.indexOf('/'));
            String name = require(lower.substring(kind.length() + 1), YOUTUBE_LEGACY_NAME, Network.YOUTUBE, field);
            return new AccountAddress(Network.YOUTUBE, kind + "/" + name, "https://www.youtube.com/" + kind + "/" + name);
        }
        String handle = require(lower, YOUTUBE_HANDLE, Network.YOUTUBE, field);
        return new AccountAddress(Network.YOUTUBE, handle, "https://www.youtube.com/@" + handle);
    }

    private static AccountAddress fromInstagram(List<String> path) {
        String first = firstSegment(path, Network.INSTAGRAM).toLowerCase(Locale.ROOT);
        if (INSTAGRAM_RESERVED.contains(first)) {
            throw refused("La dirección de Instagram es de una publicación, no de una cuenta (/" + first + ").", "The Instagram address is of a post, not of an account (/" + first + ").");
        }
        String handle = require(stripAt(first), INSTAGRAM_HANDLE, Network.INSTAGRAM, "url");
        return new AccountAddress(Network.INSTAGRAM, handle, "https://www.instagram.com/" + handle);
    }

    private static AccountAddress fromTikTok(List<String> path) {
        String first = firstSegment(path, Network.TIKTOK).toLowerCase(Locale.ROOT);
        if (!first.startsWith("@")) {
            throw refused("La dirección de TikTok debe ser la de un perfil (tiktok.com/@usuario); los enlaces cortos no se pueden ubicar.", "The TikTok address must be that of a profile (tiktok.com/@user); short links cannot be located.");
        }
        String handle = require(first.substring(1), TIKTOK_HANDLE, Network.TIKTOK, "url");
        return new AccountAddress(Network.TIKTOK, handle, "https://www.tiktok.com/@" + handle);
    }

    private static AccountAddress fromThreads(List<String> path) {
        String first = firstSegment(path, Network.THREADS).toLowerCase(Locale.ROOT);
        if (!first.startsWith("@")) {
            throw refused("La dirección de Threads debe ser la de un perfil (threads.net/@usuario).", "The Threads address must be that of a profile (threads.net/@user).");
        }
        String handle = require(first.substring(1), INSTAGRAM_HANDLE, Network.THREADS, "url");
        return new AccountAddress(Network.THREADS, handle, "https://www.threads.net/@" + handle);
    }

    private static AccountAddress fromLinkedIn(List<String> path) {
        String first = firstSegment(path, Network.LINKEDIN).toLowerCase(Locale.ROOT);
        if (!Set.of("company", "school", "showcase").contains(first) || path.size() < 2) {
            throw refused("La dirección de LinkedIn debe ser la de una página (linkedin.com/company/…, /school/… o /showcase/…).", "The LinkedIn address must be that of a page (linkedin.com/company/…, /school/… or /showcase/…).");
        }
        return linkedIn((first.equals("company") ? "" : first + "/") + path.get(1).toLowerCase(Locale.ROOT), "url");
    }

    /** A company page is just its name; school and showcase pages keep their kind as a prefix. */
    private static AccountAddress linkedIn(String typed, String field) {
        String kind = "company";
        String name = typed;
        int slash = typed.indexOf('/');
        if (slash > 0) {
            kind = typed.substring(0, slash);
            name = typed.substring(slash + 1);
            if (!Set.of("company", "school", "showcase").contains(kind)) {
                throw invalid(field, "La página de LinkedIn debe ser company, school o showcase.", "The LinkedIn page must be company, school or showcase.");
            }
        }
        require(name, LINKEDIN_NAME, Network.LINKEDIN, field);
        String handle = kind.equals("company") ? name : kind + "/" + name;
        return new AccountAddress(Network.LINKEDIN, handle, "https://www.linkedin.com/" + kind + "/" + name);
    }

    private static AccountAddress fromPinterest(List<String> path) {
        String first = firstSegment(path, Network.PINTEREST).toLowerCase(Locale.ROOT);
        if (PINTEREST_RESERVED.contains(first)) {
            throw refused("La dirección de Pinterest no es la de un perfil (/" + first + ").", "The Pinterest address is not that of a profile (/" + first + ").");
        }
        // pinterest.com/<user>/<board> is a board of the account: the account is still <user>.
        String handle = require(first, PINTEREST_HANDLE, Network.PINTEREST, "url");
        return new AccountAddress(Network.PINTEREST, handle, "https://www.pinterest.com/" + handle);
    }

    private static AccountAddress fromWhatsApp(List<String> path) {
        if (path.size() < 2 || !path.get(0).equalsIgnoreCase("channel")) {
            throw refused("La dirección de WhatsApp debe ser la de un canal (whatsapp.com/channel/…).", "The WhatsApp address must be that of a channel (whatsapp.com/channel/…).");
        }
        return whatsApp(path.get(1), "url");
    }

    private static AccountAddress whatsApp(String typed, String field) {
        String id = typed.regionMatches(true, 0, "channel/", 0, 8) ? typed.substring(8) : typed;
        if (!WHATSAPP_CHANNEL_ID.matcher(id).matches()) {
            throw invalid(field, "El identificador del canal de WhatsApp solo admite letras y dígitos (10 a 40).", "The WhatsApp channel id admits only letters and digits (10 to 40).");
        }
        return new AccountAddress(Network.WHATSAPP_CHANNEL, id, "https://www.whatsapp.com/channel/" + id);
    }

    /**
     * A network the registry has no rules for: the handle is the account's own https address,
     * normalised (host lower case without {@code www.}, no query, fragment or trailing slash).
     */
    private static AccountAddress other(String typed) {
        URI uri;
        try {
            uri = new URI(typed);
        } catch (URISyntaxException e) {
            throw invalidHandle("Para la red OTHER, el usuario es la dirección https completa de la cuenta.", "For network OTHER, the handle is the account's full https address.");
        }
        if (uri.getScheme() == null || !uri.getScheme().equalsIgnoreCase("https") || uri.getHost() == null) {
            throw invalidHandle("Para la red OTHER, el usuario es la dirección https completa de la cuenta.", "For network OTHER, the handle is the account's full https address.");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        if (networkOf(host) != null) {
            throw invalidHandle("La dirección es de " + networkOf(host) + ": registre la cuenta con esa red.", "The address is on " + networkOf(host) + ": register the account with that network.");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        String normalised = host + path;
        return new AccountAddress(Network.OTHER, normalised, "https://" + normalised);
    }

    // --- parsing helpers ----------------------------------------------------------------------

    private static URI toUri(String text) {
        if (text.chars().anyMatch(Character::isWhitespace)) {
            throw refused("La dirección no puede contener espacios.", "The address cannot contain spaces.");
        }
        String withScheme = text.contains("://") ? text : "https://" + text;
        try {
            URI uri = new URI(withScheme);
            if (uri.getHost() == null) {
                throw refused("La dirección " + text + " no tiene un dominio.", "The address " + text + " has no domain.");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw refused("La dirección " + text + " no es una URL válida.", "The address " + text + " is not a valid URL.");
        }
    }

    /** Strips prefixes that name the same site: www., m., mobile., web. and locale sub-domains. */
    private static Network networkOf(String host) {
        String candidate = host;
        while (true) {
            Network network = HOSTS.get(candidate);
            if (network != null) {
                return network;
            }
            int dot = candidate.indexOf('.');
            if (dot < 0) {
                return null;
            }
            String label = candidate.substring(0, dot);
            boolean samesite = Set.of("www", "m", "mobile", "web", "touch").contains(label)
                    || LOCALE_SUBDOMAIN.matcher(label).matches();
            if (!samesite) {
                return null;
            }
            candidate = candidate.substring(dot + 1);
        }
    }

    /** Twitter's old {@code twitter.com/#!/name} form keeps the path in the fragment. */
    private static String legacyHashBangPath(URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String fragment = uri.getRawFragment();
        if (path.replace("/", "").isEmpty() && fragment != null && fragment.startsWith("!/")) {
            return fragment.substring(1);
        }
        return path;
    }

    private static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(java.net.URLDecoder.decode(segment, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return segments;
    }

    private static String firstSegment(List<String> path, Network network) {
        if (path.isEmpty()) {
            throw refused("La dirección de " + network + " no señala ninguna cuenta.", "The " + network + " address points to no account.");
        }
        return path.get(0);
    }

    private static String queryParameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        return Arrays.stream(rawQuery.split("&"))
                .filter(pair -> pair.startsWith(name + "="))
                .map(pair -> pair.substring(name.length() + 1))
                .findFirst().orElse(null);
    }

    private static String stripAt(String value) {
        return value.startsWith("@") ? value.substring(1) : value;
    }

    private static String require(String value, Pattern pattern, Network network, String field) {
        if (!pattern.matcher(value).matches()) {
            throw invalid(field, "El usuario «" + value + "» no es válido en " + network
                    + ": contiene caracteres no permitidos o su longitud no es válida.", "The handle \"" + value
                    + "\" is not valid on " + network + ": it has characters not allowed or its length is not valid.");
        }
        return value;
    }

    private static ProblemException refused(String es, String en) {
        return ProblemException.invalid("url", Text.of(es, en));
    }

    private static ProblemException invalidHandle(String es, String en) {
        return ProblemException.invalid("handle", Text.of(es, en));
    }

    private static ProblemException invalid(String field, String es, String en) {
        return ProblemException.invalid(field, Text.of(es, en));
    }
}
