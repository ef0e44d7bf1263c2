package io.badges.command.assertion;

import io.badges.command.badgeclass.BadgeClasses;
import io.badges.command.web.UnknownReferenceException;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Creates the assertions of a batch in one unit of work (one transaction: all or nothing). The badge
 * class is looked up once for the whole batch; the events are appended and the rows written as JDBC
 * batches when the unit of work commits.
 */
@Component
class AssertionBatchHandler {

    private final Repository<Assertion> assertions;
    private final BadgeClasses badgeClasses;

    AssertionBatchHandler(@Qualifier("assertionRepository") Repository<Assertion> assertions,
                          BadgeClasses badgeClasses) {
        this.assertions = assertions;
        this.badgeClasses = badgeClasses;
    }

    @CommandHandler
    void handle(IssueAssertionBatch batch) throws Exception {
        String issuerId = badgeClasses.issuerOf(batch.badgeClassId()).orElseThrow(() ->
                new UnknownReferenceException("badgeClassId", "no badge class " + batch.badgeClassId()));
        BadgeClasses known = id -> id.equals(batch.badgeClassId()) ? Optional.of(issuerId) : Optional.empty();
        for (IssueAssertion award : batch.awards()) {
            assertions.newInstance(() -> new Assertion(award, known));
        }
    }
}
