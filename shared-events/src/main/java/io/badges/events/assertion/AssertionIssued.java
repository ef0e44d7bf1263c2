package io.badges.events.assertion;

import io.badges.events.BadgeEvent;
import java.time.Instant;
import java.util.List;

public record AssertionIssued(
        int schemaVersion,
        String assertionId,
        String badgeClassId,
        String issuerId,
        Recipient recipient,
        List<Evidence> evidence,
        String narrative,
        Instant issuedOn,
        Instant expires,
        String verificationType,
        Instant occurredAt,
        String signature,
        String recipientLookup,
        String format,
        String credential,
        String credentialJwt) implements BadgeEvent {

    /**
     * Version 2 added {@code signature}, the compact JWS of a signed award (absent for hosted ones);
     * version 3 added {@code recipientLookup} ({@link RecipientLookup}); version 4 added {@code format}
     * ({@code ob2}, the default when absent, or {@code ob3}) and, for an OB 3.0 award, the signed
     * credential exactly as issued: {@code credential} (the OpenBadgeCredential JSON-LD text with its
     * embedded eddsa-rdfc-2022 proof) and {@code credentialJwt} (the same credential as a VC-JWT).
     */
    public static final int SCHEMA_VERSION = 4;
    public static final String OB2 = "ob2";
    public static final String OB3 = "ob3";

    public AssertionIssued {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        format = format == null ? OB2 : format;
    }

    public AssertionIssued(String assertionId, String badgeClassId, String issuerId, Recipient recipient,
                           List<Evidence> evidence, String narrative, Instant issuedOn, Instant expires,
                           String verificationType) {
        this(assertionId, badgeClassId, issuerId, recipient, evidence, narrative, issuedOn, expires,
             verificationType, null, null);
    }

    public AssertionIssued(String assertionId, String badgeClassId, String issuerId, Recipient recipient,
                           List<Evidence> evidence, String narrative, Instant issuedOn, Instant expires,
                           String verificationType, String signature, String recipientLookup) {
        this(SCHEMA_VERSION, assertionId, badgeClassId, issuerId, recipient, evidence, narrative,
             issuedOn, expires, verificationType, issuedOn, signature, recipientLookup, OB2, null, null);
    }

    /** An OB 3.0 award: the credential and its VC-JWT, signed once on the command side. */
    public static AssertionIssued ob3(String assertionId, String badgeClassId, String issuerId, Recipient recipient,
                                      List<Evidence> evidence, String narrative, Instant issuedOn, Instant expires,
                                      String recipientLookup, String credential, String credentialJwt) {
        return new AssertionIssued(SCHEMA_VERSION, assertionId, badgeClassId, issuerId, recipient, evidence,
                narrative, issuedOn, expires, "hosted", issuedOn, null, recipientLookup, OB3, credential,
                credentialJwt);
    }

    public boolean ob3() {
        return OB3.equals(format);
    }

    @Override
    public String aggregateId() {
        return assertionId;
    }
}
