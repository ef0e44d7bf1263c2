package io.badges.credentials;

import java.security.PublicKey;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the Ed25519 public key a Data Integrity proof's {@code verificationMethod} names. The
 * verifying service composes these: its own issuers' keys from the read model, {@code did:web}
 * documents through its bounded fetcher, {@code did:key} locally.
 */
@FunctionalInterface
public interface VerificationMethodResolver {

    /** The key of this verification method URL, or empty when it is not known. */
    Optional<PublicKey> resolve(String verificationMethod);

    /** This resolver, and when it knows nothing, the other one. */
    default VerificationMethodResolver orElse(VerificationMethodResolver other) {
        return url -> resolve(url).or(() -> other.resolve(url));
    }

    /** Exactly one verification method with one key. */
    static VerificationMethodResolver of(String verificationMethod, PublicKey key) {
        return url -> verificationMethod.equals(url) ? Optional.of(key) : Optional.empty();
    }

    /** A fixed table of verification methods. */
    static VerificationMethodResolver of(Map<String, PublicKey> keys) {
        Map<String, PublicKey> copy = Map.copyOf(keys);
        return url -> Optional.ofNullable(copy.get(url));
    }

    /** {@code did:key:z6Mk...#z6Mk...}: the key is the identifier itself. */
    static VerificationMethodResolver didKey() {
        return Multikey::fromDidKey;
    }

    /**
     * Reads an Ed25519 Multikey from the URL's fragment ({@code https://example.com/issuers/1#z6Mk...}),
     * as 1EdTech's validator does for its test vectors. This proves the signature only: anyone can
     * write any key into a fragment, so it says nothing about who the issuer is.
     */
    static VerificationMethodResolver multikeyFragment() {
        return url -> {
            int hash = url == null ? -1 : url.indexOf('#');
            return hash < 0 ? Optional.empty() : Multikey.tryDecode(url.substring(hash + 1));
        };
    }
}
