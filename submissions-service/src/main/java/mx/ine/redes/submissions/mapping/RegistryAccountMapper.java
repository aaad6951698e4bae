package mx.ine.redes.submissions.mapping;

import mx.ine.redes.submissions.SubmittingAccount;
import mx.ine.redes.submissions.rest.RegistryAccountResponse;

public final class RegistryAccountMapper {

    private RegistryAccountMapper() {
    }

    public static RegistryAccountResponse toResponse(SubmittingAccount account) {
        return new RegistryAccountResponse(account.accountId, account.network, account.handle, account.displayName,
                account.areaCode, account.administratorEmails, account.status);
    }
}
