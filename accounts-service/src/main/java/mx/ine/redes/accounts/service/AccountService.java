package mx.ine.redes.accounts.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import mx.ine.redes.accounts.Account;
import mx.ine.redes.accounts.AccountStatus;
import mx.ine.redes.accounts.Area;
import mx.ine.redes.accounts.mapping.RegistryMapper;
import mx.ine.redes.accounts.rest.AccountRequest;
import mx.ine.redes.events.AccountRegistered;
import mx.ine.redes.support.outbox.EventPublisher;
import mx.ine.redes.support.problem.ProblemException;

@ApplicationScoped
@Transactional
public class AccountService {

    /** Registration dates are the Institute's calendar dates. */
    private static final ZoneId INSTITUTE_ZONE = ZoneId.of("America/Mexico_City");

    @Inject
    Clock clock;

    @Inject
    EventPublisher events;

    /** Registers the account and, in the same transaction, its {@code AccountRegistered} event. */
    public Account register(AccountRequest request) {
        String handle = normaliseHandle(request.handle());
        Optional<Account> existing = Account.findLive(request.network(), handle);
        if (existing.isPresent()) {
            throw ProblemException.conflict("La cuenta " + request.network() + " @" + handle
                    + " ya está registrada (id " + existing.get().id + ").");
        }
        Area area = Area.findByCode(request.areaCode()).orElseThrow(() ->
                ProblemException.invalid("areaCode", "No existe el área " + request.areaCode() + "."));
        Account account = new Account();
        account.id = UUID.randomUUID();
        account.network = request.network();
        account.handle = handle;
        account.url = request.network().canonicalUrl(handle);
        account.displayName = request.displayName().strip();
        account.kind = request.kind();
        account.status = AccountStatus.ACTIVE;
        account.area = area;
        account.createdAt = clock.instant();
        account.registeredOn = LocalDate.ofInstant(account.createdAt, INSTITUTE_ZONE);
        account.persist();
        events.publish(new AccountRegistered(RegistryMapper.toSnapshot(account, List.of())));
        return account;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Account> findById(UUID id) {
        return Account.findByIdOptional(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Account> page(int index, int size) {
        return Account.find("order by network, handle, id").page(index, size).list();
    }

    static String normaliseHandle(String handle) {
        String trimmed = handle.strip();
        return (trimmed.startsWith("@") ? trimmed.substring(1) : trimmed).toLowerCase(Locale.ROOT);
    }
}
