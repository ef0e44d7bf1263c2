package io.badges.query.verification;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Dates as credentials write them: ISO-8601 with an offset or a Z. */
final class DateTimes {

    private DateTimes() {
    }

    /** The instant {@code value} names; null when it is null or not such a date-time. */
    static Instant parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
