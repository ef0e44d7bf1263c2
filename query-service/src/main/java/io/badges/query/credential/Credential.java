package io.badges.query.credential;

/**
 * An OB 3.0 award's signed OpenBadgeCredential, exactly as the command side issued it: {@code json}
 * the JSON-LD text with its Data Integrity proof, {@code jwt} the same credential as a VC-JWT.
 * Immutable once issued; a revocation changes the issuer's status list, not this.
 */
public record Credential(String json, String jwt) {

    /** What the L1 bound counts: two bytes per char at most, plus the slot. */
    int weight() {
        return 2 * (json.length() + (jwt == null ? 0 : jwt.length())) + 96;
    }
}
