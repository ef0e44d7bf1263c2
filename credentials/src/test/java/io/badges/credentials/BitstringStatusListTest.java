package io.badges.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class BitstringStatusListTest {

    @Test
    void bitZeroIsTheMostSignificantBitOfTheFirstByte() {
        BitstringStatusList list = new BitstringStatusList();

        list.set(0, true);
        list.set(9, true);
        list.set(15, true);

        byte[] bytes = list.toByteArray();
        // bit 0 -> byte 0, mask 1000 0000; bits 9 and 15 -> byte 1, masks 0100 0000 and 0000 0001
        assertThat(bytes[0]).isEqualTo((byte) 0x80);
        assertThat(bytes[1]).isEqualTo((byte) 0x41);
        assertThat(bytes[2]).isZero();
        assertThat(list.get(0)).isTrue();
        assertThat(list.get(1)).isFalse();
        assertThat(list.cardinality()).isEqualTo(3);

        list.set(9, false);
        assertThat(list.toByteArray()[1]).isEqualTo((byte) 0x01);
    }

    @Test
    void theEncodedListIsUPlusUnpaddedBase64urlOfTheGzipOfTheBytes() throws Exception {
        BitstringStatusList list = new BitstringStatusList();
        list.set(94_567, true);

        String encoded = list.encode();

        assertThat(encoded).startsWith("uH4sI").doesNotContain("=", "+", "/");
        byte[] gzip = Base64.getUrlDecoder().decode(encoded.substring(1));
        byte[] bytes = new GZIPInputStream(new ByteArrayInputStream(gzip)).readAllBytes();
        assertThat(bytes).hasSize(16_384);
        assertThat(bytes[94_567 / 8]).isEqualTo((byte) (0x80 >>> (94_567 % 8)));
    }

    @Test
    void knownBitsSurviveAnEncodeDecodeRoundTrip() {
        BitstringStatusList list = new BitstringStatusList(2 * BitstringStatusList.MIN_BITS);
        int[] revoked = {0, 7, 8, 94_567, 131_071, 262_143};
        for (int index : revoked) {
            list.set(index, true);
        }

        BitstringStatusList decoded = BitstringStatusList.decode(list.encode());

        assertThat(decoded.size()).isEqualTo(262_144);
        assertThat(decoded.cardinality()).isEqualTo(revoked.length);
        for (int index : revoked) {
            assertThat(decoded.get(index)).as("bit %d", index).isTrue();
        }
        assertThat(decoded.get(1)).isFalse();
        assertThat(decoded.toByteArray()).isEqualTo(list.toByteArray());
    }

    /** The example BitstringStatusListCredential of W3C Bitstring Status List v1.0 (section 2.2): nothing revoked. */
    @Test
    void theW3cSpecificationsExampleListIsEmpty() {
        BitstringStatusList list =
                BitstringStatusList.decode("uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA");

        assertThat(list.size()).isEqualTo(BitstringStatusList.MIN_BITS);
        assertThat(list.cardinality()).isZero();
        assertThat(list.get(94_567)).isFalse();
    }

    /**
     * Another implementation's list with one revoked index: 1EdTech's validator test fixture
     * (inspector-vc/src/test/resources/ob30/bit-string-list/testlist, Apache-2.0), whose credential
     * credential-status-revoked.json is revoked at statusListIndex 23. Byte 2 is 0x01: MSB first.
     */
    @Test
    void theValidatorsListRevokesIndex23AndNothingElse() {
        BitstringStatusList list =
                BitstringStatusList.decode("uH4sIAAAAAAAA_-3BMQEAAAzDoMy_6cnoA9QFAAAAAAAAAAAAAAAAAAAAbD3uPa2cAEAAAA");

        assertThat(list.get(23)).isTrue();
        assertThat(list.cardinality()).isEqualTo(1);
        assertThat(list.toByteArray()[2]).isEqualTo((byte) 0x01);
    }

    @Test
    void whatIsNotAStatusListIsRefused() throws Exception {
        assertThatThrownBy(() -> BitstringStatusList.decode("H4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BitstringStatusList.decode("u" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(new byte[] {1, 2, 3}))).hasMessageContaining("GZIP");
        assertThatThrownBy(() -> BitstringStatusList.decode(Multibase.base64url(gzip(new byte[1024]))))
                .hasMessageContaining("fewer than");
        assertThatThrownBy(() -> BitstringStatusList.decode(Multibase.base64url(gzip(new byte[BitstringStatusList.MAX_BYTES + 1]))))
                .hasMessageContaining("larger");
        assertThatThrownBy(() -> new BitstringStatusList(1024)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BitstringStatusList().get(BitstringStatusList.MIN_BITS))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aRandomFreeIndexIsNeverOneAlreadyUsed() {
        Set<Integer> used = new HashSet<>();
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 1_000; i++) {
            int index = BitstringStatusList.randomFreeIndex(1_000, used::contains, random);
            assertThat(used.add(index)).as("index %d given twice", index).isTrue();
        }
        assertThat(used).hasSize(1_000);
        assertThatThrownBy(() -> BitstringStatusList.randomFreeIndex(1_000, used::contains, random))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRandomFreeIndexOfAFullListButOneIsThatOne() {
        Set<Integer> used = new HashSet<>();
        for (int i = 0; i < BitstringStatusList.MIN_BITS; i++) {
            if (i != 77_777) {
                used.add(i);
            }
        }

        assertThat(BitstringStatusList.randomFreeIndex(BitstringStatusList.MIN_BITS, used)).isEqualTo(77_777);
    }

    private static byte[] gzip(byte[] bytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }
}
