package mx.ine.redes.accounts.rest;

import java.util.List;

/** One page of a filtered list; {@code total} counts every account that matches. */
public record AccountPage(List<AccountResponse> items, int page, int size, long total) {
}
