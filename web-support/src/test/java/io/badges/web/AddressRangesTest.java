package io.badges.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AddressRangesTest {

    @Test
    void readsDottedQuadsWithoutALookup() {
        assertThat(AddressRanges.literal("127.0.0.1")).containsExactly(127, 0, 0, 1);
        assertThat(AddressRanges.literal("255.255.255.255")).containsExactly(-1, -1, -1, -1);
        assertThat(AddressRanges.literal("10.1.2.3")).containsExactly(10, 1, 2, 3);
    }

    @Test
    void refusesWhatIsNotAnAddressLiteral() {
        for (String text : List.of("", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1..2.3", "1.2.3.", ".1.2.3", "1234.1.1.1",
                "a.b.c.d", "localhost", "example.com", "1.2.3.4x", "g::1")) {
            assertThat(AddressRanges.literal(text)).as(text).isNull();
        }
        assertThat(AddressRanges.literal(null)).isNull();
    }

    @Test
    void readsIpv6LiteralsWithAndWithoutBrackets() {
        byte[] loopback = new byte[16];
        loopback[15] = 1;
        assertThat(AddressRanges.literal("::1")).containsExactly(loopback);
        assertThat(AddressRanges.literal("[::1]")).containsExactly(loopback);
        // an IPv4-mapped IPv6 literal is read as the IPv4 address it maps
        assertThat(AddressRanges.literal("::ffff:10.0.0.1")).containsExactly(10, 0, 0, 1);
    }

    @Test
    void rangesMatchByPrefix() {
        AddressRanges loopback = AddressRanges.of(List.of("127.0.0.0/8", "::1"));
        assertThat(loopback.contains(AddressRanges.literal("127.9.8.7"))).isTrue();
        assertThat(loopback.contains(AddressRanges.literal("128.0.0.1"))).isFalse();
        assertThat(loopback.contains(AddressRanges.literal("::1"))).isTrue();
    }
}
