package io.badges.command.assertion;

import io.badges.events.assertion.AssertionIssued;
import io.badges.events.assertion.Evidence;
import io.badges.events.assertion.Recipient;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Award a badge. The recipient is already hashed (when asked to be): the clear address goes no
 * further. A signed award carries its compact JWS; {@code recipientLookup} is the keyed hash that
 * finds all awards of one address. An OB 3.0 award ({@code format} ob3) carries its credential,
 * signed once before the command is sent: the JSON-LD text with its Data Integrity proof and the VC-JWT.
 */
public record IssueAssertion(@TargetAggregateIdentifier String assertionId, String badgeClassId, Recipient recipient,
                             List<Evidence> evidence, String narrative, Instant expires, String verificationType,
                             Instant issuedOn, String signature, String recipientLookup, String format,
                             String credential, String credentialJwt) {

    public IssueAssertion(String assertionId, String badgeClassId, Recipient recipient, List<Evidence> evidence,
                          String narrative, Instant expires, String verificationType, Instant issuedOn,
                          String signature, String recipientLookup) {
        this(assertionId, badgeClassId, recipient, evidence, narrative, expires, verificationType, issuedOn,
                signature, recipientLookup, AssertionIssued.OB2, null, null);
    }

    IssueAssertion signedWith(String jws) {
        return new IssueAssertion(assertionId, badgeClassId, recipient, evidence, narrative, expires,
                verificationType, issuedOn, jws, recipientLookup, format, credential, credentialJwt);
    }

    IssueAssertion withCredential(String signedCredential, String jwt) {
        return new IssueAssertion(assertionId, badgeClassId, recipient, evidence, narrative, expires,
                verificationType, issuedOn, signature, recipientLookup, format, signedCredential, jwt);
    }

    boolean ob3() {
        return AssertionIssued.OB3.equals(format);
    }
}
