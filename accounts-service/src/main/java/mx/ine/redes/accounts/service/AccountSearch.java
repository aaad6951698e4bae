package mx.ine.redes.accounts.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import mx.ine.redes.accounts.Account;
import mx.ine.redes.accounts.Area;
import mx.ine.redes.support.paging.Page;
import mx.ine.redes.support.paging.PageRequest;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.Text;

/**
 * Filtered, paged lists of accounts. Every query carries the caller's visibility, so a list never
 * shows an account that {@code GET /api/accounts/{id}} would answer with 404. Pages are ordered by
 * network, handle and id: an order that never ties, so paging neither repeats nor skips.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AccountSearch {

    @Inject
    EntityManager entityManager;

    @Inject
    AccountVisibility visibility;

    public Page<Account> page(AccountFilter filter, PageRequest paging) {
        Condition condition = condition(filter);
        TypedQuery<Long> count = entityManager.createQuery("select count(a) from Account a where " + condition.jpql, Long.class);
        condition.parameters.forEach(count::setParameter);
        long total = count.getSingleResult();
        return paging.of(total, () -> {
            TypedQuery<Account> query = entityManager.createQuery("select a from Account a join fetch a.area where "
                    + condition.jpql + " order by a.network, a.handle, a.id", Account.class);
            condition.parameters.forEach(query::setParameter);
            return query.setFirstResult(paging.firstResult()).setMaxResults(paging.size()).getResultList();
        });
    }

    /**
     * The filter and the caller's visibility as a query, resolved now: a streamed export runs it
     * after the request's scope (and its caller) is gone.
     */
    public Condition prepare(AccountFilter filter) {
        return condition(filter);
    }

    /** Every matching account, in list order, read lazily through a cursor (for exports). */
    public Stream<Account> stream(Condition condition) {
        TypedQuery<Account> query = entityManager.createQuery("select a from Account a join fetch a.area where "
                + condition.jpql + " order by a.network, a.handle, a.id", Account.class);
        condition.parameters.forEach(query::setParameter);
        return query.setHint(org.hibernate.jpa.HibernateHints.HINT_FETCH_SIZE, 500)
                .setHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true).getResultStream();
    }

    /** Active administrators' e-mails of these accounts, in one query. */
    public Map<UUID, List<String>> administratorsOf(List<Account> accounts) {
        if (accounts.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = entityManager.createQuery("""
                        select aa.account.id, aa.person.email from AccountAdministrator aa
                        where aa.account in :accounts and aa.unassignedAt is null
                        order by aa.assignedAt""", Object[].class)
                .setParameter("accounts", accounts)
                .getResultList();
        Map<UUID, List<String>> byAccount = new HashMap<>();
        for (Object[] row : rows) {
            byAccount.computeIfAbsent((UUID) row[0], id -> new java.util.ArrayList<>()).add((String) row[1]);
        }
        return byAccount;
    }

    /** A filtered, visibility-restricted account query (JPQL condition on {@code a}). */
    public record Condition(String jpql, Map<String, Object> parameters) {
    }

    private Condition condition(AccountFilter filter) {
        AccountVisibility.Restriction restriction = visibility.restriction();
        StringBuilder jpql = new StringBuilder(restriction.jpql());
        Map<String, Object> parameters = new HashMap<>(restriction.parameters());
        if (filter.network() != null) {
            jpql.append(" and a.network = :network");
            parameters.put("network", filter.network());
        }
        if (filter.areaCode() != null) {
            Area area = Area.findByCode(filter.areaCode()).orElseThrow(() ->
                    ProblemException.invalidParameter("area", Text.of("No existe el área " + filter.areaCode() + ".",
                            "There is no area " + filter.areaCode() + ".")));
            if (filter.includeSubtree()) {
                jpql.append(" and a.area.id in :areas");
                parameters.put("areas", subtreeOf(area.id));
            } else {
                jpql.append(" and a.area.id = :area");
                parameters.put("area", area.id);
            }
        }
        if (filter.level() != null) {
            jpql.append(" and a.area.level = :level");
            parameters.put("level", filter.level());
        }
        if (filter.state() != null) {
            jpql.append(" and a.area.state = :state");
            parameters.put("state", filter.state());
        }
        if (filter.status() != null) {
            jpql.append(" and a.status = :status");
            parameters.put("status", filter.status());
        }
        if (filter.kind() != null) {
            jpql.append(" and a.kind = :kind");
            parameters.put("kind", filter.kind());
        }
        if (filter.dormant() != null) {
            jpql.append(" and a.dormant = :dormant");
            parameters.put("dormant", filter.dormant());
        }
        if (filter.notLocated() != null) {
            jpql.append(" and a.notLocated = :notLocated");
            parameters.put("notLocated", filter.notLocated());
        }
        if (filter.possibleHijack() != null) {
            jpql.append(" and a.possibleHijack = :possibleHijack");
            parameters.put("possibleHijack", filter.possibleHijack());
        }
        if (filter.withoutAdministrator() != null) {
            jpql.append(filter.withoutAdministrator() ? " and not exists" : " and exists")
                    .append(" (select 1 from AccountAdministrator aa where aa.account = a and aa.unassignedAt is null)");
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            jpql.append(" and a.searchText like :q escape '!'");
            parameters.put("q", "%" + SearchText.normalise(filter.q()).replace("!", "!!").replace("%", "!%")
                    .replace("_", "!_") + "%");
        }
        return new Condition(jpql.toString(), parameters);
    }

    @SuppressWarnings("unchecked")
    private List<UUID> subtreeOf(UUID areaId) {
        return entityManager.createNativeQuery("""
                        with recursive subtree(id) as (
                            select cast(:root as uuid)
                            union
                            select child.id from area child join subtree on child.parent_id = subtree.id)
                        select id from subtree""", UUID.class)
                .setParameter("root", areaId)
                .getResultList();
    }
}
