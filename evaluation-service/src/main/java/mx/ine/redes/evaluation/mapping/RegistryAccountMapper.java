package mx.ine.redes.evaluation.mapping;

import mx.ine.redes.evaluation.ReviewedAccount;
import mx.ine.redes.evaluation.rest.RegistryAccountResponse;

public final class RegistryAccountMapper {

    private RegistryAccountMapper() {
    }

    public static RegistryAccountResponse toResponse(ReviewedAccount account) {
        return new RegistryAccountResponse(account.accountId, account.network, account.handle, account.areaCode,
                account.areaLevel, account.state, account.district, account.headEmail, account.administratorEmails,
                account.status, account.lastPublicationOn, account.liaisonName, account.liaisonEmail);
    }
}
