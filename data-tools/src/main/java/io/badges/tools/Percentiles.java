package io.badges.tools;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** p50, p99 and max of microsecond figures, printed as {@code <prefix>p50_ms=... } fields. */
final class Percentiles {

    private Percentiles() {
    }

    static String fields(String prefix, Collection<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        if (sorted.isEmpty()) {
            return prefix + "p50_ms=NaN " + prefix + "p99_ms=NaN " + prefix + "max_ms=NaN";
        }
        Collections.sort(sorted);
        return String.format("%sp50_ms=%.1f %sp99_ms=%.1f %smax_ms=%.1f", prefix, at(sorted, 0.50) / 1000.0,
                prefix, at(sorted, 0.99) / 1000.0, prefix, sorted.get(sorted.size() - 1) / 1000.0);
    }

    private static long at(List<Long> sorted, double p) {
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * p) - 1)));
    }
}
