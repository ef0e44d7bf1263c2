package io.badges.command.issuer;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.badges.events.issuer.IssuerKeyAdded;
import io.badges.events.issuer.IssuerProfileUpdated;
import io.badges.events.issuer.IssuerRegistered;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

@Aggregate
public class Issuer {

    @AggregateIdentifier
    private String issuerId;

    protected Issuer() {
    }

    @CommandHandler
    public Issuer(RegisterIssuer command) {
        IssuerProfile p = command.profile();
        apply(new IssuerRegistered(command.issuerId(), p.name(), p.url(), p.email(), p.description(), p.image(),
                command.at()));
    }

    @CommandHandler
    public void handle(UpdateIssuerProfile command) {
        IssuerProfile p = command.profile();
        apply(new IssuerProfileUpdated(issuerId, p.name(), p.url(), p.email(), p.description(), p.image(),
                command.at()));
    }

    /** Keys are only ever added: older keys stay published so that what they signed still verifies. */
    @CommandHandler
    public void handle(AddIssuerKey command) {
        apply(new IssuerKeyAdded(issuerId, command.keyId(), command.publicKeyPem(), command.at()));
    }

    @EventSourcingHandler
    void on(IssuerRegistered event) {
        this.issuerId = event.issuerId();
    }
}
