package mx.ine.redes.accounts.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import mx.ine.redes.accounts.Account;
import mx.ine.redes.accounts.AccountStatus;
import mx.ine.redes.accounts.Area;
import mx.ine.redes.accounts.AreaChange;
import mx.ine.redes.accounts.AreaLevel;
import mx.ine.redes.accounts.config.RegistryConfig;
import mx.ine.redes.accounts.mapping.RegistryMapper;
import mx.ine.redes.accounts.rest.AreaRequest;
import mx.ine.redes.accounts.rest.AreaUpdate;
import mx.ine.redes.events.AccountUpdated;
import mx.ine.redes.support.csv.Csv;
import mx.ine.redes.support.outbox.EventPublisher;
import mx.ine.redes.support.csv.CsvUpload;
import mx.ine.redes.support.paging.Page;
import mx.ine.redes.support.paging.PageRequest;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.ProblemException.Violation;
import mx.ine.redes.support.problem.Text;

/**
 * The Institute's structure (Art. 3 II): central areas, the 32 state boards (LOCAL) and the 300
 * district boards (DISTRICT), each under its parent, each with its head.
 */
@ApplicationScoped
@Transactional
public class AreaService {

    public static final List<String> CSV_COLUMNS =
            List.of("code", "name", "level", "state", "district", "parentCode", "headName", "headEmail");

    @Inject
    Clock clock;

    @Inject
    EventPublisher events;

    @Inject
    AccountHistory history;

    @Inject
    Validator validator;

    @Inject
    EntityManager entityManager;

    @Inject
    AccountSearch accountSearch;

    @Inject
    RegistryConfig config;

    public Area register(AreaRequest request) {
        Area.findByCode(request.code()).ifPresent(existing -> {
            throw ProblemException.conflict(Text.of("Ya existe un área con la clave " + request.code() + ".",
                    "An area with code " + request.code() + " already exists."),
                    List.of(Violation.field("code", Text.of("Ya existe.", "Already exists."))));
        });
        Area parent = null;
        if (request.parentCode() != null) {
            parent = Area.findByCode(request.parentCode()).orElseThrow(() -> ProblemException.invalid("parentCode",
                    Text.of("No existe el área superior " + request.parentCode() + ".",
                            "There is no parent area " + request.parentCode() + ".")));
        }
        List<Violation> wrong = AreaHierarchy.violations(request.level(), request.state(), request.district(),
                parent == null ? null : AreaHierarchy.Seat.of(parent));
        if (!wrong.isEmpty()) {
            throw ProblemException.invalid(Text.of("El área no cabe en la estructura del Instituto.",
                    "The area does not fit the Institute's structure."), wrong);
        }
        seatHolder(request.level(), request.state(), request.district()).ifPresent(holder -> {
            throw AreaHierarchy.seatTaken(request.level(), request.state(), request.district(), holder.code);
        });
        Area area = create(request, parent);
        try {
            // A concurrent registration of the same seat passed the check above too: the unique
            // indexes (V5) decide, and the loser is told what it duplicates, not a 500.
            entityManager.flush();
        } catch (PersistenceException e) {
            if (!UniqueViolation.in(e)) {
                throw e;
            }
            throw AreaHierarchy.seatTaken(request.level(), request.state(), request.district(), null);
        }
        return area;
    }

    private Area create(AreaRequest request, Area parent) {
        Area area = new Area();
        area.id = UUID.randomUUID();
        area.code = request.code();
        area.name = request.name().strip();
        area.level = request.level();
        area.state = request.state();
        area.district = request.district();
        area.headName = request.headName() == null || request.headName().isBlank() ? null : request.headName().strip();
        area.headEmail = request.headEmail() == null ? null : request.headEmail().toLowerCase(Locale.ROOT);
        area.createdAt = clock.instant();
        area.parent = parent;
        area.persist();
        return area;
    }

    /** The area that already holds this seat: the state board of a state, the district board of a state and number. */
    private static Optional<Area> seatHolder(AreaLevel level, Integer state, Integer district) {
        return switch (level) {
            case CENTRAL -> Optional.empty();
            case LOCAL -> Area.find("level = ?1 and state = ?2", AreaLevel.LOCAL, state).firstResultOptional();
            case DISTRICT -> Area.find("level = ?1 and state = ?2 and district = ?3", AreaLevel.DISTRICT, state, district)
                    .firstResultOptional();
        };
    }

    /**
     * Renames, moves or changes (or removes) the head or the liaison of an area. Every account snapshot
     * carries its own area's name, head and liaison and, in {@code ancestors}, the name and head of
     * every area above it; so every live account of this area and of every area below it is
     * announced again, in this transaction (only those of the area itself when just its liaison
     * changed). The area's own history records the act. A request that changes nothing announces
     * and records nothing.
     */
    public Area update(String code, AreaUpdate update, String actor) {
        Area area = Area.findByCode(code).orElseThrow(() -> ProblemException.notFound(
                Text.of("No existe el área " + code + ".", "There is no area " + code + ".")));
        // Changes of one area, and of areas on one branch, are serialised: the row is locked for the
        // change and those above are read under a share lock, so two PATCHes never announce
        // snapshots that each miss the other's change (and concurrent moves cannot make a cycle).
        entityManager.refresh(area, LockModeType.PESSIMISTIC_WRITE);
        Area.lockChain(area.parent);
        if (update.removesHead() && (update.headName() != null || update.headEmail() != null)) {
            throw ProblemException.invalid("removeHead", Text.of("Indique un titular nuevo o removeHead, no ambos.",
                    "Give a new head or removeHead, not both."));
        }
        if (update.removesLiaison() && (update.liaisonName() != null || update.liaisonEmail() != null)) {
            throw ProblemException.invalid("removeLiaison", Text.of("Indique un encargado del tema nuevo o removeLiaison,"
                    + " no ambos.", "Give a new person in charge of the topic or removeLiaison, not both."));
        }
        String liaisonName = update.removesLiaison() ? null
                : update.liaisonName() == null ? area.liaisonName : update.liaisonName().strip();
        String liaisonEmail = update.removesLiaison() ? null
                : update.liaisonEmail() == null ? area.liaisonEmail : update.liaisonEmail().toLowerCase(Locale.ROOT);
        if ((liaisonName == null) != (liaisonEmail == null)) {
            // The liaison is copied on notices by e-mail and named in them: half of one is of no use.
            String missing = liaisonName == null ? "liaisonName" : "liaisonEmail";
            throw ProblemException.invalid(missing, Text.of("El encargado del tema necesita nombre (liaisonName) y correo"
                    + " institucional (liaisonEmail).", "The person in charge of the topic needs a name (liaisonName) and"
                    + " an institutional e-mail (liaisonEmail)."));
        }
        Area parent = area.parent;
        if (update.parentCode() != null) {
            parent = Area.findByCode(update.parentCode()).orElseThrow(() -> ProblemException.invalid("parentCode",
                    Text.of("No existe el área superior " + update.parentCode() + ".",
                            "There is no parent area " + update.parentCode() + ".")));
            Area.lockChain(parent);
            for (Area ancestor = parent; ancestor != null; ancestor = ancestor.parent) {
                if (ancestor.id.equals(area.id)) {
                    throw ProblemException.invalid("parentCode", Text.of("Un área no puede quedar debajo de sí misma.",
                            "An area cannot be placed below itself."));
                }
            }
        }
        List<Violation> wrong = AreaHierarchy.violations(area.level, area.state, area.district,
                parent == null ? null : AreaHierarchy.Seat.of(parent));
        if (!wrong.isEmpty()) {
            throw ProblemException.invalid(Text.of("El área " + code + " no puede quedar debajo de " + update.parentCode() + ".",
                    "Area " + code + " cannot be placed under " + update.parentCode() + "."), wrong);
        }
        Map<String, Object> before = describe(area);
        // Names of snapshot fields (AccountSnapshot), so that a consumer knows what to refresh.
        List<String> changed = new ArrayList<>();
        if (update.name() != null && !update.name().strip().equals(area.name)) {
            area.name = update.name().strip();
            changed.add("areaName");
        }
        // Ids, not references: the current parent may be a lazy proxy of the same row.
        if (!Objects.equals(idOf(parent), idOf(area.parent))) {
            area.parent = parent;
            changed.add("ancestors");
        }
        String headName = update.removesHead() ? null : update.headName() == null ? area.headName : update.headName().strip();
        String headEmail = update.removesHead() ? null
                : update.headEmail() == null ? area.headEmail : update.headEmail().toLowerCase(Locale.ROOT);
        if (!Objects.equals(headName, area.headName)) {
            area.headName = headName;
            changed.add("headName");
        }
        if (!Objects.equals(headEmail, area.headEmail)) {
            area.headEmail = headEmail;
            changed.add("headEmail");
        }
        List<String> changedLiaison = new ArrayList<>();
        if (!Objects.equals(liaisonName, area.liaisonName)) {
            area.liaisonName = liaisonName;
            changedLiaison.add("liaisonName");
        }
        if (!Objects.equals(liaisonEmail, area.liaisonEmail)) {
            area.liaisonEmail = liaisonEmail;
            changedLiaison.add("liaisonEmail");
        }
        if (changed.isEmpty() && changedLiaison.isEmpty()) {
            return area;
        }
        area.updatedAt = clock.instant();
        Map<String, Object> after = describe(area);
        if (!changed.isEmpty()) {
            recordAreaChange(area, "UPDATED", actor, before, after);
        }
        if (!changedLiaison.isEmpty()) {
            recordAreaChange(area, liaisonName == null ? "LIAISON_REMOVED" : "LIAISON_NAMED", actor,
                    liaisonOf(before), liaisonOf(after));
        }
        // The liaison travels only in the snapshots of the area's own accounts (ancestors carry none):
        // a change of it alone is not announced below.
        List<Area> reached = changed.isEmpty() ? List.of(area) : subtreeOf(area);
        List<String> changedOwn = new ArrayList<>(changed);
        changedOwn.addAll(changedLiaison);
        announceSubtree(area, reached, changedOwn, before, after, actor);
        return area;
    }

    private void recordAreaChange(Area area, String change, String actor, Map<String, Object> before,
                                  Map<String, Object> after) {
        AreaChange row = new AreaChange();
        row.id = UUID.randomUUID();
        row.area = area;
        row.changedAt = area.updatedAt;
        row.changedBy = actor;
        row.change = change;
        row.before = before;
        row.after = after;
        row.persist();
    }

    private static Map<String, Object> liaisonOf(Map<String, Object> described) {
        Map<String, Object> liaison = new LinkedHashMap<>();
        liaison.put("liaisonName", described.get("liaisonName"));
        liaison.put("liaisonEmail", described.get("liaisonEmail"));
        return liaison;
    }

    /** The acts on an area itself, oldest first (then by id). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AreaChange> history(Area area, PageRequest paging) {
        long total = AreaChange.count("area", area);
        return paging.of(total, () -> AreaChange.<AreaChange>find("area = ?1 order by changedAt, id", area)
                .range(paging.firstResult(), paging.firstResult() + paging.size() - 1).list());
    }

    /**
     * Announces every live account of {@code subtree} ({@code area} and the areas below it it reaches). The accounts of the
     * area itself see {@code changed} (their own area's fields); those below see only
     * {@code ancestors}. The subtree is read in one recursive query; its live accounts in chunks of
     * {@code registry.bulk.chunk-size} (by id, locked: an account change in progress is waited for,
     * never overwritten), each chunk's administrators in one query, its accounts and history rows
     * written in one flush and let go of before its events are written — so neither the statements
     * nor the memory per account grow with the size of the subtree (a root central area may hold
     * every board of the country).
     */
    private void announceSubtree(Area area, List<Area> subtree, List<String> changed, Map<String, Object> before,
                                 Map<String, Object> after, String actor) {
        List<String> changedBelow = List.of("ancestors");
        int chunk = Math.max(1, config.bulk().chunkSize());
        UUID last = new UUID(0, 0); // the smallest uuid in PostgreSQL's (unsigned) order
        while (true) {
            List<Account> live = entityManager.createQuery("""
                            select a from Account a join fetch a.area
                            where a.area in :areas and a.status <> :decommissioned and a.id > :last
                            order by a.id""", Account.class)
                    .setParameter("areas", subtree)
                    .setParameter("decommissioned", AccountStatus.DECOMMISSIONED)
                    .setParameter("last", last)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .setMaxResults(chunk)
                    .getResultList();
            if (live.isEmpty()) {
                return;
            }
            Map<UUID, List<String>> administrators = accountSearch.administratorsOf(live);
            List<AccountUpdated> updates = new ArrayList<>(live.size());
            List<Object> written = new ArrayList<>(2 * live.size());
            for (Account account : live) {
                boolean own = account.area.id.equals(area.id);
                if (own && changed.contains("areaName")) {
                    account.searchText = SearchText.of(account);
                }
                // The account's history keeps the change of the area (own or above) as the account saw it.
                written.add(history.record(account, own ? "AREA_UPDATED" : "ANCESTOR_AREA_UPDATED", actor, before, after));
                written.add(account);
                updates.add(new AccountUpdated(RegistryMapper.toSnapshot(account,
                        administrators.getOrDefault(account.id, List.of())), own ? changed : changedBelow));
            }
            try {
                entityManager.flush();
            } catch (OptimisticLockException e) {
                throw ProblemException.conflict(Text.of("Una cuenta del área " + area.code + " cambió mientras se aplicaba"
                        + " este cambio; no se cambió nada. Vuelva a intentarlo.", "An account of area " + area.code
                        + " changed while this change was being applied; nothing was changed. Try again."));
            }
            // Only entities this method loaded are let go of; the changed area and those above it stay managed.
            written.forEach(entityManager::detach);
            events.publishAll(updates);
            last = live.get(live.size() - 1).id;
        }
    }

    /** The area and every area below it, loaded in one query. */
    @SuppressWarnings("unchecked")
    private List<Area> subtreeOf(Area area) {
        return entityManager.createNativeQuery("""
                        with recursive subtree(id) as (
                            select cast(:root as uuid)
                            union
                            select child.id from area child join subtree on child.parent_id = subtree.id)
                        select area.* from area join subtree on area.id = subtree.id""", Area.class)
                .setParameter("root", area.id)
                .getResultList();
    }

    /** An area as the history of its accounts records it, before and after a change. */
    private static Map<String, Object> describe(Area area) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("areaCode", area.code);
        state.put("areaName", area.name);
        state.put("parentCode", area.parent == null ? null : area.parent.code);
        state.put("headName", area.headName);
        state.put("headEmail", area.headEmail);
        state.put("liaisonName", area.liaisonName);
        state.put("liaisonEmail", area.liaisonEmail);
        return state;
    }

    private static UUID idOf(Area area) {
        return area == null ? null : area.id;
    }

    /**
     * Loads areas from CSV, all or nothing. A parent may be an existing area or any line of the
     * file, before or after its children. Every error of every line is reported (line and column):
     * malformed cells, extra cells, the structure's rules, codes and seats (a state's board, a
     * district's board) taken by an existing area or by another line.
     */
    public List<Area> importCsv(String csv) {
        List<Csv.Row> rows = CsvUpload.rows(csv);
        if (rows.isEmpty() || !rows.get(0).fields().stream().map(String::strip).toList().equals(CSV_COLUMNS)) {
            Text header = Text.of("El encabezado debe ser " + String.join(",", CSV_COLUMNS) + ".",
                    "The header must be " + String.join(",", CSV_COLUMNS) + ".");
            throw ProblemException.unprocessable(Text.of("El encabezado no es válido; no se importó nada.",
                    "The header is not valid; nothing was imported."), List.of(Violation.line(1, null, header)));
        }
        List<Violation> errors = new ArrayList<>(CsvUpload.controlCharacters(rows));
        Map<String, AreaRequest> byCode = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        Map<String, Integer> seatLine = new HashMap<>();
        for (Csv.Row row : rows.subList(1, rows.size())) {
            int line = row.line();
            List<Violation> wrong = new ArrayList<>();
            if (row.fields().size() > CSV_COLUMNS.size()) {
                wrong.add(Violation.line(line, null, Text.of("La línea tiene " + row.fields().size() + " columnas; el"
                                + " encabezado, " + CSV_COLUMNS.size() + ".",
                        "The line has " + row.fields().size() + " columns; the header, " + CSV_COLUMNS.size() + ".")));
            }
            AreaRequest request = toRequest(row, wrong);
            for (ConstraintViolation<AreaRequest> violation : validator.validate(request)) {
                String column = violation.getPropertyPath().toString();
                // A cell already reported as unreadable is left empty: "must not be null" would say it twice.
                if (wrong.stream().noneMatch(e -> column.equals(e.field()))) {
                    wrong.add(Violation.line(line, column, Text.spanish(violation.getMessage())));
                }
            }
            if (request.code() != null) {
                if (byCode.containsKey(request.code())) {
                    wrong.add(Violation.line(line, "code", Text.of("La clave " + request.code() + " ya aparece en la línea "
                            + lineOf.get(request.code()) + ".", "Code " + request.code() + " already appears on line "
                            + lineOf.get(request.code()) + ".")));
                } else if (Area.findByCode(request.code()).isPresent()) {
                    wrong.add(Violation.line(line, "code", Text.of("Ya existe un área con la clave " + request.code() + ".",
                            "An area with code " + request.code() + " already exists.")));
                } else {
                    byCode.put(request.code(), request);
                    lineOf.put(request.code(), line);
                }
            }
            if (request.level() != null && request.level() != AreaLevel.CENTRAL && request.state() != null
                    && (request.level() == AreaLevel.LOCAL || request.district() != null)) {
                String seat = request.level() + "/" + request.state() + "/" + request.district();
                Integer earlier = seatLine.putIfAbsent(seat, line);
                Optional<Area> holder = seatHolder(request.level(), request.state(), request.district());
                if (earlier != null || holder.isPresent()) {
                    Text taken = AreaHierarchy.seatTakenText(request.level(), request.state(), request.district(),
                            holder.map(area -> area.code).orElse(null));
                    if (holder.isEmpty()) {
                        taken = Text.of(taken.es().replaceAll("\\.$", "") + " (línea " + earlier + ").",
                                taken.en().replaceAll("\\.$", "") + " (line " + earlier + ").");
                    }
                    wrong.add(Violation.line(line, request.level() == AreaLevel.LOCAL ? "state" : "district", taken));
                }
            }
            errors.addAll(wrong);
        }
        for (AreaRequest request : byCode.values()) {
            int line = lineOf.get(request.code());
            AreaHierarchy.Seat parent = null;
            if (request.parentCode() != null) {
                AreaRequest inFile = byCode.get(request.parentCode());
                if (inFile != null) {
                    parent = new AreaHierarchy.Seat(inFile.code(), inFile.level(), inFile.state());
                } else {
                    Optional<Area> registered = Area.findByCode(request.parentCode());
                    if (registered.isEmpty()) {
                        errors.add(Violation.line(line, "parentCode", Text.of("No existe el área superior "
                                + request.parentCode() + ".", "There is no parent area " + request.parentCode() + ".")));
                        continue;
                    }
                    parent = AreaHierarchy.Seat.of(registered.get());
                }
            }
            if (parent == null || parent.level() != null) {
                AreaHierarchy.violations(request.level(), request.state(), request.district(), parent).forEach(violation ->
                        errors.add(Violation.line(line, violation.field(), violation.message())));
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparing(Violation::line));
            throw ProblemException.unprocessable(Text.of("El archivo tiene " + errors.size()
                    + " errores; no se importó ninguna área.", "The file has " + errors.size()
                    + " errors; no area was imported."), errors);
        }
        List<Area> created = new ArrayList<>();
        Map<String, Area> createdByCode = new HashMap<>();
        Map<String, AreaRequest> pending = new LinkedHashMap<>(byCode);
        while (!pending.isEmpty()) {
            int before = pending.size();
            for (var iterator = pending.values().iterator(); iterator.hasNext(); ) {
                AreaRequest request = iterator.next();
                if (request.parentCode() == null || !pending.containsKey(request.parentCode())) {
                    Area parent = request.parentCode() == null ? null
                            : createdByCode.computeIfAbsent(request.parentCode(), code -> Area.findByCode(code).orElseThrow());
                    Area area = create(request, parent);
                    created.add(area);
                    createdByCode.put(area.code, area);
                    iterator.remove();
                }
            }
            if (pending.size() == before) {
                throw ProblemException.unprocessable(Text.of("Las áreas forman un ciclo de áreas superiores; no se importó nada.",
                                "The areas form a cycle of parents; nothing was imported."),
                        pending.keySet().stream().map(code -> Violation.line(lineOf.get(code), "parentCode",
                                Text.of("Ciclo de áreas superiores.", "Cycle of parent areas."))).toList());
            }
        }
        try {
            entityManager.flush();
        } catch (PersistenceException e) {
            if (!UniqueViolation.in(e)) {
                throw e;
            }
            throw ProblemException.conflict(Text.of("Otra operación registró al mismo tiempo un área con la misma clave,"
                    + " entidad o distrito; no se importó nada. Vuelva a intentarlo.", "Another operation registered an area"
                    + " with the same code, state or district at the same time; nothing was imported. Try again."));
        }
        return created;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Area> findByCode(String code) {
        return Area.findByCode(code);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Area> page(PageRequest paging) {
        long total = Area.count();
        return paging.of(total, () -> Area.<Area>find("order by code").range(paging.firstResult(),
                paging.firstResult() + paging.size() - 1).list());
    }

    /** The line's request; a cell that cannot be read is reported (in {@code wrong}) and left empty. */
    private static AreaRequest toRequest(Csv.Row row, List<Violation> wrong) {
        List<String> f = row.fields();
        return new AreaRequest(cell(f, 0), cell(f, 1), level(cell(f, 2), row.line(), wrong),
                number(cell(f, 3), "state", row.line(), wrong), number(cell(f, 4), "district", row.line(), wrong),
                cell(f, 5), cell(f, 6), cell(f, 7));
    }

    private static String cell(List<String> fields, int index) {
        if (index >= fields.size() || fields.get(index).isBlank()) {
            return null;
        }
        return Csv.restore(fields.get(index).strip());
    }

    private static AreaLevel level(String text, int line, List<Violation> wrong) {
        if (text == null) {
            return null;
        }
        try {
            return AreaLevel.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            wrong.add(Violation.line(line, "level", Text.of("Nivel no admitido: " + text + " (CENTRAL, LOCAL o DISTRICT).",
                    "Unsupported level: " + text + " (CENTRAL, LOCAL or DISTRICT).")));
            return null;
        }
    }

    private static Integer number(String text, String column, int line, List<Violation> wrong) {
        if (text == null) {
            return null;
        }
        if (!text.matches("[0-9]{1,4}")) {
            wrong.add(Violation.line(line, column, Text.of("No es un número entero: " + text + ".",
                    "Not a whole number: " + text + ".")));
            return null;
        }
        return Integer.valueOf(text);
    }
}
