package io.badges.command.issuer;

import io.badges.command.domain.TimeOrderedIds;
import io.badges.events.issuer.IssuerKeyAdded;
import java.security.KeyPair;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Generates an issuer's key pairs: RS256 (OB 2.0 signed assertions), Ed25519 (OB 3.0 Data Integrity
 * proofs) and ES256 / P-256 (OB 3.0 VC-JWTs). The event (public key) and the sealed private key
 * commit in one transaction: the command's unit of work joins this one.
 */
@Service
public class IssuerKeys {

    public record PublishedKey(String keyId, String algorithm, String publicKeyPem) {
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
    public PublishedKey generate(String issuerId, String algorithm) {
        KeyPair pair = switch (algorithm) {
            case IssuerKeyAdded.ED25519 -> io.badges.credentials.IssuerKeys.generateEd25519();
            case IssuerKeyAdded.ES256 -> io.badges.credentials.IssuerKeys.generateP256();
            default -> io.badges.credentials.IssuerKeys.generateRsa();
        };
        String keyId = TimeOrderedIds.next();
        String pem = io.badges.credentials.IssuerKeys.pem(pair.getPublic());
        var at = clock.instant();
        commands.sendAndWait(new AddIssuerKey(issuerId, keyId, pem, at, algorithm));
        keys.insert(keyId, issuerId, algorithm, pem, pair.getPrivate().getEncoded(), at);
        return new PublishedKey(keyId, algorithm, pem);
    }

    /**
     * The issuer's newest key of this algorithm, made now if it has none (an issuer's first OB 3.0
     * award). Called while the issuer's status list row is locked, so two first awards make one key.
     */
    @Transactional
    public IssuerKeyStore.OpenedKey newestOrNew(String issuerId, String algorithm) {
        return keys.newest(issuerId, algorithm).orElseGet(() -> {
            generate(issuerId, algorithm);
            return keys.newest(issuerId, algorithm).orElseThrow();
        });
    }
}
