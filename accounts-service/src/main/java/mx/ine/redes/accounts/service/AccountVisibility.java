package mx.ine.redes.accounts.service;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import mx.ine.redes.accounts.Account;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.Text;
import mx.ine.redes.support.security.Caller;
import mx.ine.redes.support.security.Roles;

/**
 * Object-level authorization of the registry (domain.md §1): which accounts the caller may see.
 * CNCS and the read-only roles see everything; an administrator only the accounts they administer
 * now; an area head only the accounts of the areas they head and the areas below them. Every
 * query applies {@link #restriction()}, and a single account out of reach is reported as not found,
 * so that an id changed in a URL never reveals that the account exists.
 */
@RequestScoped
public class AccountVisibility {

    private static final Set<String> SEE_EVERYTHING =
            Set.of(Roles.CNCS, Roles.INTEGRATION, Roles.COMMITTEE, Roles.TRANSPARENCY);

    @Inject
    Caller caller;

    @Inject
    EntityManager entityManager;

    private List<UUID> headedSubtree;

    /** A JPQL condition on an {@code Account} aliased {@code a}, and its parameters. */
    public record Restriction(String jpql, Map<String, Object> parameters) {
    }

    public boolean seesEverything() {
        return SEE_EVERYTHING.stream().anyMatch(caller::hasRole);
    }

    /** The condition every account query adds; {@code "true"} for those who see everything. */
    public Restriction restriction() {
        if (seesEverything()) {
            return new Restriction("true", Map.of());
        }
        StringBuilder jpql = new StringBuilder("(false");
        Map<String, Object> parameters = new HashMap<>();
        if (caller.hasRole(Roles.ACCOUNT_ADMIN)) {
            jpql.append(" or a.id in (select aa.account.id from AccountAdministrator aa"
                    + " where aa.person.email = :visibilityEmail and aa.unassignedAt is null)");
            parameters.put("visibilityEmail", caller.email());
        }
        if (caller.hasRole(Roles.AREA_HEAD) && !headedSubtree().isEmpty()) {
            jpql.append(" or a.area.id in :visibilityAreas");
            parameters.put("visibilityAreas", headedSubtree());
        }
        return new Restriction(jpql.append(")").toString(), parameters);
    }

    /** The account, if it exists and the caller may see it; otherwise 404, whatever the reason. */
    public Account require(UUID accountId) {
        Restriction restriction = restriction();
        var query = entityManager.createQuery(
                "select a from Account a where a.id = :id and " + restriction.jpql(), Account.class);
        query.setParameter("id", accountId);
        restriction.parameters().forEach(query::setParameter);
        return query.getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.notFound(Text.of("No existe la cuenta " + accountId + ".",
                        "There is no account " + accountId + ".")));
    }

    /** The areas the caller heads and every area below them. */
    @SuppressWarnings("unchecked")
    public List<UUID> headedSubtree() {
        if (headedSubtree == null) {
            headedSubtree = entityManager.createNativeQuery("""
                    with recursive subtree(id) as (
                        select id from area where head_email = :email
                        union
                        select child.id from area child join subtree on child.parent_id = subtree.id)
                    select id from subtree""", UUID.class)
                    .setParameter("email", caller.email())
                    .getResultList();
        }
        return headedSubtree;
    }
}
