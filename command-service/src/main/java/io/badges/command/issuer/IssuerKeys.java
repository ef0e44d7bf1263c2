package io.badges.command.issuer;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Generates an issuer's RS256 key pair. The event (public key) and the sealed private key commit in
 * one transaction: the command's unit of work joins this one.
 */
@Service
class IssuerKeys {

    record PublishedKey(String keyId, String publicKeyPem) {
    }

    private final CommandGateway commands;
    private final IssuerKeyStore keys;
    private final Clock clock;

    IssuerKeys(CommandGateway commands, IssuerKeyStore keys, Clock clock) {
        this.commands = commands;
        this.keys = keys;
        this.clock = clock;
    }

    @Transactional
    public PublishedKey generate(String issuerId) {
        KeyPair pair = rsa2048();
        String keyId = UUID.randomUUID().toString();
        String pem = pem(pair.getPublic().getEncoded());
        var at = clock.instant();
        commands.sendAndWait(new AddIssuerKey(issuerId, keyId, pem, at));
        keys.insert(keyId, issuerId, pem, pair.getPrivate().getEncoded(), at);
        return new PublishedKey(keyId, pem);
    }

    private static KeyPair rsa2048() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(byte[] subjectPublicKeyInfo) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(subjectPublicKeyInfo);
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----";
    }
}
