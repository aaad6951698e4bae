package mx.ine.redes.evaluation.scoring;

import java.util.List;

/**
 * The accounts an account's performance was ranked against: same network, same level, same cycle,
 * and the same engagement basis ({@code IMPRESSIONS} or {@code FOLLOWERS}), the account itself
 * included. One instance is shared by every member of the group.
 */
public record PeerGroup(String network, String areaLevel, EngagementBasis basis, List<java.util.UUID> accountIds) {

    public PeerGroup {
        accountIds = List.copyOf(accountIds);
    }

    public int size() {
        return accountIds.size();
    }

    /** What engagement is measured per. */
    public enum EngagementBasis {
        IMPRESSIONS("impresión"),
        FOLLOWERS("seguidor");

        private final String spanishName;

        EngagementBasis(String spanishName) {
            this.spanishName = spanishName;
        }

        public String spanishName() {
            return spanishName;
        }
    }
}
