package io.badges.command.issuer;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.badges.events.issuer.IssuerKeyAdded;
import io.badges.events.issuer.IssuerProfileUpdated;
import io.badges.events.issuer.IssuerRegistered;
import io.badges.events.issuer.StatusListPublished;
import io.badges.command.domain.RuleViolationException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

@Aggregate
public class Issuer {

    @AggregateIdentifier
    private String issuerId;
    /** The last published version of each status list. */
    private final Map<String, Long> publishedStatusLists = new HashMap<>();

    private static final Set<String> ALGORITHMS = Set.of(IssuerKeyAdded.RS256, IssuerKeyAdded.ED25519,
            IssuerKeyAdded.ES256);

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
        if (!ALGORITHMS.contains(command.algorithm())) {
            throw new RuleViolationException("algorithm", "must be one of " + ALGORITHMS);
        }
        apply(new IssuerKeyAdded(issuerId, command.keyId(), command.publicKeyPem(), command.at(), command.algorithm()));
    }

    /** Versions only move forward: a stale or repeated publication records nothing. */
    @CommandHandler
    public void handle(PublishStatusList command) {
        if (command.version() <= publishedStatusLists.getOrDefault(command.listId(), 0L)) {
            return;
        }
        apply(new StatusListPublished(issuerId, command.listId(), command.version(), command.credential(),
                command.at()));
    }

    @EventSourcingHandler
    void on(IssuerRegistered event) {
        this.issuerId = event.issuerId();
    }

    @EventSourcingHandler
    void on(StatusListPublished event) {
        publishedStatusLists.merge(event.listId(), event.version(), Math::max);
    }
}
