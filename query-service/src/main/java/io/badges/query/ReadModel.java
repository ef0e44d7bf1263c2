package io.badges.query;

/**
 * All read-model projections share one tracking processor, so they see the events in the order the
 * event store committed them and keep one token, committed in the same transaction as the rows.
 */
public final class ReadModel {

    public static final String GROUP = "read-model";

    private ReadModel() {
    }
}
