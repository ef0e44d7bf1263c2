package io.badges.query.issuer;

import java.time.Instant;

public record IssuerView(String id, String name, String url, String email, String description, String image,
                         Instant createdAt, Instant updatedAt) {
}
