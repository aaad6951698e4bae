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
import mx.ine.redes.support.paging.Page;
import mx.ine.redes.support.paging.PageRequest;
import org.jboss.logging.Logger;

/**
 * A service's own projection of the registry, fed by accounts-service's events: each event is
 * applied once (inbox) in one transaction with its effect. The common part of every projection
 * ({@link ProjectedAccount}) is kept here; a service says only what else it keeps. Events are
 * ordered by their envelope sequence: an event older than the account's state is never applied.
 *
 * @param <A> the service's projection entity
 */
@Transactional
public abstract class RegistryEventsProjection<A extends ProjectedAccount> {

    private static final Logger LOG = Logger.getLogger(RegistryEventsProjection.class);

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

    /** Applies one record of {@code ine.accounts.events}; a malformed one throws (the consumer parks it in its dead-letter store). */
    public void apply(String record) {
        inbox.applyOnce(consumerName(), record, this::dispatch);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<A> find(UUID accountId) {
        return Optional.ofNullable(entityManager.find(entityType, accountId));
    }

    /** One page in {@link #pageOrder()}, then account id: a page past the end is empty, never an overflow. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<A> page(PageRequest request) {
        long total = entityManager.createQuery("select count(*) from " + entityType.getSimpleName(), Long.class).getSingleResult();
        return request.of(total, () -> entityManager.createQuery(
                        "from " + entityType.getSimpleName() + " order by " + pageOrder() + ", accountId", entityType)
                .setFirstResult(request.firstResult())
                .setMaxResults(request.size())
                .getResultList());
    }

    private void dispatch(EventEnvelope envelope) {
        switch (envelope.payload()) {
            case AccountRegistered registered -> accountChanged(registered.account(), envelope);
            case AccountUpdated updated -> accountChanged(updated.account(), envelope);
            case AccountDecommissioned decommissioned -> find(decommissioned.accountId())
                    .filter(account -> isNewer(envelope, account))
                    .ifPresent(account -> {
                        account.status = "DECOMMISSIONED";
                        recordDecommission(decommissioned, account);
                        applied(envelope, account);
                    });
            case AdministratorAssigned assigned -> find(assigned.accountId())
                    .filter(account -> isNewer(envelope, account))
                    .ifPresent(account -> {
                        if (!account.administratorEmails.contains(assigned.personEmail())) {
                            List<String> emails = new ArrayList<>(account.administratorEmails);
                            emails.add(assigned.personEmail());
                            account.administratorEmails = emails;
                        }
                        applied(envelope, account);
                    });
            default -> {
                // Dormancy flags and training do not change a registry projection.
            }
        }
    }

    /**
     * Whether the event is newer than what the account already shows. An older or equal one (a late
     * arrival after a newer snapshot, a replay) stays recorded in the inbox as seen and is skipped:
     * snapshots are whole states, so applying it would revert the account. Sequence 0 (records
     * written before sequences existed) carries no order and is applied in arrival order, as then.
     */
    private boolean isNewer(EventEnvelope envelope, A account) {
        if (envelope.sequence() == 0 || envelope.sequence() > account.lastSequence) {
            return true;
        }
        LOG.debugf("%s skipped %s %s of account %s: sequence %d, already at %d", consumerName(), envelope.type(),
                envelope.eventId(), account.accountId, envelope.sequence(), account.lastSequence);
        return false;
    }

    private void applied(EventEnvelope envelope, A account) {
        account.lastSequence = Math.max(account.lastSequence, envelope.sequence());
        account.updatedAt = clock.instant();
    }

    private void accountChanged(AccountSnapshot snapshot, EventEnvelope envelope) {
        Optional<A> known = find(snapshot.accountId());
        if (known.isPresent() && !isNewer(envelope, known.get())) {
            return;
        }
        A account = known.orElseGet(() -> {
            A created = newAccount();
            created.accountId = snapshot.accountId();
            return created;
        });
        account.network = snapshot.network();
        account.handle = snapshot.handle();
        account.areaCode = snapshot.areaCode();
        account.administratorEmails = new ArrayList<>(snapshot.administratorEmails());
        account.status = snapshot.status();
        if (account instanceof AccountInArea inArea) {
            inArea.copyArea(snapshot);
        }
        copyOwnFields(snapshot, account);
        applied(envelope, account);
        account.persist();
    }
}
