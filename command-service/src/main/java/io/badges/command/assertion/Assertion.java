package io.badges.command.assertion;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.badges.command.badgeclass.BadgeClasses;
import io.badges.command.domain.RuleViolationException;
import io.badges.command.domain.UnknownReferenceException;
import io.badges.events.assertion.AssertionIssued;
import io.badges.events.assertion.AssertionRevoked;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

@Aggregate
public class Assertion {

    @AggregateIdentifier
    private String assertionId;
    private String badgeClassId;
    private boolean revoked;

    protected Assertion() {
    }

    @CommandHandler
    public Assertion(IssueAssertion command, BadgeClasses badgeClasses) {
        String issuerId = badgeClasses.issuerOf(command.badgeClassId())
                .orElseThrow(() -> new UnknownReferenceException("badgeClassId",
                        "no badge class " + command.badgeClassId()));
        apply(issued(command, issuerId));
    }

    /**
     * The fact that starts an assertion's life, once its rules hold. A new assertion has no state to
     * consult, so this is all its creation decides; batch awards use it without loading anything.
     */
    static AssertionIssued issued(IssueAssertion command, String issuerId) {
        expiryMustFollowIssueDate(command);
        if (command.ob3()) {
            if (command.credential() == null || command.credentialJwt() == null) {
                throw new IllegalStateException("an OB 3.0 award is signed before its command is sent");
            }
            return AssertionIssued.ob3(command.assertionId(), command.badgeClassId(), issuerId, command.recipient(),
                    command.evidence(), command.narrative(), command.issuedOn(), command.expires(),
                    command.recipientLookup(), command.credential(), command.credentialJwt());
        }
        return new AssertionIssued(command.assertionId(), command.badgeClassId(), issuerId, command.recipient(),
                command.evidence(), command.narrative(), command.issuedOn(), command.expires(),
                command.verificationType(), command.signature(), command.recipientLookup());
    }

    /** Revoking a revoked assertion changes nothing and records nothing. */
    @CommandHandler
    public void handle(RevokeAssertion command) {
        if (revoked) {
            return;
        }
        apply(new AssertionRevoked(assertionId, badgeClassId, command.reason(), command.at()));
    }

    private static void expiryMustFollowIssueDate(IssueAssertion command) {
        if (command.expires() != null && !command.expires().isAfter(command.issuedOn())) {
            throw new RuleViolationException("expires", "must be after the issue date " + command.issuedOn());
        }
    }

    @EventSourcingHandler
    void on(AssertionIssued event) {
        this.assertionId = event.assertionId();
        this.badgeClassId = event.badgeClassId();
    }

    @EventSourcingHandler
    void on(AssertionRevoked event) {
        this.revoked = true;
    }
}
