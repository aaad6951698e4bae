package mx.ine.redes.accounts.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import mx.ine.redes.accounts.AccountKind;
import mx.ine.redes.accounts.AccountStatus;
import mx.ine.redes.accounts.AreaLevel;
import mx.ine.redes.accounts.Network;
import mx.ine.redes.accounts.service.AccountFilter;

/** The filters of the account lists and exports, as query parameters. */
public class AccountFilterParams {

    @QueryParam("network")
    String network;

    @QueryParam("area")
    String area;

    @QueryParam("includeSubtree")
    @DefaultValue("true")
    boolean includeSubtree;

    @QueryParam("level")
    String level;

    @QueryParam("state")
    @Min(1)
    @Max(32)
    Integer state;

    @QueryParam("status")
    String status;

    @QueryParam("dormant")
    Boolean dormant;

    @QueryParam("notLocated")
    Boolean notLocated;

    @QueryParam("withoutAdministrator")
    Boolean withoutAdministrator;

    @QueryParam("possibleHijack")
    Boolean possibleHijack;

    @QueryParam("kind")
    String kind;

    @QueryParam("q")
    String q;

    AccountFilter toFilter() {
        return new AccountFilter(QueryValues.of(Network.class, "network", network), area, includeSubtree,
                QueryValues.of(AreaLevel.class, "level", level), state, QueryValues.of(AccountStatus.class, "status", status),
                dormant, notLocated, withoutAdministrator, possibleHijack, QueryValues.of(AccountKind.class, "kind", kind), q);
    }
}
