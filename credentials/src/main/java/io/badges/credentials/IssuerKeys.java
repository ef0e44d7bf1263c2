package io.badges.credentials;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Issuer key pairs, JDK only: Ed25519 for Data Integrity proofs, P-256 (ES256) or RSA (RS256) for
 * VC-JWTs; their standard encodings (PKCS#8 for private keys, X.509 SubjectPublicKeyInfo for public
 * keys, PEM) and the public JWK.
 */
public final class IssuerKeys {

    private static final List<String> ALGORITHMS = List.of("Ed25519", "EC", "RSA");

    private IssuerKeys() {
    }

    /** A new Ed25519 key pair (for {@code eddsa-rdfc-2022} proofs and did:web / did:key Multikeys). */
    public static KeyPair generateEd25519() {
        return generate("Ed25519", null);
    }

    /** A new P-256 key pair (ES256 VC-JWTs). */
    public static KeyPair generateP256() {
        return generate("EC", 256);
    }

    /** A new 2048-bit RSA key pair (RS256 VC-JWTs, the algorithm every OB 3.0 verifier must accept). */
    public static KeyPair generateRsa() {
        return generate("RSA", 2048);
    }

    /** The PKCS#8 DER of a private key: what to keep, encrypted, in the issuer's key store. */
    public static byte[] pkcs8(PrivateKey key) {
        return key.getEncoded();
    }

    /** The private key of a PKCS#8 DER; its algorithm (Ed25519, EC or RSA) is read from it. */
    public static PrivateKey privateKey(byte[] pkcs8) {
        for (String algorithm : ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException("not a PKCS#8 Ed25519, EC or RSA private key");
    }

    /** The X.509 SubjectPublicKeyInfo DER of a public key. */
    public static byte[] x509(PublicKey key) {
        return key.getEncoded();
    }

    /** The public key of an X.509 SubjectPublicKeyInfo DER; its algorithm (Ed25519, EC or RSA) is read from it. */
    public static PublicKey publicKey(byte[] x509) {
        for (String algorithm : ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(x509));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException("not an X.509 Ed25519, EC or RSA public key");
    }

    /** PEM ({@code -----BEGIN PUBLIC KEY-----}) of a public key. */
    public static String pem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    /** PEM ({@code -----BEGIN PRIVATE KEY-----}, PKCS#8) of a private key. */
    public static String pem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    /** The DER inside a PEM block ({@code PUBLIC KEY} or {@code PRIVATE KEY}). */
    public static byte[] fromPem(String pem) {
        String body = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    /**
     * The public JWK of a P-256, RSA or Ed25519 public key, with {@code kid} when one is given: what the
     * {@code kid} of a VC-JWT dereferences to. Never contains private members.
     */
    public static Map<String, Object> publicJwk(PublicKey key, String kid) {
        return jwk(key, kid).toJSONObject();
    }

    /**
     * The public key of a public JWK (an EC P-256, RSA or Ed25519 OKP key), as found in a DID document's
     * {@code publicKeyJwk} or a JWKS.
     *
     * @throws IllegalArgumentException when it is not such a key, or it holds a private part
     */
    public static PublicKey fromJwk(Map<String, Object> jwk) {
        JWK parsed;
        try {
            parsed = JWK.parse(jwk);
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a JWK: " + e.getMessage(), e);
        }
        if (parsed.isPrivate()) {
            throw new IllegalArgumentException("a public JWK must not hold a private key");
        }
        try {
            if (parsed instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())) {
                return ec.toECPublicKey();
            }
            if (parsed instanceof RSAKey rsa) {
                return rsa.toRSAPublicKey();
            }
            if (parsed instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())) {
                return Multikey.publicKey(okp.getX().decode());
            }
        } catch (JOSEException e) {
            throw new IllegalArgumentException("not a usable public JWK: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("only P-256, RSA and Ed25519 JWKs are used here");
    }

    static JWK jwk(PublicKey key, String kid) {
        if (key instanceof ECPublicKey ec) {
            Curve curve = Curve.forECParameterSpec(ec.getParams());
            if (!Curve.P_256.equals(curve)) {
                throw new IllegalArgumentException("only P-256 EC keys are used here, not " + curve);
            }
            return new ECKey.Builder(Curve.P_256, ec).keyID(kid).build();
        }
        if (key instanceof RSAPublicKey rsa) {
            return new RSAKey.Builder(rsa).keyID(kid).build();
        }
        if (key instanceof EdECPublicKey) {
            return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(Multikey.rawPublicKey(key))).keyID(kid)
                    .build();
        }
        throw new IllegalArgumentException("no JWK for a " + key.getAlgorithm() + " key");
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static KeyPair generate(String algorithm, Integer size) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if ("EC".equals(algorithm)) {
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            } else if (size != null) {
                generator.initialize(size);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " key generation is part of every JDK 17", e);
        }
    }
}
