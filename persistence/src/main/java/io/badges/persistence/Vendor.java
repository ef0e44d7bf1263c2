package io.badges.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The database vendors the service runs on, and the few places where they differ for our own SQL:
 * how an instant is bound and read back, and where the vendor's migrations live. Everything else
 * (upsert with ON CONFLICT, keyset comparisons) is written once for both.
 */
public enum Vendor {

    SQLITE("sqlite") {
        @Override
        public Object bindInstant(Instant instant) {
            return instant == null ? null : SQLITE_TIME.format(truncate(instant));
        }

        @Override
        public Instant readInstant(Object value) {
            return value == null ? null : Instant.parse(value.toString());
        }
    },

    POSTGRESQL("postgresql") {
        @Override
        public Object bindInstant(Instant instant) {
            return instant == null ? null : OffsetDateTime.ofInstant(truncate(instant), ZoneOffset.UTC);
        }

        @Override
        public Instant readInstant(Object value) {
            if (value == null) {
                return null;
            }
            if (value instanceof Timestamp timestamp) {
                return timestamp.toInstant();
            }
            if (value instanceof OffsetDateTime time) {
                return time.toInstant();
            }
            return Instant.parse(value.toString());
        }
    };

    /** Fixed width, so that SQLite compares instants correctly as text. */
    private static final DateTimeFormatter SQLITE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final String folder;

    Vendor(String folder) {
        this.folder = folder;
    }

    public static Vendor fromJdbcUrl(String url) {
        if (url.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported JDBC URL (use jdbc:sqlite: or jdbc:postgresql:)");
    }

    /** Both databases keep microseconds; truncating on the way in makes round trips exact. */
    public static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    public abstract Object bindInstant(Instant instant);

    /** Reads what {@link java.sql.ResultSet#getObject(int)} returned for a time column. */
    public abstract Instant readInstant(Object value);

    /** Flyway location of one side's migrations, e.g. {@code classpath:db/migration/query/sqlite}. */
    public String migrations(Side side) {
        return "classpath:db/migration/" + side.folder() + "/" + folder;
    }

    public enum Side {
        COMMAND("command"), QUERY("query");

        private final String folder;

        Side(String folder) {
            this.folder = folder;
        }

        public String folder() {
            return folder;
        }
    }
}
