package io.badges.command.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void isAVersion7UuidCarryingItsMillisecond() {
        long millis = 1_764_790_000_123L;
        UUID id = TimeOrderedIds.at(millis);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);  // RFC 9562's variant, bits 10
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
        assertThat(id.toString()).startsWith(String.format("%08x-%04x-7", millis >>> 16, millis & 0xFFFF));
    }

    @Test
    void sortsByCreationTimeAsTextAndDiffersWithinAMillisecond() {
        List<String> made = new ArrayList<>();
        for (long millis = 1_764_790_000_000L; millis < 1_764_790_000_000L + 2_000; millis += 7) {
            made.add(TimeOrderedIds.at(millis).toString());
            made.add(TimeOrderedIds.at(millis).toString());
        }
        List<String> sorted = new ArrayList<>(made);
        sorted.sort(null);
        for (int i = 0; i + 2 < made.size(); i += 2) {  // a later millisecond sorts after both of an earlier one
            assertThat(sorted.indexOf(made.get(i + 2))).isGreaterThan(sorted.indexOf(made.get(i)))
                    .isGreaterThan(sorted.indexOf(made.get(i + 1)));
        }
        assertThat(new HashSet<>(made)).hasSameSizeAs(made);
    }

    @Test
    void axonMakesEveryEventIdentifierWithIt() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(TimeOrderedIds.class);
        String eventId = new GenericEventMessage<>("payload").getIdentifier();
        assertThat(UUID.fromString(eventId).version()).isEqualTo(7);
        assertThat(UUID.fromString(TimeOrderedIds.next()).version()).isEqualTo(7);
    }
}
