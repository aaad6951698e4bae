package mx.ine.redes.accounts.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import mx.ine.redes.accounts.Account;
import mx.ine.redes.accounts.AccountAct;
import mx.ine.redes.accounts.AccountAdministrator;
import mx.ine.redes.accounts.AccountStatus;
import mx.ine.redes.accounts.Area;
import mx.ine.redes.accounts.BajaProposal;
import mx.ine.redes.accounts.Person;
import mx.ine.redes.accounts.address.AccountAddress;
import mx.ine.redes.accounts.address.AccountAddressParser;
import mx.ine.redes.accounts.mapping.RegistryMapper;
import mx.ine.redes.accounts.rest.AccountPatch;
import mx.ine.redes.accounts.rest.AccountRequest;
import mx.ine.redes.accounts.rest.DecommissionRequest;
import mx.ine.redes.accounts.rest.HijackClearanceRequest;
import mx.ine.redes.accounts.rest.PermanenceRequest;
import mx.ine.redes.events.PermanenceRecorded;
import mx.ine.redes.events.AccountDecommissioned;
import mx.ine.redes.events.AccountFlaggedDormant;
import mx.ine.redes.events.AccountRegistered;
import mx.ine.redes.events.AccountUpdated;
import mx.ine.redes.events.AdministratorAssigned;
import mx.ine.redes.events.BajaProposed;
import mx.ine.redes.support.outbox.EventPublisher;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.ProblemException.Violation;
import mx.ine.redes.support.problem.Text;

/**
 * The registry's changes. Each one writes the account, its history row and its event in one
 * transaction; nothing is ever deleted.
 */
@ApplicationScoped
@Transactional
public class AccountService {

    /** Registration and publication dates are the Institute's calendar dates. */
    public static final ZoneId INSTITUTE_ZONE = ZoneId.of("America/Mexico_City");

    @Inject
    Clock clock;

    @Inject
    EventPublisher events;

    @Inject
    AccountHistory history;

    @Inject
    DormancyPolicy dormancy;

    /** What a registration did: most create an account, some recognise one already registered. */
    public enum Outcome {
        /** A new account. */
        REGISTERED,
        /** The same account, registered again with the same data: nothing changed (an idempotent repeat). */
        ALREADY_REGISTERED,
        /** The platform id is known under another handle: the account changed its handle. */
        HANDLE_CHANGED,
        /** The handle is known with another platform id: the existing account is flagged, nothing registered. */
        POSSIBLE_HIJACK
    }

    public record Registration(Account account, Outcome outcome) {
    }

    /**
     * Registers an account, or recognises it (domain.md §2, identity integrity): the same platform
     * id under a new handle is the same account, whose handle is updated; a known handle with a
     * different platform id is flagged as a possible hijack. Both are recorded and announced. The
     * same platform id with another area, kind or name is refused naming what differs (the
     * registration would otherwise drop them silently); an identical repeat changes nothing.
     */
    public Registration register(AccountRequest request, String actor) {
        AccountAddress address = addressOf(request);
        String platformId = blankToNull(request.platformAccountId());
        List<Person> administrators = administratorsNamed(request.administratorEmails());
        Area area = Area.findByCode(request.areaCode()).orElseThrow(() -> ProblemException.invalid("areaCode",
                Text.of("No existe el área " + request.areaCode() + ".", "There is no area " + request.areaCode() + ".")));
        if (request.lastPublicationOn() != null && request.lastPublicationOn().isAfter(today())) {
            throw ProblemException.invalid("lastPublicationOn", Text.of("La fecha de última publicación ("
                    + request.lastPublicationOn() + ") no puede ser futura.", "The last publication date ("
                    + request.lastPublicationOn() + ") cannot be in the future."));
        }
        // An area change announces the accounts it can see; one registered meanwhile must carry its values.
        Area.lockChain(area);

        Optional<Account> sameHandle = Account.findLive(address.network(), address.handle());
        if (sameHandle.isPresent()) {
            Account existing = sameHandle.get();
            if (platformId != null && existing.platformAccountId != null && !existing.platformAccountId.equals(platformId)) {
                if (!existing.possibleHijack) {
                    lock(existing);
                    var before = AccountHistory.stateOf(existing);
                    existing.possibleHijack = true;
                    history.record(existing, "POSSIBLE_HIJACK", actor, before, AccountHistory.stateOf(existing));
                    announceUpdate(existing, List.of("possibleHijack"));
                }
                return new Registration(existing, Outcome.POSSIBLE_HIJACK);
            }
            if (platformId != null && platformId.equals(existing.platformAccountId)) {
                refuseDifferences(existing, request, area);
                return new Registration(existing, Outcome.ALREADY_REGISTERED);
            }
            throw ProblemException.conflict(Text.of("La cuenta " + address.network() + " " + address.handle()
                            + " ya está registrada (id " + existing.id + ").",
                    "The account " + address.network() + " " + address.handle() + " is already registered (id "
                            + existing.id + ")."),
                    List.of(Violation.field(request.url() != null ? "url" : "handle", Text.of("Ya registrada: " + existing.id + ".",
                            "Already registered: " + existing.id + "."))));
        }
        if (platformId != null) {
            Optional<Account> sameIdentity = Account.find("network = ?1 and platformAccountId = ?2 and status <> ?3",
                    address.network(), platformId, AccountStatus.DECOMMISSIONED).firstResultOptional();
            if (sameIdentity.isPresent()) {
                Account renamed = sameIdentity.get();
                refuseDifferences(renamed, request, area);
                lock(renamed);
                var before = AccountHistory.stateOf(renamed);
                renamed.handle = address.handle();
                renamed.url = address.canonicalUrl();
                renamed.searchText = SearchText.of(renamed);
                history.record(renamed, "HANDLE_CHANGED", actor, before, AccountHistory.stateOf(renamed));
                announceUpdate(renamed, List.of("handle", "url"));
                return new Registration(renamed, Outcome.HANDLE_CHANGED);
            }
        }

        Account account = new Account();
        account.id = UUID.randomUUID();
        account.network = address.network();
        account.handle = address.handle();
        account.url = address.canonicalUrl();
        account.displayName = request.displayName().strip();
        account.kind = request.kind();
        account.status = AccountStatus.ACTIVE;
        account.area = area;
        account.platformAccountId = platformId;
        account.lastPublicationOn = request.lastPublicationOn();
        account.createdAt = clock.instant();
        account.registeredOn = LocalDate.ofInstant(account.createdAt, INSTITUTE_ZONE);
        account.searchText = SearchText.of(account);
        account.persist();
        for (Person person : administrators) {
            assign(account, person, actor);
        }
        history.record(account, "REGISTERED", actor, null, AccountHistory.stateOf(account));
        events.publish(new AccountRegistered(RegistryMapper.toSnapshot(account, AccountHistory.activeAdministratorEmails(account))));
        return new Registration(account, Outcome.REGISTERED);
    }

    /**
     * A registration that recognises an account by its platform id must describe it as registered:
     * another area, kind or display name is a change, which goes through {@code PATCH}, not a
     * registration that would drop it silently.
     */
    private static void refuseDifferences(Account existing, AccountRequest request, Area area) {
        List<Violation> differing = new ArrayList<>();
        if (!existing.area.id.equals(area.id)) {
            differing.add(Violation.field("areaCode", Text.of("Registrada en " + existing.area.code + ", no en " + area.code + ".",
                    "Registered in " + existing.area.code + ", not in " + area.code + ".")));
        }
        if (existing.kind != request.kind()) {
            differing.add(Violation.field("kind", Text.of("Registrada como " + existing.kind + ", no como " + request.kind() + ".",
                    "Registered as " + existing.kind + ", not as " + request.kind() + ".")));
        }
        if (!existing.displayName.equals(request.displayName().strip())) {
            differing.add(Violation.field("displayName", Text.of("Registrada con el nombre «" + existing.displayName + "».",
                    "Registered with the name \"" + existing.displayName + "\".")));
        }
        if (!differing.isEmpty()) {
            throw ProblemException.conflict(Text.of("El identificador de plataforma " + existing.platformAccountId
                            + " ya es de la cuenta " + existing.id + ", con otros datos; corríjalos con PATCH /api/accounts/"
                            + existing.id + " en lugar de registrarla de nuevo.",
                    "Platform id " + existing.platformAccountId + " already belongs to account " + existing.id
                            + ", with other data; correct them with PATCH /api/accounts/" + existing.id
                            + " instead of registering it again."), differing);
        }
    }

    public Account update(UUID id, AccountPatch patch, String actor) {
        Area newArea = null;
        if (patch.areaCode() != null) {
            newArea = Area.findByCode(patch.areaCode()).orElseThrow(() -> ProblemException.invalid("areaCode",
                    Text.of("No existe el área " + patch.areaCode() + ".", "There is no area " + patch.areaCode() + ".")));
        }
        Account account = live(id, newArea);
        var before = AccountHistory.stateOf(account);
        List<String> changed = new ArrayList<>();
        if (patch.displayName() != null && !patch.displayName().strip().equals(account.displayName)) {
            account.displayName = patch.displayName().strip();
            changed.add("displayName");
        }
        if (patch.kind() != null && patch.kind() != account.kind) {
            account.kind = patch.kind();
            changed.add("kind");
        }
        if (newArea != null && !newArea.id.equals(account.area.id)) {
            account.area = newArea;
            changed.add("areaCode");
        }
        if (patch.platformAccountId() != null && !patch.platformAccountId().equals(account.platformAccountId)) {
            Optional<Account> holder = Account.find("network = ?1 and platformAccountId = ?2 and status <> ?3 and id <> ?4",
                    account.network, patch.platformAccountId(), AccountStatus.DECOMMISSIONED, account.id).firstResultOptional();
            if (holder.isPresent()) {
                Text text = Text.of("El identificador de plataforma " + patch.platformAccountId() + " ya pertenece a la cuenta "
                        + holder.get().id + ".", "Platform id " + patch.platformAccountId() + " already belongs to account "
                        + holder.get().id + ".");
                throw ProblemException.conflict(text, List.of(Violation.field("platformAccountId", text)));
            }
            account.platformAccountId = patch.platformAccountId();
            changed.add("platformAccountId");
        }
        if (patch.lastPublicationOn() != null && !patch.lastPublicationOn().equals(account.lastPublicationOn)) {
            if (patch.lastPublicationOn().isAfter(today())) {
                throw ProblemException.invalid("lastPublicationOn", Text.of("La fecha de última publicación ("
                        + patch.lastPublicationOn() + ") no puede ser futura.", "The last publication date ("
                        + patch.lastPublicationOn() + ") cannot be in the future."));
            }
            account.lastPublicationOn = patch.lastPublicationOn();
            changed.add("lastPublicationOn");
            if (account.dormant && !dormancy.isDormant(account, today())) {
                account.dormant = false;
                account.dormantFlaggedOn = null;
                changed.add("dormant");
            }
        }
        boolean newlyNotLocated = false;
        if (patch.notLocated() != null && patch.notLocated() != account.notLocated) {
            account.notLocated = patch.notLocated();
            newlyNotLocated = account.notLocated;
            changed.add("notLocated");
        }
        if (changed.isEmpty()) {
            return account;
        }
        account.searchText = SearchText.of(account);
        history.record(account, "UPDATED", actor, before, AccountHistory.stateOf(account));
        announceUpdate(account, changed);
        if (newlyNotLocated) {
            // Not located is proposed for baja at once, like a dormant account (domain.md §2).
            events.publish(new AccountFlaggedDormant(account.id, account.area.code, account.lastPublicationOn,
                    dormancy.daysWithoutPublication(account, today()), true));
        }
        return account;
    }

    public Account decommission(UUID id, DecommissionRequest request, String actor) {
        Account account = Account.<Account>findByIdOptional(id).orElseThrow(() -> notFound(id));
        Area.lockChain(account.area);
        lock(account);
        if (account.status == AccountStatus.DECOMMISSIONED) {
            throw ProblemException.conflict(Text.of("La cuenta " + id + " ya fue dada de baja el " + account.decommissionedOn + ".",
                    "Account " + id + " was already decommissioned on " + account.decommissionedOn + "."));
        }
        // A baja may be recorded late (the registry is loaded from older inventories) but never ahead,
        // nor before the account was registered.
        requirePastFact(account, "decommissionedOn", request.decommissionedOn(), "La fecha de baja", "The decommission date");
        BajaProposal proposal = request.bajaProposalId() == null ? null : proposalFor(account, request.bajaProposalId());
        var before = AccountHistory.stateOf(account);
        account.status = AccountStatus.DECOMMISSIONED;
        account.decommissionedOn = request.decommissionedOn();
        account.decommissionReason = request.reason().strip();
        account.decommissionObservations = blankToNull(request.observations());
        AccountAct act = recordAct(account, AccountAct.Kind.DECOMMISSION, request.decommissionedOn(), request.reason(),
                request.observations(), actor);
        var after = AccountHistory.stateOf(account);
        if (proposal != null) {
            account.decommissionBajaProposalId = proposal.id;
            act.bajaProposalId = proposal.id;
            act.citation = proposal.citation();
            after.put("bajaProposalId", proposal.id.toString());
            after.put("bajaProposal", proposal.citation());
        }
        history.record(account, "DECOMMISSIONED", actor, before, after);
        events.publish(new AccountDecommissioned(account.id, account.network.name(), account.handle, account.area.code,
                account.decommissionedOn, account.decommissionReason, account.decommissionObservations,
                account.decommissionBajaProposalId));
        return account;
    }

    /**
     * The evaluation's proposed baja a baja cites: one received from the evaluation's topic, for this
     * same account. A proposal not received yet (the evaluation's event may still be on its way) or
     * of another account is the client's mistake, named as such.
     */
    private static BajaProposal proposalFor(Account account, UUID proposalId) {
        BajaProposal proposal = BajaProposal.findById(proposalId);
        if (proposal == null) {
            throw ProblemException.unprocessable(Text.of("No se conoce la propuesta de baja " + proposalId + ".",
                    "Baja proposal " + proposalId + " is not known."), List.of(Violation.field("bajaProposalId",
                    Text.of("No se ha recibido de la evaluación una propuesta de baja con este identificador.",
                            "No baja proposal with this id has been received from the evaluation."))));
        }
        if (!proposal.accountId.equals(account.id)) {
            throw ProblemException.unprocessable(Text.of("La propuesta de baja " + proposalId + " es de otra cuenta.",
                    "Baja proposal " + proposalId + " is for another account."), List.of(Violation.field("bajaProposalId",
                    Text.of("La propuesta es de la cuenta " + proposal.accountId + ", no de esta.",
                            "The proposal is for account " + proposal.accountId + ", not this one."))));
        }
        return proposal;
    }

    /**
     * Keeps a baja the evaluation proposed ({@code BajaProposed}), so that a baja act may cite it. A
     * proposal already kept (the same event twice) is left as it is.
     */
    public void recordBajaProposal(BajaProposed proposed) {
        if (BajaProposal.findById(proposed.proposalId()) != null) {
            return;
        }
        BajaProposal proposal = new BajaProposal();
        proposal.id = proposed.proposalId();
        proposal.accountId = proposed.accountId();
        proposal.cycleId = proposed.cycleId();
        proposal.evaluationId = proposed.evaluationId();
        proposal.grounds = proposed.grounds();
        proposal.overallScore = proposed.overallScore();
        proposal.proposedAt = proposed.proposedAt() == null ? clock.instant() : proposed.proposedAt();
        proposal.receivedAt = clock.instant();
        proposal.persist();
    }

    public AccountAct recordPermanence(UUID id, PermanenceRequest request, String actor) {
        Account account = live(id, null);
        if (request.decidedOn().isAfter(today())) {
            throw ProblemException.invalid("decidedOn", Text.of("La fecha de la decisión (" + request.decidedOn()
                    + ") no puede ser futura.", "The decision date (" + request.decidedOn() + ") cannot be in the future."));
        }
        AccountAct act = recordAct(account, AccountAct.Kind.PERMANENCE, request.decidedOn(), request.reason(),
                request.observations(), actor);
        history.record(account, "PERMANENCE", actor, null, Map.of("decidedOn", request.decidedOn().toString(),
                "reason", request.reason().strip()));
        events.publish(new PermanenceRecorded(account.id, act.id, act.decidedOn, act.reason, act.observations));
        return act;
    }

    /**
     * CNCS's finding that a flagged possible hijack is not one: the flag is cleared by a recorded act
     * with its justification (in the account's acts and history) and announced; the platform id may be
     * corrected in the same act.
     */
    public AccountAct clearPossibleHijack(UUID id, HijackClearanceRequest request, String actor) {
        Account account = live(id, null);
        if (!account.possibleHijack) {
            throw ProblemException.conflict(Text.of("La cuenta " + id + " no está marcada como posible suplantación.",
                    "Account " + id + " is not flagged as a possible hijack."));
        }
        List<String> changed = new ArrayList<>(List.of("possibleHijack"));
        String platformId = blankToNull(request.platformAccountId());
        if (platformId != null && !platformId.equals(account.platformAccountId)) {
            Optional<Account> holder = Account.find("network = ?1 and platformAccountId = ?2 and status <> ?3 and id <> ?4",
                    account.network, platformId, AccountStatus.DECOMMISSIONED, account.id).firstResultOptional();
            if (holder.isPresent()) {
                Text text = Text.of("El identificador de plataforma " + platformId + " ya pertenece a la cuenta "
                        + holder.get().id + ".", "Platform id " + platformId + " already belongs to account " + holder.get().id + ".");
                throw ProblemException.conflict(text, List.of(Violation.field("platformAccountId", text)));
            }
        }
        var before = AccountHistory.stateOf(account);
        account.possibleHijack = false;
        if (platformId != null && !platformId.equals(account.platformAccountId)) {
            account.platformAccountId = platformId;
            changed.add("platformAccountId");
        }
        AccountAct act = recordAct(account, AccountAct.Kind.HIJACK_CLEARANCE, today(), request.justification(), null, actor);
        Map<String, Object> after = new java.util.LinkedHashMap<>(AccountHistory.stateOf(account));
        after.put("justification", request.justification().strip());
        history.record(account, "POSSIBLE_HIJACK_CLEARED", actor, before, after);
        announceUpdate(account, changed);
        return act;
    }

    public Account assignAdministrator(UUID id, String email, String actor) {
        Account account = live(id, null);
        String normalised = StaffEmails.require(email, "email");
        Person person = Person.findByEmail(normalised).orElseThrow(() -> ProblemException.invalid("email",
                Text.of("No hay una persona registrada con el correo " + email + "; regístrela en /api/people.",
                        "No person is registered with the e-mail " + email + "; register them at /api/people.")));
        if (AccountAdministrator.count("account = ?1 and person = ?2 and unassignedAt is null", account, person) > 0) {
            throw ProblemException.conflict(Text.of(person.email + " ya administra la cuenta " + id + ".",
                    person.email + " already administers account " + id + "."));
        }
        var before = AccountHistory.stateOf(account);
        assign(account, person, actor);
        history.record(account, "ADMINISTRATOR_ASSIGNED", actor, before, AccountHistory.stateOf(account));
        announceUpdate(account, List.of("administrators"));
        return account;
    }

    public Account unassignAdministrator(UUID id, UUID personId, String actor) {
        Account account = live(id, null);
        AccountAdministrator assignment = AccountAdministrator.<AccountAdministrator>find(
                        "account = ?1 and person.id = ?2 and unassignedAt is null", account, personId)
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound(Text.of("La persona " + personId + " no administra la cuenta "
                        + id + ".", "Person " + personId + " does not administer account " + id + ".")));
        var before = AccountHistory.stateOf(account);
        assignment.unassignedAt = clock.instant();
        assignment.unassignedBy = actor;
        history.record(account, "ADMINISTRATOR_UNASSIGNED", actor, before, AccountHistory.stateOf(account));
        announceUpdate(account, List.of("administrators"));
        return account;
    }

    /**
     * A publication date reported by a submission: it only moves forward, and it clears a
     * dormancy flag that no longer holds.
     */
    public void recordPublication(UUID id, LocalDate publishedOn) {
        Optional<Account> found = Account.findByIdOptional(id);
        if (found.isEmpty() || publishedOn == null || publishedOn.isAfter(today())) {
            return;
        }
        Account account = found.get();
        if (account.lastPublicationOn != null && !publishedOn.isAfter(account.lastPublicationOn)) {
            return;
        }
        var before = AccountHistory.stateOf(account);
        List<String> changed = new ArrayList<>(List.of("lastPublicationOn"));
        account.lastPublicationOn = publishedOn;
        if (account.dormant && !dormancy.isDormant(account, today())) {
            account.dormant = false;
            account.dormantFlaggedOn = null;
            changed.add("dormant");
        }
        history.record(account, "PUBLICATION_REPORTED", AccountHistory.SYSTEM, before, AccountHistory.stateOf(account));
        announceUpdate(account, changed);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Account> findById(UUID id) {
        return Account.findByIdOptional(id);
    }

    /**
     * A live account, locked for this change. Locks are taken in the order an area change takes
     * them — the area chain first (shared), then the account (exclusive) — so a change of an account
     * and a change of its area wait for each other instead of deadlocking or failing on the
     * account's version; and the snapshot announced carries the area's committed values.
     */
    private Account live(UUID id, Area alsoLock) {
        Account account = Account.<Account>findByIdOptional(id).orElseThrow(() -> notFound(id));
        Area.lockChain(account.area);
        if (alsoLock != null) {
            Area.lockChain(alsoLock);
        }
        lock(account);
        if (account.status == AccountStatus.DECOMMISSIONED) {
            throw ProblemException.conflict(Text.of("La cuenta " + id + " fue dada de baja el " + account.decommissionedOn
                    + "; no admite cambios.", "Account " + id + " was decommissioned on " + account.decommissionedOn
                    + "; it accepts no changes."));
        }
        return account;
    }

    /** The account's row locked and read again (whoever changed it meanwhile has committed). */
    private static void lock(Account account) {
        Account.getEntityManager().refresh(account, LockModeType.PESSIMISTIC_WRITE);
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound(Text.of("No existe la cuenta " + id + ".", "There is no account " + id + "."));
    }

    /** A fact in the past: not after today, not before the account's registration. */
    private void requirePastFact(Account account, String field, LocalDate date, String whatEs, String whatEn) {
        if (date.isAfter(today())) {
            throw ProblemException.invalid(field, Text.of(whatEs + " (" + date + ") no puede ser futura.",
                    whatEn + " (" + date + ") cannot be in the future."));
        }
        if (date.isBefore(account.registeredOn)) {
            throw ProblemException.invalid(field, Text.of(whatEs + " (" + date + ") no puede ser anterior al registro de la"
                    + " cuenta (" + account.registeredOn + ").", whatEn + " (" + date + ") cannot be before the account's"
                    + " registration (" + account.registeredOn + ")."));
        }
    }

    private void assign(Account account, Person person, String actor) {
        AccountAdministrator assignment = new AccountAdministrator();
        assignment.id = UUID.randomUUID();
        assignment.account = account;
        assignment.person = person;
        assignment.assignedAt = clock.instant();
        assignment.assignedBy = actor;
        assignment.persist();
        events.publish(new AdministratorAssigned(account.id, person.id, person.name, person.email, account.area.code));
    }

    private AccountAct recordAct(Account account, AccountAct.Kind kind, LocalDate decidedOn, String reason,
                                 String observations, String actor) {
        AccountAct act = new AccountAct();
        act.id = UUID.randomUUID();
        act.account = account;
        act.kind = kind;
        act.decidedOn = decidedOn;
        act.reason = reason.strip();
        act.observations = blankToNull(observations);
        act.recordedBy = actor;
        act.recordedAt = clock.instant();
        act.persist();
        return act;
    }

    private void announceUpdate(Account account, List<String> changedFields) {
        events.publish(new AccountUpdated(RegistryMapper.toSnapshot(account,
                AccountHistory.activeAdministratorEmails(account)), changedFields));
    }

    private static AccountAddress addressOf(AccountRequest request) {
        boolean byUrl = request.url() != null && !request.url().isBlank();
        boolean byHandle = request.handle() != null && !request.handle().isBlank();
        if (byUrl == byHandle) {
            Text either = Text.of("Indique url, o network y handle.", "Give url, or network and handle.");
            throw ProblemException.invalid(Text.of("Indique la dirección (url) o la red y el usuario (network, handle), no ambas.",
                    "Give the address (url) or the network and handle, not both."),
                    List.of(Violation.field("url", either), Violation.field("handle", either)));
        }
        if (byUrl) {
            AccountAddress parsed = AccountAddressParser.parse(request.url());
            if (request.network() != null && request.network() != parsed.network()) {
                throw ProblemException.invalid("network", Text.of("La dirección es de " + parsed.network() + ", no de "
                        + request.network() + ".", "The address is on " + parsed.network() + ", not on " + request.network() + "."));
            }
            return parsed;
        }
        if (request.network() == null) {
            throw ProblemException.invalid("network", Text.of("Indique la red de la cuenta.", "Give the account's network."));
        }
        return AccountAddressParser.of(request.network(), request.handle());
    }

    private static List<Person> administratorsNamed(List<String> emails) {
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < emails.size(); i++) {
            String field = "administratorEmails[" + i + "]";
            String email = StaffEmails.require(emails.get(i), field);
            Person person = Person.findByEmail(email).orElseThrow(() -> ProblemException.invalid(field,
                    Text.of("No hay una persona registrada con el correo " + email + "; regístrela en /api/people.",
                            "No person is registered with the e-mail " + email + "; register them at /api/people.")));
            if (people.stream().noneMatch(known -> Objects.equals(known.id, person.id))) {
                people.add(person);
            }
        }
        return people;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), INSTITUTE_ZONE);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
