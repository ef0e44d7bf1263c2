package io.badges.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.util.List;
import org.junit.jupiter.api.Test;

class IssuerKeysTest {

    @Test
    void everyKindOfKeyRoundTripsThroughPkcs8X509AndPem() {
        for (KeyPair pair : List.of(IssuerKeys.generateEd25519(), IssuerKeys.generateP256(), IssuerKeys.generateRsa())) {
            assertThat(IssuerKeys.privateKey(IssuerKeys.pkcs8(pair.getPrivate()))).isEqualTo(pair.getPrivate());
            assertThat(IssuerKeys.publicKey(IssuerKeys.x509(pair.getPublic()))).isEqualTo(pair.getPublic());
            assertThat(IssuerKeys.publicKey(IssuerKeys.fromPem(IssuerKeys.pem(pair.getPublic())))).isEqualTo(pair.getPublic());
            assertThat(IssuerKeys.privateKey(IssuerKeys.fromPem(IssuerKeys.pem(pair.getPrivate()))))
                    .isEqualTo(pair.getPrivate());
        }
        assertThat(IssuerKeys.pem(IssuerKeys.generateP256().getPublic())).startsWith("-----BEGIN PUBLIC KEY-----\n");
        assertThatThrownBy(() -> IssuerKeys.privateKey(new byte[] {1, 2})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePublicJwkOfAP256KeyHasItsCurveAndPointAndNoPrivatePart() {
        var jwk = IssuerKeys.publicJwk(IssuerKeys.generateP256().getPublic(), "did:web:badges.test#key-1");

        assertThat(jwk).containsEntry("kty", "EC").containsEntry("crv", "P-256")
                .containsEntry("kid", "did:web:badges.test#key-1").containsKeys("x", "y").doesNotContainKey("d");
    }

    @Test
    void aPublicJwkGivesBackItsKeyButAPrivateOneIsRefused() throws Exception {
        for (KeyPair pair : List.of(IssuerKeys.generateEd25519(), IssuerKeys.generateP256(), IssuerKeys.generateRsa())) {
            assertThat(IssuerKeys.fromJwk(IssuerKeys.publicJwk(pair.getPublic(), "k"))).isEqualTo(pair.getPublic());
        }
        KeyPair p256 = IssuerKeys.generateP256();
        var privateJwk = new com.nimbusds.jose.jwk.ECKey.Builder(com.nimbusds.jose.jwk.Curve.P_256,
                (java.security.interfaces.ECPublicKey) p256.getPublic()).privateKey(p256.getPrivate()).build().toJSONObject();
        assertThatThrownBy(() -> IssuerKeys.fromJwk(privateJwk)).hasMessageContaining("private");
        assertThatThrownBy(() -> IssuerKeys.fromJwk(java.util.Map.of("kty", "oct", "k", "c2VjcmV0")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rsaAndEd25519KeysHaveJwksToo() {
        assertThat(IssuerKeys.publicJwk(IssuerKeys.generateRsa().getPublic(), null))
                .containsEntry("kty", "RSA").containsKeys("n", "e").doesNotContainKeys("d", "kid");
        assertThat(IssuerKeys.publicJwk(IssuerKeys.generateEd25519().getPublic(), "k"))
                .containsEntry("kty", "OKP").containsEntry("crv", "Ed25519").containsKey("x").doesNotContainKey("d");
    }
}
