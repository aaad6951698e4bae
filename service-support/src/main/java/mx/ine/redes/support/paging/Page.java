package mx.ine.redes.support.paging;

import java.util.List;

/** One page of a list, in the one shape every list answers (api-conventions: {@code {items, page, size, total}}). */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }
}
