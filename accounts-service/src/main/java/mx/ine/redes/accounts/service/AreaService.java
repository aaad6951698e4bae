package mx.ine.redes.accounts.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
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
import mx.ine.redes.accounts.AreaLevel;
import mx.ine.redes.accounts.mapping.RegistryMapper;
import mx.ine.redes.accounts.rest.AreaRequest;
import mx.ine.redes.accounts.rest.AreaUpdate;
import mx.ine.redes.events.AccountUpdated;
import mx.ine.redes.support.csv.Csv;
import mx.ine.redes.support.outbox.EventPublisher;
import mx.ine.redes.support.problem.Problem;
import mx.ine.redes.support.problem.ProblemException;

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

    public Area register(AreaRequest request) {
        if (Area.findByCode(request.code()).isPresent()) {
            throw ProblemException.conflict("Ya existe un área con la clave " + request.code() + ".");
        }
        Area parent = null;
        if (request.parentCode() != null) {
            parent = Area.findByCode(request.parentCode()).orElseThrow(() ->
                    ProblemException.invalid("parentCode", "No existe el área superior " + request.parentCode() + "."));
        }
        checkHierarchy(request.level(), request.state(), request.district(), parent);
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

    /**
     * Renames, moves or changes (or removes) the head of an area. Every account snapshot carries its
     * own area's name and head and, in {@code ancestors}, the name and head of every area above it;
     * so every live account of this area and of every area below it is announced again, in this
     * transaction. A request that changes nothing announces nothing.
     */
    public Area update(String code, AreaUpdate update, String actor) {
        Area area = Area.findByCode(code).orElseThrow(() -> ProblemException.notFound("No existe el área " + code + "."));
        // Changes of one area, and of areas on one branch, are serialised: the row is locked for the
        // change and those above are read under a share lock, so two PATCHes never announce
        // snapshots that each miss the other's change (and concurrent moves cannot make a cycle).
        entityManager.refresh(area, LockModeType.PESSIMISTIC_WRITE);
        Area.lockChain(area.parent);
        if (update.removesHead() && (update.headName() != null || update.headEmail() != null)) {
            throw ProblemException.invalid("removeHead", "Indique un titular nuevo o removeHead, no ambos.");
        }
        Area parent = area.parent;
        if (update.parentCode() != null) {
            parent = Area.findByCode(update.parentCode()).orElseThrow(() ->
                    ProblemException.invalid("parentCode", "No existe el área superior " + update.parentCode() + "."));
            Area.lockChain(parent);
            for (Area ancestor = parent; ancestor != null; ancestor = ancestor.parent) {
                if (ancestor.id.equals(area.id)) {
                    throw ProblemException.invalid("parentCode", "Un área no puede quedar debajo de sí misma.");
                }
            }
        }
        checkHierarchy(area.level, area.state, area.district, parent);
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
        if (changed.isEmpty()) {
            return area;
        }
        area.updatedAt = clock.instant();
        announceSubtree(area, changed, before, describe(area), actor);
        return area;
    }

    /**
     * Announces every live account of {@code area} and of the areas below it. The accounts of the
     * area itself see {@code changed} (their own area's fields); those below see only
     * {@code ancestors}. A constant number of queries whatever the size of the subtree (a root
     * central area may hold every board of the country): the subtree's areas in one recursive
     * query, their live accounts in one, their administrators in one.
     */
    private void announceSubtree(Area area, List<String> changed, Map<String, Object> before, Map<String, Object> after,
                                 String actor) {
        List<Area> subtree = subtreeOf(area);
        List<Account> live = entityManager.createQuery("""
                        select a from Account a join fetch a.area
                        where a.area in :areas and a.status <> :decommissioned
                        order by a.area.code, a.network, a.handle, a.id""", Account.class)
                .setParameter("areas", subtree)
                .setParameter("decommissioned", AccountStatus.DECOMMISSIONED)
                .getResultList();
        Map<UUID, List<String>> administrators = accountSearch.administratorsOf(live);
        List<String> changedBelow = List.of("ancestors");
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
        // The publisher flushes once per event. With the subtree's accounts and history rows still
        // managed, every one of those flushes would dirty-check all of them again: quadratic, seconds
        // for a root above every board of the country. So they are written once and let go of (only
        // entities this method loaded; the changed area and those above it stay managed).
        entityManager.flush();
        written.forEach(entityManager::detach);
        subtree.stream().filter(below -> !below.id.equals(area.id)).forEach(entityManager::detach);
        updates.forEach(events::publish);
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
        return state;
    }

    private static UUID idOf(Area area) {
        return area == null ? null : area.id;
    }

    /**
     * Loads areas from CSV, all or nothing. A parent may be an existing area or any line of the
     * file, before or after its children.
     */
    public List<Area> importCsv(String csv) {
        List<Csv.Row> rows;
        try {
            rows = Csv.parse(csv);
        } catch (Csv.MalformedCsvException e) {
            throw ProblemException.unprocessable("El archivo no es un CSV válido; no se importó nada.",
                    List.of(new Problem.InvalidField("lines[" + e.line() + "]", e.getMessage())));
        }
        if (rows.isEmpty() || !rows.get(0).fields().stream().map(String::strip).toList().equals(CSV_COLUMNS)) {
            throw ProblemException.unprocessable("El encabezado debe ser " + String.join(",", CSV_COLUMNS)
                    + "; no se importó nada.", List.of(new Problem.InvalidField("lines[1]", "Encabezado no válido.")));
        }
        List<Problem.InvalidField> errors = new ArrayList<>();
        Map<String, AreaRequest> byCode = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        for (Csv.Row row : rows.subList(1, rows.size())) {
            String prefix = "lines[" + row.line() + "]";
            try {
                AreaRequest request = toRequest(row);
                for (ConstraintViolation<AreaRequest> violation : validator.validate(request)) {
                    errors.add(new Problem.InvalidField(prefix + "." + violation.getPropertyPath(), violation.getMessage()));
                }
                if (request.code() != null && (byCode.containsKey(request.code()) || Area.findByCode(request.code()).isPresent())) {
                    errors.add(new Problem.InvalidField(prefix + ".code", "El área " + request.code() + " ya existe"
                            + (lineOf.containsKey(request.code()) ? " (línea " + lineOf.get(request.code()) + ")." : ".")));
                } else if (request.code() != null) {
                    byCode.put(request.code(), request);
                    lineOf.put(request.code(), row.line());
                }
            } catch (ProblemException problem) {
                problem.errors().forEach(field -> errors.add(new Problem.InvalidField(prefix + "." + field.field(), field.message())));
            }
        }
        for (AreaRequest request : byCode.values()) {
            if (request.parentCode() != null && !byCode.containsKey(request.parentCode())
                    && Area.findByCode(request.parentCode()).isEmpty()) {
                errors.add(new Problem.InvalidField("lines[" + lineOf.get(request.code()) + "].parentCode",
                        "No existe el área superior " + request.parentCode() + "."));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("El archivo tiene " + errors.size() + " errores; no se importó ninguna área.", errors);
        }
        List<Area> created = new ArrayList<>();
        Map<String, AreaRequest> pending = new LinkedHashMap<>(byCode);
        while (!pending.isEmpty()) {
            int before = pending.size();
            for (var iterator = pending.values().iterator(); iterator.hasNext(); ) {
                AreaRequest request = iterator.next();
                if (request.parentCode() == null || !pending.containsKey(request.parentCode())) {
                    try {
                        created.add(register(request));
                    } catch (ProblemException problem) {
                        String field = problem.errors().isEmpty() ? "" : "." + problem.errors().get(0).field();
                        throw ProblemException.unprocessable("La línea " + lineOf.get(request.code())
                                + " no es válida; no se importó ninguna área.", List.of(new Problem.InvalidField(
                                "lines[" + lineOf.get(request.code()) + "]" + field, problem.getMessage())));
                    }
                    iterator.remove();
                }
            }
            if (pending.size() == before) {
                throw ProblemException.unprocessable("Las áreas forman un ciclo de áreas superiores; no se importó nada.",
                        pending.keySet().stream().map(code -> new Problem.InvalidField("lines[" + lineOf.get(code) + "].parentCode",
                                "Ciclo de áreas superiores.")).toList());
            }
        }
        return created;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Area> findByCode(String code) {
        return Area.findByCode(code);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Area> listAll() {
        return Area.list("order by code");
    }

    /** A district board belongs to a state and has a number; a state board has a state; none is its own root. */
    private static void checkHierarchy(AreaLevel level, Integer state, Integer district, Area parent) {
        switch (level) {
            case CENTRAL -> {
                if (district != null) {
                    throw ProblemException.invalid("district", "Un área central no tiene número de distrito.");
                }
                if (parent != null && parent.level != AreaLevel.CENTRAL) {
                    throw ProblemException.invalid("parentCode", "Un área central solo puede depender de otra área central.");
                }
            }
            case LOCAL -> {
                if (state == null) {
                    throw ProblemException.invalid("state", "Una junta local debe indicar su entidad (1 a 32).");
                }
                if (district != null) {
                    throw ProblemException.invalid("district", "Una junta local no tiene número de distrito.");
                }
                if (parent != null && parent.level == AreaLevel.DISTRICT) {
                    throw ProblemException.invalid("parentCode", "Una junta local no puede depender de una junta distrital.");
                }
            }
            case DISTRICT -> {
                if (state == null) {
                    throw ProblemException.invalid("state", "Una junta distrital debe indicar su entidad (1 a 32).");
                }
                if (district == null) {
                    throw ProblemException.invalid("district", "Una junta distrital debe indicar su número de distrito.");
                }
                if (parent == null || parent.level == AreaLevel.DISTRICT) {
                    throw ProblemException.invalid("parentCode", "Una junta distrital depende de su junta local.");
                }
                if (parent.level == AreaLevel.LOCAL && !state.equals(parent.state)) {
                    throw ProblemException.invalid("state", "La entidad de la junta distrital (" + state
                            + ") no es la de su junta local (" + parent.state + ").");
                }
            }
        }
    }

    private static AreaRequest toRequest(Csv.Row row) {
        List<String> f = row.fields();
        return new AreaRequest(cell(f, 0), cell(f, 1), level(cell(f, 2)), number(cell(f, 3), "state"),
                number(cell(f, 4), "district"), cell(f, 5), cell(f, 6), cell(f, 7));
    }

    private static String cell(List<String> fields, int index) {
        if (index >= fields.size() || fields.get(index).isBlank()) {
            return null;
        }
        return fields.get(index).strip();
    }

    private static AreaLevel level(String text) {
        if (text == null) {
            return null;
        }
        try {
            return AreaLevel.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("level", "Nivel no admitido: " + text + " (CENTRAL, LOCAL o DISTRICT).");
        }
    }

    private static Integer number(String text, String field) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(field, "No es un número: " + text + ".");
        }
    }
}
