package mx.ine.redes.submissions.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mx.ine.redes.submissions.SubmissionVersion.StoredWarning;

/**
 * What deserves a look but does not stop a submission (domain.md §4); each becomes a suggested
 * observation in evaluation. Pure: the previous cycle's followers are handed in.
 */
public final class SubmissionWarnings {

    public static final String FOLLOWERS_DROPPED = "FOLLOWERS_DROPPED";
    public static final String IMPRESSIONS_BELOW_POSTS = "IMPRESSIONS_BELOW_POSTS";
    public static final String NO_POSTS_IN_PERIOD = "NO_POSTS_IN_PERIOD";

    private SubmissionWarnings() {
    }

    /** The followers a version reports: G on X, else the followers at the end of the period. */
    public static Optional<Long> followers(Map<String, Long> figures) {
        Long followers = figures.get("followers");
        return Optional.ofNullable(followers != null ? followers : figures.get("followersAtEnd"));
    }

    /**
     * @param previousFollowers the followers reported in the account's previous cycle, if it submitted
     */
    public static List<StoredWarning> of(Map<String, Long> figures, Optional<Long> previousFollowers) {
        List<StoredWarning> warnings = new ArrayList<>();
        Optional<Long> followers = followers(figures);
        if (followers.isPresent() && previousFollowers.isPresent() && previousFollowers.get() > 0) {
            long before = previousFollowers.get();
            long now = followers.get();
            // A drop of more than 20 %: 5 × (before − now) > before, exact for any 64-bit counts.
            boolean dropped = now < before && java.math.BigInteger.valueOf(before - now).multiply(java.math.BigInteger.valueOf(5))
                    .compareTo(java.math.BigInteger.valueOf(before)) > 0;
            if (dropped) {
                String field = figures.containsKey("followers") ? "followers" : "followersAtEnd";
                long percent = Math.round((before - now) * 100.0 / before);
                warnings.add(new StoredWarning(FOLLOWERS_DROPPED, List.of(field),
                        "Los seguidores bajaron " + percent + " % respecto del ciclo anterior (de " + before + " a " + now + ").",
                        "Followers dropped " + percent + " % since the previous cycle (from " + before + " to " + now + ")."));
            }
        }
        Long posts = figures.get("posts");
        Long impressions = figures.get("impressions");
        if (posts != null && impressions != null && impressions < posts) {
            warnings.add(new StoredWarning(IMPRESSIONS_BELOW_POSTS, List.of("impressions", "posts"),
                    "Las impresiones (" + impressions + ") son menos que las publicaciones (" + posts + ").",
                    "Impressions (" + impressions + ") are fewer than posts (" + posts + ")."));
        }
        if (posts != null && posts == 0) {
            warnings.add(new StoredWarning(NO_POSTS_IN_PERIOD, List.of("posts"),
                    "No hubo publicaciones en el periodo: la cuenta es candidata a inactiva.",
                    "There were no posts in the period: the account is a dormancy candidate."));
        }
        return warnings;
    }
}
