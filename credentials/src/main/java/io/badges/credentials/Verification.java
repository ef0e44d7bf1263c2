package io.badges.credentials;

/**
 * What checking one proof (an embedded Data Integrity proof or a VC-JWT signature) found.
 *
 * <p>{@code VERIFIED} says the bytes were signed by the key the {@code keyId} names, nothing more:
 * whether that key belongs to the credential's issuer, whether the credential is revoked, expired or
 * meant for this recipient are the caller's checks.
 *
 * @param reason      {@link Reason#VERIFIED} or why not
 * @param detail      a short human explanation ("" when verified)
 * @param keyId       the proof's {@code verificationMethod} or the JWT's {@code kid} (null when unknown)
 * @param credential  the credential as JSON: for a VC-JWT the credential carried in the payload; for a
 *                    Data Integrity proof the secured document as it was given (null when unreadable)
 */
public record Verification(Reason reason, String detail, String keyId, String credential) {

    public enum Reason {
        VERIFIED,
        /** Not JSON, not a compact JWS, or a required member missing or of the wrong kind. */
        MALFORMED,
        /** A document without a {@code proof}. */
        NO_PROOF,
        /** A proof whose {@code type} is not {@code DataIntegrityProof}. */
        WRONG_PROOF_TYPE,
        /** A Data Integrity proof of another cryptosuite than {@code eddsa-rdfc-2022}. */
        WRONG_CRYPTOSUITE,
        /** A proof made for another purpose than the one asked ({@code assertionMethod}). */
        WRONG_PROOF_PURPOSE,
        /** A proof {@code @context} that is not the start of the document's. */
        CONTEXT_MISMATCH,
        /** The document names a JSON-LD context we do not hold (we never fetch one). */
        UNKNOWN_CONTEXT,
        /** JSON-LD to RDF or RDF canonicalisation failed (invalid JSON-LD, undefined term, too costly). */
        CANONICALIZATION_FAILED,
        /** No public key for the {@code verificationMethod} / {@code kid}, or one of the wrong kind. */
        UNKNOWN_KEY,
        /** A {@code proofValue} that is not {@code z}-base58btc of a 64-byte signature. */
        BAD_PROOF_VALUE,
        /** A JWS algorithm we do not accept (only RS256, ES256 and EdDSA are). */
        UNSUPPORTED_ALGORITHM,
        /** The signature does not match the signed bytes under this key: tampered, or another key. */
        SIGNATURE_MISMATCH,
        /** A VC-JWT whose iss / jti / sub / nbf / exp disagree with the credential inside it. */
        CLAIMS_MISMATCH
    }

    public boolean verified() {
        return reason == Reason.VERIFIED;
    }

    static Verification verified(String keyId, String credential) {
        return new Verification(Reason.VERIFIED, "", keyId, credential);
    }

    static Verification failed(Reason reason, String detail, String keyId, String credential) {
        return new Verification(reason, detail, keyId, credential);
    }
}
