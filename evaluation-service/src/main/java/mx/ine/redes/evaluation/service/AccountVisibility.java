package mx.ine.redes.evaluation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import mx.ine.redes.support.security.Caller;
import mx.ine.redes.support.security.Roles;

/**
 * Who sees what in evaluation (api-conventions "Who sees what"): the one place that decides which
 * accounts' requests, escalations, progress and notifications a caller may read. Every read path
 * goes through {@link #accounts(String)}; what it does not grant is denied, and a reader is told
 * "not found" for anything outside it.
 *
 * <p>It follows the registry <b>as it is now</b>, from the projection {@code reviewed_account}: an
 * account's current administrators, its area's current head, and the heads of every area above it
 * ({@code ancestors}). The administrators and head copied onto a request when it was issued, and
 * the recipients recorded on a notification, are a record of who was told, never a grant.
 * <ul>
 * <li>{@code cncs}, {@code committee}: every account, and the notices that concern no account (alerts to CNCS);</li>
 * <li>{@code transparency}, {@code integration}: every account's requests (read-only roles), no notices;</li>
 * <li>{@code area-head}: the accounts of the area they head now and of every area below it;</li>
 * <li>{@code account-admin}: the accounts they administer now;</li>
 * <li>anyone else: nothing.</li>
 * </ul>
 */
@ApplicationScoped
public class AccountVisibility {

    /** What a read may add to its {@code where}: SQL over the column holding the account id, and its parameters. */
    public record Restriction(String sql, Map<String, Object> parameters) {

        static Restriction none() {
            return new Restriction("false", Map.of());
        }

        static Restriction all() {
            return new Restriction("true", Map.of());
        }
    }

    /** What a reader is reading: requests are shown to the read-only roles too, notices are not. */
    public enum Reading { REQUESTS, NOTIFICATIONS }

    @Inject
    Caller caller;

    /** The restriction for requests (and what is computed from them: escalations, progress) by their account column. */
    public Restriction requests(String accountIdColumn) {
        if (seesEverything(Reading.REQUESTS)) {
            return Restriction.all();
        }
        return accounts(accountIdColumn);
    }

    /**
     * The restriction for notifications by their account column: a notice that concerns no account
     * (an alert to CNCS) is seen only by those who see everything.
     */
    public Restriction notifications(String accountIdColumn) {
        if (seesEverything(Reading.NOTIFICATIONS)) {
            return Restriction.all();
        }
        return accounts(accountIdColumn);
    }

    public boolean seesEverything(Reading reading) {
        if (caller.hasRole(Roles.CNCS) || caller.hasRole(Roles.COMMITTEE)) {
            return true;
        }
        return reading == Reading.REQUESTS && (caller.hasRole(Roles.TRANSPARENCY) || caller.hasRole(Roles.INTEGRATION));
    }

    /**
     * The accounts the caller answers for now. Written as {@code account in (select … from
     * reviewed_account …)} so that each branch is one index lookup on the projection
     * ({@code reviewed_account_head}, {@code reviewed_account_ancestors},
     * {@code reviewed_account_administrators}, V7) followed by the reader's index on the account.
     */
    private Restriction accounts(String accountIdColumn) {
        String email = caller.email();
        boolean head = caller.hasRole(Roles.AREA_HEAD) && !email.isEmpty();
        boolean administrator = caller.hasRole(Roles.ACCOUNT_ADMIN) && !email.isEmpty();
        if (!head && !administrator) {
            return Restriction.none();
        }
        StringBuilder sql = new StringBuilder(accountIdColumn + " in (select a.account_id from reviewed_account a where false");
        if (head) {
            sql.append(" or a.head_email = :visibilityEmail"
                    + " or a.ancestors @> jsonb_build_array(jsonb_build_object('headEmail', cast(:visibilityEmail as text)))");
        }
        if (administrator) {
            sql.append(" or a.administrator_emails @> jsonb_build_array(cast(:visibilityEmail as text))");
        }
        return new Restriction(sql.append(")").toString(), Map.of("visibilityEmail", email));
    }
}
