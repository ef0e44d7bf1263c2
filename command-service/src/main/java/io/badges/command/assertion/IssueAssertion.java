package io.badges.command.assertion;

import io.badges.events.assertion.Evidence;
import io.badges.events.assertion.Recipient;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Award a badge. The recipient is already hashed (when asked to be): the clear address goes no
 * further. A signed award carries its compact JWS; {@code recipientLookup} is the keyed hash that
 * finds all awards of one address.
 */
public record IssueAssertion(@TargetAggregateIdentifier String assertionId, String badgeClassId, Recipient recipient,
                             List<Evidence> evidence, String narrative, Instant expires, String verificationType,
                             Instant issuedOn, String signature, String recipientLookup) {

    IssueAssertion signedWith(String jws) {
        return new IssueAssertion(assertionId, badgeClassId, recipient, evidence, narrative, expires,
                verificationType, issuedOn, jws, recipientLookup);
    }
}
