package io.badges.command.assertion;

import java.util.List;

/** Award one badge class to many recipients at once: one assertion aggregate and one event each. */
public record IssueAssertionBatch(String badgeClassId, List<IssueAssertion> awards) {
}
