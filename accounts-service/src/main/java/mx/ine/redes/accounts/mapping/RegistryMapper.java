package mx.ine.redes.accounts.mapping;

import java.util.List;
import mx.ine.redes.accounts.Account;
import mx.ine.redes.accounts.AccountAct;
import mx.ine.redes.accounts.AccountChange;
import mx.ine.redes.accounts.Area;
import mx.ine.redes.accounts.AreaChange;
import mx.ine.redes.accounts.rest.AreaChangeResponse;
import mx.ine.redes.accounts.rest.AccountHistoryResponse;
import mx.ine.redes.accounts.rest.AccountResponse;
import mx.ine.redes.accounts.rest.AreaResponse;
import mx.ine.redes.events.AccountSnapshot;
import mx.ine.redes.events.AreaLink;

/** Entities to API records and to event payloads; entities never leave the service. */
public final class RegistryMapper {

    private RegistryMapper() {
    }

    public static AreaResponse toResponse(Area area) {
        return new AreaResponse(area.id, area.code, area.name, area.level, area.state, area.district,
                area.parent == null ? null : area.parent.code, area.headName, area.headEmail, area.liaisonName, area.liaisonEmail);
    }

    public static AccountResponse toResponse(Account account, List<String> administratorEmails) {
        return new AccountResponse(account.id, account.network, account.handle, account.url, account.displayName,
                account.kind, account.status, account.area.code, account.area.name, account.area.level,
                account.platformAccountId, account.registeredOn, account.lastPublicationOn, account.dormant,
                account.notLocated, account.possibleHijack, administratorEmails.isEmpty(), administratorEmails,
                account.decommissionedOn, account.decommissionReason, account.decommissionObservations,
                account.decommissionBajaProposalId);
    }

    public static AccountSnapshot toSnapshot(Account account, List<String> administratorEmails) {
        Area area = account.area;
        return new AccountSnapshot(account.id, account.network.name(), account.handle, account.url,
                account.displayName, account.kind.name(), account.status.name(), area.code, area.name,
                area.level.name(), area.state, area.district, area.headName, area.headEmail,
                administratorEmails, account.registeredOn, account.lastPublicationOn, ancestors(area),
                area.liaisonName, area.liaisonEmail);
    }

    /** The areas above {@code area}, its parent first. */
    static List<AreaLink> ancestors(Area area) {
        List<AreaLink> links = new java.util.ArrayList<>();
        for (Area above = area.parent; above != null && links.size() < 16; above = above.parent) {
            links.add(new AreaLink(above.code, above.name, above.level.name(), above.headName, above.headEmail));
        }
        return links;
    }

    public static AccountHistoryResponse.Change toResponse(AccountChange change) {
        return new AccountHistoryResponse.Change(change.changedAt, change.changedBy, change.change, change.before,
                change.after);
    }

    public static AccountHistoryResponse.Act toResponse(AccountAct act) {
        return new AccountHistoryResponse.Act(act.kind.name(), act.decidedOn, act.reason, act.observations,
                act.bajaProposalId, act.citation, act.recordedBy, act.recordedAt);
    }

    public static AreaChangeResponse toResponse(AreaChange change) {
        return new AreaChangeResponse(change.changedAt, change.changedBy, change.change, change.before, change.after);
    }
}
