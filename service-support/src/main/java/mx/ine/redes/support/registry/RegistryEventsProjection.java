package mx.ine.redes.support.registry;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import mx.ine.redes.events.AccountDecommissioned;
import mx.ine.redes.events.AccountRegistered;
import mx.ine.redes.events.AccountSnapshot;
import mx.ine.redes.events.AccountUpdated;
import mx.ine.redes.events.AdministratorAssigned;
import mx.ine.redes.events.EventEnvelope;
import mx.ine.redes.support.inbox.Inbox;

/**
 * A service's own projection of the registry, fed by accounts-service's events: each event is
 * applied once (inbox) in one transaction with its effect. The common part of every projection
 * ({@link ProjectedAccount}) is kept here; a service says only what else it keeps.
 *
 * @param <A> the service's projection entity
 */
@Transactional
public abstract class RegistryEventsProjection<A extends ProjectedAccount> {

    @Inject
    Inbox inbox;

    @Inject
    EntityManager entityManager;

    @Inject
    protected Clock clock;

    private final Class<A> entityType;

    protected RegistryEventsProjection(Class<A> entityType) {
        this.entityType = entityType;
    }

    /** The inbox name of this projection, unique within the service. */
    protected abstract String consumerName();

    protected abstract A newAccount();

    /** Copies what this service alone keeps of an account registered or changed. */
    protected abstract void copyOwnFields(AccountSnapshot snapshot, A account);

    /** What this service records of a baja besides the status. */
    protected void recordDecommission(AccountDecommissioned decommissioned, A account) {
    }

    /** The order of {@link #page}, in JPQL over the entity's fields. */
    protected String pageOrder() {
        return "areaCode, network, handle";
    }

    /** Applies one record of {@code ine.accounts.events}; a malformed one throws (dead-letter topic). */
    public void apply(String record) {
        inbox.applyOnce(consumerName(), record, this::dispatch);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<A> find(UUID accountId) {
        return Optional.ofNullable(entityManager.find(entityType, accountId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<A> page(int index, int size) {
        return entityManager.createQuery("from " + entityType.getSimpleName() + " order by " + pageOrder() + ", accountId",
                        entityType)
                .setFirstResult(index * size)
                .setMaxResults(size)
                .getResultList();
    }

    private void dispatch(EventEnvelope envelope) {
        switch (envelope.payload()) {
            case AccountRegistered registered -> accountChanged(registered.account());
            case AccountUpdated updated -> accountChanged(updated.account());
            case AccountDecommissioned decommissioned -> find(decommissioned.accountId()).ifPresent(account -> {
                account.status = "DECOMMISSIONED";
                recordDecommission(decommissioned, account);
                account.updatedAt = clock.instant();
            });
            case AdministratorAssigned assigned -> find(assigned.accountId()).ifPresent(account -> {
                if (!account.administratorEmails.contains(assigned.personEmail())) {
                    List<String> emails = new ArrayList<>(account.administratorEmails);
                    emails.add(assigned.personEmail());
                    account.administratorEmails = emails;
                    account.updatedAt = clock.instant();
                }
            });
            default -> {
                // Dormancy flags and training do not change a registry projection.
            }
        }
    }

    private void accountChanged(AccountSnapshot snapshot) {
        A account = find(snapshot.accountId()).orElseGet(() -> {
            A created = newAccount();
            created.accountId = snapshot.accountId();
            return created;
        });
        account.network = snapshot.network();
        account.handle = snapshot.handle();
        account.areaCode = snapshot.areaCode();
        account.administratorEmails = new ArrayList<>(snapshot.administratorEmails());
        account.status = snapshot.status();
        copyOwnFields(snapshot, account);
        account.updatedAt = clock.instant();
        account.persist();
    }
}
