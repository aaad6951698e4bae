package mx.ine.redes.accounts.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mx.ine.redes.accounts.Account;
import mx.ine.redes.accounts.AccountAdministrator;
import mx.ine.redes.accounts.AccountChange;

/** Writes the history of an account: joins the caller's transaction, never rewrites a row. */
@ApplicationScoped
public class AccountHistory {

    /** Who the service's own jobs and event consumers act as. */
    public static final String SYSTEM = "sistema";

    @Inject
    Clock clock;

    /** The registry data of an account as history keeps it. */
    public static Map<String, Object> stateOf(Account account) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("network", account.network.name());
        state.put("handle", account.handle);
        state.put("url", account.url);
        state.put("displayName", account.displayName);
        state.put("kind", account.kind.name());
        state.put("status", account.status.name());
        state.put("areaCode", account.area.code);
        state.put("platformAccountId", account.platformAccountId);
        state.put("lastPublicationOn", account.lastPublicationOn == null ? null : account.lastPublicationOn.toString());
        state.put("dormant", account.dormant);
        state.put("notLocated", account.notLocated);
        state.put("possibleHijack", account.possibleHijack);
        state.put("decommissionedOn", account.decommissionedOn == null ? null : account.decommissionedOn.toString());
        state.put("decommissionReason", account.decommissionReason);
        state.put("administrators", activeAdministratorEmails(account));
        return state;
    }

    public static List<String> activeAdministratorEmails(Account account) {
        if (account.id == null) {
            return List.of();
        }
        return AccountAdministrator.activeFor(account).stream().map(assignment -> assignment.person.email).toList();
    }

    public AccountChange record(Account account, String change, String changedBy, Map<String, Object> before,
                                Map<String, Object> after) {
        AccountChange row = new AccountChange();
        row.id = UUID.randomUUID();
        row.account = account;
        row.changedAt = clock.instant();
        row.changedBy = changedBy;
        row.change = change;
        row.before = before;
        row.after = after;
        row.persist();
        account.updatedAt = row.changedAt;
        return row;
    }
}
