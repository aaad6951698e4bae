package mx.ine.redes.submissions.service;

import jakarta.enterprise.context.ApplicationScoped;
import mx.ine.redes.events.AccountSnapshot;
import mx.ine.redes.submissions.SubmittingAccount;
import mx.ine.redes.support.registry.RegistryEventsProjection;

/** Keeps {@link SubmittingAccount} in step with the registry. */
@ApplicationScoped
public class RegistryProjection extends RegistryEventsProjection<SubmittingAccount> {

    public RegistryProjection() {
        super(SubmittingAccount.class);
    }

    @Override
    protected String consumerName() {
        return "submissions-registry";
    }

    @Override
    protected SubmittingAccount newAccount() {
        return new SubmittingAccount();
    }

    @Override
    protected void copyOwnFields(AccountSnapshot snapshot, SubmittingAccount account) {
        account.displayName = snapshot.displayName();
    }

    @Override
    protected String pageOrder() {
        return "network, handle";
    }
}
