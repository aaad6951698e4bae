package mx.ine.redes.support.registry;

import java.util.Map;
import mx.ine.redes.support.security.Caller;
import mx.ine.redes.support.security.Roles;

/**
 * The one rule of "who answers for which account" (api-conventions "Who sees what"), over a
 * service's own projection of the registry ({@link AccountInArea}) <b>as it is now</b>:
 * an {@code account-admin} answers for the accounts they administer now; an {@code area-head} for
 * the accounts of the area they head now and of every area below it. A service decides which roles
 * see everything; this decides the rest, deny by default.
 *
 * <p>Written as {@code account in (select … from <projection> …)} so that each branch is one index
 * lookup on the projection (head e-mail btree; GIN on {@code ancestors} and
 * {@code administrator_emails}, {@code jsonb_path_ops}) followed by the reader's index on its
 * account column.
 */
public final class AreaSubtreeVisibility {

    /** What a read adds to its {@code where}: SQL over the column holding the account id, and its parameters. */
    public record Restriction(String sql, Map<String, Object> parameters) {

        public static Restriction none() {
            return new Restriction("false", Map.of());
        }

        public static Restriction all() {
            return new Restriction("true", Map.of());
        }

        public boolean isAll() {
            return "true".equals(sql);
        }
    }

    private final String projectionTable;

    /** {@code projectionTable}: the service's table of {@link AccountInArea} rows. */
    public AreaSubtreeVisibility(String projectionTable) {
        this.projectionTable = projectionTable;
    }

    /** The accounts {@code caller} answers for now, as administrator or as head; none for any other role. */
    public Restriction answeredFor(Caller caller, String accountIdColumn) {
        String email = caller.email();
        boolean head = caller.hasRole(Roles.AREA_HEAD) && !email.isEmpty();
        boolean administrator = caller.hasRole(Roles.ACCOUNT_ADMIN) && !email.isEmpty();
        if (!head && !administrator) {
            return Restriction.none();
        }
        StringBuilder sql = new StringBuilder(accountIdColumn + " in (select a.account_id from " + projectionTable
                + " a where false");
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
