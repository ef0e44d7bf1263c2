package io.badges.credentials;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Ed25519 keys as W3C Multikey values (Controlled Identifiers 1.0, "Multikey"): a public key is
 * {@code z} + base58btc(0xed 0x01 + the 32 key bytes), which always reads {@code z6Mk...}; a private
 * key is {@code z} + base58btc(0x80 0x26 + the 32-byte seed). A {@code did:key} is
 * {@code did:key:} + the public Multikey.
 */
public final class Multikey {

    private static final byte[] PUBLIC_HEADER = {(byte) 0xed, 0x01};
    private static final byte[] PRIVATE_HEADER = {(byte) 0x80, 0x26};
    /** DER of SubjectPublicKeyInfo for Ed25519 up to the raw key (RFC 8410). */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    /** DER of a version-1 PKCS#8 PrivateKeyInfo for Ed25519 up to the raw seed (RFC 8410). */
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");
    private static final String DID_KEY = "did:key:";
    private static final int KEY_LENGTH = 32;

    private Multikey() {
    }

    /** The {@code publicKeyMultibase} ({@code z6Mk...}) of an Ed25519 public key. */
    public static String encode(PublicKey ed25519PublicKey) {
        return Multibase.base58btc(concat(PUBLIC_HEADER, rawPublicKey(ed25519PublicKey)));
    }

    /** The Ed25519 public key of a {@code publicKeyMultibase}; other key types are refused. */
    public static PublicKey decodePublicKey(String publicKeyMultibase) {
        byte[] bytes = Multibase.decode(publicKeyMultibase);
        if (publicKeyMultibase.charAt(0) != Multibase.BASE58BTC || bytes.length != 2 + KEY_LENGTH
                || bytes[0] != PUBLIC_HEADER[0] || bytes[1] != PUBLIC_HEADER[1]) {
            throw new IllegalArgumentException("not an Ed25519 Multikey (z6Mk...): " + publicKeyMultibase);
        }
        return publicKey(Arrays.copyOfRange(bytes, 2, bytes.length));
    }

    /** The {@code secretKeyMultibase} of an Ed25519 private key: 0x8026 + its 32-byte seed. */
    public static String encode(PrivateKey ed25519PrivateKey) {
        return Multibase.base58btc(concat(PRIVATE_HEADER, seed(ed25519PrivateKey)));
    }

    /**
     * The Ed25519 private key of a {@code secretKeyMultibase}: 0x8026 + the 32-byte seed, or, as older
     * libraries wrote it, the seed followed by the 32-byte public key.
     */
    public static PrivateKey decodePrivateKey(String secretKeyMultibase) {
        byte[] bytes = Multibase.decode(secretKeyMultibase);
        if (bytes.length < 2 + KEY_LENGTH || bytes[0] != PRIVATE_HEADER[0] || bytes[1] != PRIVATE_HEADER[1]
                || (bytes.length != 2 + KEY_LENGTH && bytes.length != 2 + 2 * KEY_LENGTH)) {
            throw new IllegalArgumentException("not an Ed25519 private Multikey");
        }
        return privateKey(Arrays.copyOfRange(bytes, 2, 2 + KEY_LENGTH));
    }

    /** The 32 raw bytes of an Ed25519 public key (the RFC 8032 encoding). */
    public static byte[] rawPublicKey(PublicKey ed25519PublicKey) {
        byte[] der = ed25519PublicKey.getEncoded();
        if (der == null || der.length != SPKI_PREFIX.length + KEY_LENGTH
                || !Arrays.equals(der, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + ed25519PublicKey.getAlgorithm());
        }
        return Arrays.copyOfRange(der, SPKI_PREFIX.length, der.length);
    }

    /** An Ed25519 public key from its 32 raw bytes. */
    public static PublicKey publicKey(byte[] raw) {
        if (raw.length != KEY_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + raw.length);
        }
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(SPKI_PREFIX, raw)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /** The 32-byte seed of an Ed25519 private key. */
    public static byte[] seed(PrivateKey ed25519PrivateKey) {
        if (ed25519PrivateKey instanceof EdECPrivateKey edec && edec.getBytes().isPresent()) {
            return edec.getBytes().get();
        }
        throw new IllegalArgumentException("not an Ed25519 private key: " + ed25519PrivateKey.getAlgorithm());
    }

    /** An Ed25519 private key from its 32-byte seed. */
    public static PrivateKey privateKey(byte[] seed) {
        if (seed.length != KEY_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 seed has 32 bytes, not " + seed.length);
        }
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, seed)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 seed", e);
        }
    }

    /**
     * The key pair of a 32-byte seed: the JDK has no public "derive the public key" call, but its
     * generator takes the seed from the random source it is given, so a source that yields exactly
     * the seed gives the pair (RFC 8032 section 5.1.5).
     */
    public static KeyPair keyPair(byte[] seed) {
        if (seed.length != KEY_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 seed has 32 bytes, not " + seed.length);
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SeedSource(seed));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK since 15", e);
        }
    }

    /** The public key that belongs to a private key. */
    public static PublicKey publicKeyOf(PrivateKey ed25519PrivateKey) {
        return keyPair(seed(ed25519PrivateKey)).getPublic();
    }

    /** {@code did:key:z6Mk...} of an Ed25519 public key. */
    public static String didKey(PublicKey ed25519PublicKey) {
        return DID_KEY + encode(ed25519PublicKey);
    }

    /** The verification method of a {@code did:key}: {@code did:key:z6Mk...#z6Mk...}. */
    public static String didKeyVerificationMethod(PublicKey ed25519PublicKey) {
        String multikey = encode(ed25519PublicKey);
        return DID_KEY + multikey + "#" + multikey;
    }

    /**
     * The key a {@code did:key} (or one of its verification method URLs) stands for; empty when the
     * value is not an Ed25519 {@code did:key}, or its fragment names another key.
     */
    public static Optional<PublicKey> fromDidKey(String didKeyUrl) {
        if (didKeyUrl == null || !didKeyUrl.startsWith(DID_KEY)) {
            return Optional.empty();
        }
        String rest = didKeyUrl.substring(DID_KEY.length());
        int hash = rest.indexOf('#');
        String multikey = hash < 0 ? rest : rest.substring(0, hash);
        if (hash >= 0 && !rest.substring(hash + 1).equals(multikey)) {
            return Optional.empty();
        }
        return tryDecode(multikey);
    }

    static Optional<PublicKey> tryDecode(String publicKeyMultibase) {
        try {
            return Optional.of(decodePublicKey(publicKeyMultibase));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Yields the seed once; anything asked of it afterwards is a misuse. */
    private static final class SeedSource extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private transient byte[] seed;

        SeedSource(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (seed == null || bytes.length != seed.length) {
                throw new IllegalStateException("the seed source yields one 32-byte seed");
            }
            System.arraycopy(seed, 0, bytes, 0, seed.length);
            seed = null;
        }
    }
}
