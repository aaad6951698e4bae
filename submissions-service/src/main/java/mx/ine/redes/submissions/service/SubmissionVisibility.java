package mx.ine.redes.submissions.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import mx.ine.redes.submissions.SubmittingAccount;
import mx.ine.redes.support.registry.AreaSubtreeVisibility;
import mx.ine.redes.support.registry.AreaSubtreeVisibility.Restriction;
import mx.ine.redes.support.security.Caller;
import mx.ine.redes.support.security.Roles;

/**
 * Who sees what in submissions (api-conventions "Who sees what"), deny by default, from the
 * registry as it is now ({@code submitting_account}): {@code cncs}, {@code committee} and
 * {@code integration} read every request and submission; an area head those of their area and the
 * areas below; an administrator those of the accounts they administer now. Every read path
 * (requests, submissions, versions, evidence, export) goes through {@link #reads(String)}; what is
 * outside it is "not found". Only an account's current administrators submit for it; CNCS enters a
 * submission on their behalf (Art. 9).
 */
@ApplicationScoped
public class SubmissionVisibility {

    private static final AreaSubtreeVisibility SUBTREE = new AreaSubtreeVisibility("submitting_account");

    @Inject
    Caller caller;

    @Inject
    jakarta.persistence.EntityManager entityManager;

    /** Whether the caller may read the account's requests and submissions. */
    public boolean canRead(java.util.UUID accountId) {
        Restriction restriction = reads("s.account_id");
        var query = entityManager.createNativeQuery("select count(*) from submitting_account s where s.account_id = :account and "
                + restriction.sql());
        query.setParameter("account", accountId);
        restriction.parameters().forEach(query::setParameter);
        return ((Number) query.getSingleResult()).longValue() > 0;
    }

    /**
     * {@link #canRead(java.util.UUID)} for an account row already loaded: its administrators and the
     * roles that read everything are answered from the row without another query (the intake's case).
     */
    public boolean canRead(SubmittingAccount account) {
        return administers(account) || reads("s.account_id").isAll() || canRead(account.accountId);
    }

    public Restriction reads(String accountIdColumn) {
        if (caller.hasRole(Roles.CNCS) || caller.hasRole(Roles.COMMITTEE) || caller.hasRole(Roles.INTEGRATION)) {
            return Restriction.all();
        }
        return SUBTREE.answeredFor(caller, accountIdColumn);
    }

    /** Whether the caller administers the account now (and so submits as its administrator). */
    public boolean administers(SubmittingAccount account) {
        String email = caller.email();
        return caller.hasRole(Roles.ACCOUNT_ADMIN) && !email.isEmpty() && account.administratorEmails.contains(email);
    }

    public boolean entersOnBehalf() {
        return caller.hasRole(Roles.CNCS);
    }

    public String email() {
        return caller.email();
    }
}
