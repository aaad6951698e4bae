package mx.ine.redes.accounts.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import mx.ine.redes.accounts.Account;
import mx.ine.redes.accounts.AccountStatus;
import mx.ine.redes.events.AccountFlaggedDormant;
import mx.ine.redes.support.outbox.EventPublisher;
import org.jboss.logging.Logger;

/**
 * The daily dormancy review: flags each live account silent for too long once (the flag, its
 * history row and {@code AccountFlaggedDormant} commit together), so a rerun on the same day, or a
 * second instance, flags nothing twice.
 */
@ApplicationScoped
public class DormancyService {

    private static final Logger LOG = Logger.getLogger(DormancyService.class);

    @Inject
    Clock clock;

    @Inject
    DormancyPolicy policy;

    @Inject
    AccountHistory history;

    @Inject
    EventPublisher events;

    @Scheduled(identity = "dormancy-review", cron = "${registry.dormancy.cron:0 30 6 * * ?}",
            timeZone = "America/Mexico_City", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        int flagged = flagDormantAccounts();
        LOG.infof("Revisión de inactividad: %d cuentas marcadas como inactivas", flagged);
    }

    /** Flags every live account silent for more than the threshold that is not flagged yet. */
    @Transactional
    public int flagDormantAccounts() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), AccountService.INSTITUTE_ZONE);
        // FOR UPDATE: a concurrent run waits, then finds these accounts flagged already.
        List<Account> silent = Account.getEntityManager().createQuery("""
                        select a from Account a join fetch a.area
                        where a.status = :active and a.dormant = false
                          and coalesce(a.lastPublicationOn, a.registeredOn) < :silentBefore
                        order by a.id""", Account.class)
                .setParameter("active", AccountStatus.ACTIVE)
                .setParameter("silentBefore", policy.dormantIfSilentBefore(today))
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        for (Account account : silent) {
            var before = AccountHistory.stateOf(account);
            account.dormant = true;
            account.dormantFlaggedOn = today;
            history.record(account, "FLAGGED_DORMANT", AccountHistory.SYSTEM, before, AccountHistory.stateOf(account));
            events.publish(new AccountFlaggedDormant(account.id, account.area.code, account.lastPublicationOn,
                    policy.daysWithoutPublication(account, today), account.notLocated));
        }
        return silent.size();
    }
}
