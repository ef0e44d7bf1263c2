package io.badges.query.page;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A date as a person reads it ("2 December 2026", UTC) and as a machine does (ISO-8601, for {@code <time>}). */
public record When(String text, String iso) {

    private static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    static When of(Instant instant) {
        return instant == null ? null : new When(HUMAN.format(instant), instant.toString());
    }
}
