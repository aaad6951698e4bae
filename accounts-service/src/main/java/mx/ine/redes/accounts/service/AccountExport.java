package mx.ine.redes.accounts.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mx.ine.redes.accounts.Account;
import mx.ine.redes.support.csv.Csv;

/**
 * CSV export of a filtered list. The first nine columns are the import's, so an export can be
 * edited and imported elsewhere; the rest describe the account's state.
 */
@ApplicationScoped
public class AccountExport {

    public static final List<String> COLUMNS = List.of("url", "network", "handle", "displayName", "kind", "areaCode",
            "platformAccountId", "lastPublicationOn", "administratorEmails", "id", "status", "areaName", "areaLevel",
            "registeredOn", "dormant", "notLocated", "possibleHijack", "decommissionedOn", "decommissionReason");

    private static final int BATCH = 500;

    @Inject
    AccountSearch search;

    @Inject
    EntityManager entityManager;

    /**
     * Writes the accounts in batches read through a cursor: each batch's administrators in one
     * query, then the batch is written and let go of (the persistence context is cleared), so the
     * memory used does not grow with the number of accounts.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void write(AccountSearch.Condition condition, OutputStream out) {
        try {
            out.write(Csv.line(COLUMNS).getBytes(StandardCharsets.UTF_8));
            List<Account> batch = new ArrayList<>(BATCH);
            try (var accounts = search.stream(condition)) {
                for (var iterator = accounts.iterator(); iterator.hasNext(); ) {
                    batch.add(iterator.next());
                    if (batch.size() == BATCH || !iterator.hasNext()) {
                        Map<java.util.UUID, List<String>> admins = search.administratorsOf(batch);
                        for (Account account : batch) {
                            out.write(Csv.line(row(account, admins.getOrDefault(account.id, List.of())))
                                    .getBytes(StandardCharsets.UTF_8));
                        }
                        batch.clear();
                        entityManager.clear();
                    }
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Object> row(Account account, List<String> administrators) {
        List<Object> row = new ArrayList<>();
        row.add(account.url);
        row.add(account.network);
        row.add(account.handle);
        row.add(account.displayName);
        row.add(account.kind);
        row.add(account.area.code);
        row.add(account.platformAccountId);
        row.add(account.lastPublicationOn);
        row.add(String.join(";", administrators));
        row.add(account.id);
        row.add(account.status);
        row.add(account.area.name);
        row.add(account.area.level);
        row.add(account.registeredOn);
        row.add(account.dormant);
        row.add(account.notLocated);
        row.add(account.possibleHijack);
        row.add(account.decommissionedOn);
        row.add(account.decommissionReason);
        return row;
    }
}
