package mx.ine.redes.support.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.Text;

/**
 * Which page of a list a client asked for (api-conventions: {@code page} ≥ 0, 1 ≤ {@code size} ≤ 500,
 * default 50). The offset is computed in {@code long}: a page beyond any list is an empty page,
 * never an overflow.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public PageRequest {
        List<ProblemException.Violation> wrong = new ArrayList<>();
        if (page < 0) {
            wrong.add(ProblemException.Violation.parameter("page",
                    Text.of("Debe ser 0 o mayor.", "Must be 0 or greater.")));
        }
        if (size < 1 || size > MAX_SIZE) {
            wrong.add(ProblemException.Violation.parameter("size",
                    Text.of("Debe estar entre 1 y " + MAX_SIZE + ".", "Must be between 1 and " + MAX_SIZE + ".")));
        }
        if (!wrong.isEmpty()) {
            throw ProblemException.invalid(Text.of("Los parámetros de paginación no son válidos.",
                    "The paging parameters are not valid."), wrong);
        }
    }

    public static PageRequest of(Integer page, Integer size) {
        return new PageRequest(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    public long offset() {
        return (long) page * size;
    }

    /** True when the page starts past what a query offset ({@code int}) can address: it is empty. */
    public boolean beyondReach() {
        return offset() > Integer.MAX_VALUE - size;
    }

    /** The offset for {@code setFirstResult}; call only when not {@link #beyondReach()}. */
    public int firstResult() {
        return Math.toIntExact(offset());
    }

    /** This page of a list: {@code items} fetched only when the page can hold any (else empty). */
    public <T> Page<T> of(long total, Supplier<List<T>> items) {
        if (beyondReach() || offset() >= total) {
            return new Page<>(List.of(), page, size, total);
        }
        return new Page<>(items.get(), page, size, total);
    }
}
