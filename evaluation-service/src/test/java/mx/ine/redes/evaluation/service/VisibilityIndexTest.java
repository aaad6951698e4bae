package mx.ine.redes.evaluation.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import mx.ine.redes.evaluation.testing.RealMailServer;
import mx.ine.redes.support.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * The visibility and list queries (the shapes {@link AccountVisibility}, {@link RequestQueries} and
 * {@link NotificationQueries} write) can be answered from the indexes of V7: with sequential scans
 * disabled, EXPLAIN names them. (On the small tables of a test the planner would rightly prefer a scan.)
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = RealMailServer.class, scope = TestResourceScope.GLOBAL)
class VisibilityIndexTest {

    private static final String ADMINISTERED = "select a.account_id from reviewed_account a where false"
            + " or a.administrator_emails @> jsonb_build_array(cast('admin@ine.mx' as text))";
    private static final String HEADED = "select a.account_id from reviewed_account a where false"
            + " or a.head_email = 'titular@ine.mx'"
            + " or a.ancestors @> jsonb_build_array(jsonb_build_object('headEmail', cast('titular@ine.mx' as text)))";

    @Inject
    EntityManager entityManager;

    @Test
    void shouldFindTheAccountsOfAnAdministratorOrAHeadThroughIndexes() {
        assertThat(plan(ADMINISTERED)).contains("reviewed_account_administrators");
        assertThat(plan(HEADED)).contains("BitmapOr", "reviewed_account_head", "reviewed_account_ancestors");
    }

    @Test
    void shouldReadAnAdministratorsNotificationsAndAHeadsRequestsWithoutScanning() {
        // Which index the planner joins through depends on the tables' sizes; none is scanned.
        assertThat(plan("select n.* from notification n where n.account_id in (" + ADMINISTERED + ")"
                + " order by n.queued_at desc, n.id limit 50")).doesNotContain("Seq Scan");
        assertThat(plan("select r.* from submission_request r where r.account_id in (" + HEADED + ")"
                + " order by r.issued_at desc, r.id limit 50")).doesNotContain("Seq Scan");
    }

    @Test
    void shouldFilterNotificationsByRecipientThroughAnIndex() {
        assertThat(plan("select n.* from notification n where n.recipients @> jsonb_build_array(cast('x@ine.mx' as text))"
                + " order by n.queued_at desc, n.id limit 50")).contains("notification_recipients");
    }

    @Test
    void shouldPageTheListsInTheirOrderFromAnIndex() {
        assertThat(plan("select r.* from submission_request r order by r.issued_at desc, r.id limit 50 offset 100"))
                .contains("submission_request_issued");
        assertThat(plan("select r.* from submission_request r where r.escalated_at is not null and r.chain_withdrawn_at is null"
                + " order by r.escalated_at desc, r.id limit 50")).contains("submission_request_escalated");
        assertThat(plan("select n.* from notification n order by n.queued_at desc, n.id limit 50"))
                .contains("notification_listed");
    }

    @SuppressWarnings("unchecked")
    private String plan(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> {
            entityManager.createNativeQuery("set local enable_seqscan = off").executeUpdate();
            List<String> lines = entityManager.createNativeQuery("explain " + sql).getResultList();
            return String.join("\n", lines);
        });
    }
}
