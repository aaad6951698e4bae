package mx.ine.redes.reporting.mapping;

import java.util.Arrays;
import java.util.List;
import mx.ine.redes.reporting.InventoryAccount;
import mx.ine.redes.reporting.rest.OpenDataLevel;
import mx.ine.redes.reporting.rest.OpenDataStatus;
import mx.ine.redes.reporting.rest.PublicAccountResponse;

/** The inventory as the public sees it: the only place that decides which of its columns are published. */
public final class OpenDataMapper {

    /** The CSV's header row: the JSON's field names, in the same order. */
    public static final List<String> CSV_COLUMNS = Arrays.stream(PublicAccountResponse.class.getRecordComponents())
            .map(component -> component.getName()).toList();

    private OpenDataMapper() {
    }

    public static PublicAccountResponse toPublic(InventoryAccount account) {
        return new PublicAccountResponse(account.accountId, account.network, account.handle, account.url, account.displayName,
                account.areaCode, account.areaName, account.areaLevel, OpenDataLevel.labelOf(account.areaLevel), account.state,
                account.status, OpenDataStatus.labelOf(account.status), account.registeredOn, account.decommissionedOn);
    }

    /** One CSV row, the columns of {@link #CSV_COLUMNS}. */
    public static List<Object> csvRow(PublicAccountResponse account) {
        return Arrays.<Object>asList(account.id(), account.network(), account.handle(), account.url(), account.displayName(),
                account.areaCode(), account.areaName(), account.level(), account.levelLabel(), account.state(), account.status(),
                account.statusLabel(), account.registeredOn(), account.decommissionedOn());
    }
}
