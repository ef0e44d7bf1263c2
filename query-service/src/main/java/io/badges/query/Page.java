package io.badges.query;

import java.util.List;

/** One page of a keyset-paginated list: the items and the cursor of the next page (null on the last). */
public record Page<T>(List<T> items, String nextCursor) {
}
