package io.badges.query;

import java.util.List;
import java.util.function.Function;

/** One page of a keyset-paginated list: the items and the cursor of the next page (null on the last). */
public record Page<T>(List<T> items, String nextCursor) {

    /**
     * The page of {@code limit} items out of {@code rows}, fetched with {@link Cursor#limitClause}
     * {@code (limit + 1)}: the extra row only tells that another page follows, whose cursor is the
     * sort key of the last item kept.
     */
    public static <T> Page<T> of(List<T> rows, int limit, Function<? super T, Cursor> cursorOf) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, limit);
        return new Page<>(items, cursorOf.apply(items.get(limit - 1)).encode());
    }
}
