package io.badges.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class MultikeyTest {

    /** The key pair of the W3C "Data Integrity EdDSA Cryptosuites v1.0" test vectors (appendix A, "Representation: eddsa-rdfc-2022"). */
    private static final String W3C_PUBLIC = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
    private static final String W3C_SECRET = "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq";

    @Test
    void theW3cVectorsSecretKeyGivesItsPublicKey() {
        PrivateKey secret = Multikey.decodePrivateKey(W3C_SECRET);

        PublicKey derived = Multikey.publicKeyOf(secret);

        assertThat(Multikey.encode(derived)).isEqualTo(W3C_PUBLIC);
        assertThat(Multikey.encode(secret)).isEqualTo(W3C_SECRET);
        assertThat(Multikey.rawPublicKey(Multikey.decodePublicKey(W3C_PUBLIC)))
                .isEqualTo(Multikey.rawPublicKey(derived));
    }

    @Test
    void aPublicMultikeyIsZPlusBase58OfEd01AndTheKey() {
        byte[] raw = HexFormat.of().parseHex("4bdeafde2ea8beefadd8c699b5c7e0704cf51154d52e17b20b71337ca04cc5a5");

        String multikey = Multikey.encode(Multikey.publicKey(raw));

        assertThat(multikey).isEqualTo("z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi");
        byte[] decoded = Multibase.decodeBase58(multikey.substring(1));
        assertThat(Arrays.copyOf(decoded, 2)).isEqualTo(new byte[] {(byte) 0xed, 0x01});
        assertThat(Arrays.copyOfRange(decoded, 2, 34)).isEqualTo(raw);
    }

    /** The OB 3.0 Implementation Guide's secretKeyMultibase: the older form, seed followed by the public key. */
    @Test
    void theOlderSeedAndPublicKeyFormOfASecretKeyIsRead() {
        PrivateKey secret = Multikey.decodePrivateKey(
                "zrv2bqTbNwCTsRrHFcJCPjVAduh4Ezcnoq1A3ZxH1GWTNkxipLVuaAoMFmze2gFN9oNXfJjufxSHWVZzsJiUsMHFMcx");

        assertThat(HexFormat.of().formatHex(Multikey.seed(secret)))
                .isEqualTo("6241a409e6707bb640a0140a8a32bc3d193c33a661747284d6adfa4ed4180be4");
        assertThat(Multikey.encode(Multikey.publicKeyOf(secret)))
                .isEqualTo("z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi");
    }

    @Test
    void aDidKeyIsTheMultikeyAndItsVerificationMethodNamesItTwice() {
        PublicKey key = Multikey.decodePublicKey(W3C_PUBLIC);

        assertThat(Multikey.didKey(key)).isEqualTo("did:key:" + W3C_PUBLIC);
        assertThat(Multikey.didKeyVerificationMethod(key)).isEqualTo("did:key:" + W3C_PUBLIC + "#" + W3C_PUBLIC);
        assertThat(Multikey.fromDidKey("did:key:" + W3C_PUBLIC + "#" + W3C_PUBLIC)).isPresent();
        assertThat(Multikey.fromDidKey("did:key:" + W3C_PUBLIC)).isPresent();
        assertThat(Multikey.fromDidKey("did:key:" + W3C_PUBLIC + "#key-1")).isEmpty();
        assertThat(Multikey.fromDidKey("did:web:badges.test")).isEmpty();
        assertThat(Multikey.fromDidKey("did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme")).isEmpty();
    }

    @Test
    void generatedKeysRoundTrip() {
        KeyPair pair = IssuerKeys.generateEd25519();

        assertThat(Multikey.decodePublicKey(Multikey.encode(pair.getPublic()))).isEqualTo(pair.getPublic());
        assertThat(Multikey.seed(Multikey.decodePrivateKey(Multikey.encode(pair.getPrivate()))))
                .isEqualTo(Multikey.seed(pair.getPrivate()));
        assertThat(Multikey.publicKeyOf(pair.getPrivate())).isEqualTo(pair.getPublic());
    }

    @Test
    void otherKeyTypesAndEncodingsAreRefused() {
        String p256 = Multibase.base58btc(concat(new byte[] {(byte) 0x80, 0x24}, new byte[33]));

        assertThatThrownBy(() -> Multikey.decodePublicKey(p256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Multikey.decodePublicKey("u7QE")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Multikey.encode(IssuerKeys.generateP256().getPublic()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Multikey.decodePrivateKey(W3C_PUBLIC)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void base58btcUsesBitcoinsAlphabetAndKeepsLeadingZeros() {
        assertThat(Multibase.encodeBase58("Hello World!".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("2NEpo7TZRRrLZSi2U");
        assertThat(Multibase.encodeBase58(new byte[] {0, 0, 1})).isEqualTo("112");
        assertThat(Multibase.decodeBase58("112")).isEqualTo(new byte[] {0, 0, 1});
        assertThat(Multibase.decodeBase58("")).isEmpty();
        assertThat(Multibase.base58btc(new byte[] {0})).isEqualTo("z1");
        assertThatThrownBy(() -> Multibase.decodeBase58("0OIl")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Multibase.decode("fabcd")).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
