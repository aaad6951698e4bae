package mx.ine.redes.accounts.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import mx.ine.redes.accounts.Account;
import mx.ine.redes.accounts.AccountStatus;
import mx.ine.redes.accounts.Network;
import mx.ine.redes.accounts.address.AccountAddress;
import mx.ine.redes.accounts.address.AccountAddressParser;

/** "Is this an official INE account?" for anybody, from a pasted URL. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PublicVerification {

    public enum Verdict { OFFICIAL, FORMER, UNKNOWN }

    public record Result(Verdict verdict, AccountAddress address, Optional<Account> account) {
    }

    public Result verify(String url) {
        AccountAddress address = AccountAddressParser.parse(url);
        Optional<Account> live = matching(address, "a.status <> :decommissioned");
        if (live.isPresent()) {
            return new Result(Verdict.OFFICIAL, address, live);
        }
        Optional<Account> former = matching(address, "a.status = :decommissioned");
        return former.map(account -> new Result(Verdict.FORMER, address, Optional.of(account)))
                .orElseGet(() -> new Result(Verdict.UNKNOWN, address, Optional.empty()));
    }

    /**
     * By handle, or for a Facebook profile id by the platform id recorded on an account registered
     * under its name: both URLs name the same page. The most recent baja wins among former ones.
     */
    private Optional<Account> matching(AccountAddress address, String statusCondition) {
        String identity = address.network() == Network.FACEBOOK && address.handle().chars().allMatch(Character::isDigit)
                ? "(a.handle = :handle or a.platformAccountId = :handle)" : "a.handle = :handle";
        List<Account> found = Account.getEntityManager().createQuery("select a from Account a join fetch a.area where "
                        + "a.network = :network and " + identity + " and " + statusCondition
                        + " order by a.decommissionedOn desc nulls first, a.id", Account.class)
                .setParameter("network", address.network())
                .setParameter("handle", address.handle())
                .setParameter("decommissioned", AccountStatus.DECOMMISSIONED)
                .setMaxResults(1)
                .getResultList();
        return found.stream().findFirst();
    }
}
