package mx.ine.redes.evaluation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import mx.ine.redes.support.registry.AreaSubtreeVisibility;
import mx.ine.redes.support.registry.AreaSubtreeVisibility.Restriction;
import mx.ine.redes.support.security.Caller;
import mx.ine.redes.support.security.Roles;

/**
 * Who sees what in evaluation (api-conventions "Who sees what"): the one place that decides which
 * accounts' requests, escalations, progress and notifications a caller may read. Every read path
 * goes through {@link #accounts(String)}; what it does not grant is denied, and a reader is told
 * "not found" for anything outside it.
 *
 * <p>It follows the registry <b>as it is now</b> ({@link AreaSubtreeVisibility} over the projection {@code reviewed_account}): an
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

    private static final AreaSubtreeVisibility SUBTREE = new AreaSubtreeVisibility("reviewed_account");

    /** What a reader is reading: requests are shown to the read-only roles too, notices are not. */
    public enum Reading { REQUESTS, NOTIFICATIONS }

    @Inject
    Caller caller;

    /** The restriction for requests (and what is computed from them: escalations, progress) by their account column. */
    public Restriction requests(String accountIdColumn) {
        if (seesEverything(Reading.REQUESTS)) {
            return Restriction.all();
        }
        return SUBTREE.answeredFor(caller, accountIdColumn);
    }

    /**
     * The restriction for notifications by their account column: a notice that concerns no account
     * (an alert to CNCS) is seen only by those who see everything.
     */
    public Restriction notifications(String accountIdColumn) {
        if (seesEverything(Reading.NOTIFICATIONS)) {
            return Restriction.all();
        }
        return SUBTREE.answeredFor(caller, accountIdColumn);
    }

    public boolean seesEverything(Reading reading) {
        if (caller.hasRole(Roles.CNCS) || caller.hasRole(Roles.COMMITTEE)) {
            return true;
        }
        return reading == Reading.REQUESTS && (caller.hasRole(Roles.TRANSPARENCY) || caller.hasRole(Roles.INTEGRATION));
    }
}
