package io.badges.query.verification;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Set;

/**
 * RS256/384/512 signature checks through nimbus-jose-jwt: no hand-rolled crypto. The PEM public key
 * (SubjectPublicKeyInfo) is read with the JDK's KeyFactory.
 */
final class Signatures {

    private static final Set<JWSAlgorithm> ACCEPTED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512);

    private Signatures() {
    }

    /** Whether {@code jws} was signed by the private half of the PEM public key; false for any other algorithm. */
    static boolean verifiedBy(JWSObject jws, String publicKeyPem) {
        if (publicKeyPem == null || !ACCEPTED.contains(jws.getHeader().getAlgorithm())) {
            return false;
        }
        try {
            return jws.verify(new RSASSAVerifier(rsaPublicKey(publicKeyPem)));
        } catch (JOSEException | GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    static RSAPublicKey rsaPublicKey(String pem) throws GeneralSecurityException {
        String base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "")
                .replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
