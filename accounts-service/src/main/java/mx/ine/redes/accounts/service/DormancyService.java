package mx.ine.redes.accounts.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.UUID;
import mx.ine.redes.accounts.config.RegistryConfig;
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

    @Inject
    RegistryConfig config;

    @Scheduled(identity = "dormancy-review", cron = "${registry.dormancy.cron:0 30 6 * * ?}",
            timeZone = "America/Mexico_City", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        int flagged = flagDormantAccounts();
        LOG.infof("Revisión de inactividad: %d cuentas marcadas como inactivas", flagged);
    }

    /**
     * Flags every live account silent for more than the threshold that is not flagged yet, in chunks
     * of {@code registry.bulk.chunk-size} accounts (read by id, locked, written with their history in
     * one flush, let go of, then announced), so the work and the memory per chunk stay the same
     * however many accounts fall silent on one day. One transaction: all or nothing.
     */
    @Transactional
    public int flagDormantAccounts() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), AccountService.INSTITUTE_ZONE);
        EntityManager entityManager = Account.getEntityManager();
        int chunk = Math.max(1, config.bulk().chunkSize());
        int flagged = 0;
        UUID after = new UUID(0, 0); // the smallest uuid in PostgreSQL's (unsigned) order
        while (true) {
            // FOR UPDATE: a concurrent run waits, then finds these accounts flagged already.
            List<Account> silent = entityManager.createQuery("""
                            select a from Account a join fetch a.area
                            where a.status = :active and a.dormant = false
                              and coalesce(a.lastPublicationOn, a.registeredOn) < :silentBefore
                              and a.id > :after
                            order by a.id""", Account.class)
                    .setParameter("active", AccountStatus.ACTIVE)
                    .setParameter("silentBefore", policy.dormantIfSilentBefore(today))
                    .setParameter("after", after)
                    .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                    .setMaxResults(chunk)
                    .getResultList();
            if (silent.isEmpty()) {
                return flagged;
            }
            List<AccountFlaggedDormant> flags = new ArrayList<>(silent.size());
            for (Account account : silent) {
                var before = AccountHistory.stateOf(account);
                account.dormant = true;
                account.dormantFlaggedOn = today;
                history.record(account, "FLAGGED_DORMANT", AccountHistory.SYSTEM, before, AccountHistory.stateOf(account));
                flags.add(new AccountFlaggedDormant(account.id, account.area.code, account.lastPublicationOn,
                        policy.daysWithoutPublication(account, today), account.notLocated));
            }
            entityManager.flush();
            entityManager.clear();
            events.publishAll(flags);
            flagged += silent.size();
            after = silent.get(silent.size() - 1).id;
        }
    }
}
