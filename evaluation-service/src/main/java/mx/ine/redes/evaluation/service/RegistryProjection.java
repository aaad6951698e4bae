package mx.ine.redes.evaluation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import mx.ine.redes.evaluation.ReviewedAccount;
import mx.ine.redes.events.AccountDecommissioned;
import mx.ine.redes.events.AccountSnapshot;
import mx.ine.redes.support.registry.RegistryEventsProjection;

/** Keeps {@link ReviewedAccount} in step with the registry. */
@ApplicationScoped
public class RegistryProjection extends RegistryEventsProjection<ReviewedAccount> {

    @jakarta.inject.Inject
    mx.ine.redes.evaluation.notification.MailNotifier heldNotices;

    @Inject
    RequestService requests;

    @Inject
    BajaProposals bajaProposals;

    public RegistryProjection() {
        super(ReviewedAccount.class);
    }

    @Override
    protected String consumerName() {
        return "evaluation-registry";
    }

    @Override
    protected ReviewedAccount newAccount() {
        return new ReviewedAccount();
    }

    @Override
    protected void copyOwnFields(AccountSnapshot snapshot, ReviewedAccount account) {
        account.state = snapshot.state();
        account.district = snapshot.district();
        account.lastPublicationOn = snapshot.lastPublicationOn();
        account.liaisonName = snapshot.liaisonName();
        account.liaisonEmail = snapshot.liaisonEmail();
        // Notices waiting for someone to tell (no administrator, no head) may now have someone.
        heldNotices.recipientsMayHaveChanged(snapshot.accountId());
    }

    /** A baja withdraws every request of the account that still stands, in the inbox record's transaction. */
    @Override
    protected void recordDecommission(AccountDecommissioned decommissioned, ReviewedAccount account) {
        requests.withdrawOnDecommission(account.accountId);
        bajaProposals.decideOnDecommission(decommissioned);
    }

    @Override
    protected String pageOrder() {
        return "areaLevel, areaCode, network, handle";
    }
}
