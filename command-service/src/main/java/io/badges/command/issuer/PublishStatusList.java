package io.badges.command.issuer;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Publish the signed BitstringStatusListCredential of one of the issuer's lists at {@code version}
 * of its content. An older or equal version than the last published one is a no-op (two publishers
 * may race; the highest version wins).
 */
public record PublishStatusList(@TargetAggregateIdentifier String issuerId, String listId, long version,
                                String credential, Instant at) {
}
