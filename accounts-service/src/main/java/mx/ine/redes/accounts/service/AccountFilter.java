package mx.ine.redes.accounts.service;

import mx.ine.redes.accounts.AccountKind;
import mx.ine.redes.accounts.AccountStatus;
import mx.ine.redes.accounts.AreaLevel;
import mx.ine.redes.accounts.Network;

/** The filters of the account lists (domain.md §8); {@code null} means "any". */
public record AccountFilter(
        Network network,
        String areaCode,
        boolean includeSubtree,
        AreaLevel level,
        Integer state,
        AccountStatus status,
        Boolean dormant,
        Boolean notLocated,
        Boolean withoutAdministrator,
        Boolean possibleHijack,
        AccountKind kind,
        String q) {

    public static AccountFilter none() {
        return new AccountFilter(null, null, true, null, null, null, null, null, null, null, null, null);
    }
}
