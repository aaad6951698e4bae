package mx.ine.redes.accounts.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import mx.ine.redes.accounts.Account;
import mx.ine.redes.accounts.config.RegistryConfig;

/**
 * Dormancy (domain.md §2): more than {@code registry.dormancy.threshold-days} days without a
 * publication. An account whose last publication is unknown counts from its registration, so a
 * new account is never dormant on its first day and an old silent one is not missed.
 */
@ApplicationScoped
public class DormancyPolicy {

    @Inject
    RegistryConfig config;

    public LocalDate lastSignOfLife(Account account) {
        return account.lastPublicationOn != null ? account.lastPublicationOn : account.registeredOn;
    }

    public long daysWithoutPublication(Account account, LocalDate today) {
        return Math.max(0, ChronoUnit.DAYS.between(lastSignOfLife(account), today));
    }

    public boolean isDormant(Account account, LocalDate today) {
        return daysWithoutPublication(account, today) > config.dormancy().thresholdDays();
    }

    /** Accounts whose last sign of life is before this day are dormant today. */
    public LocalDate dormantIfSilentBefore(LocalDate today) {
        return today.minusDays(config.dormancy().thresholdDays());
    }
}
