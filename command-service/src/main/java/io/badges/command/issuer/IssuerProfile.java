package io.badges.command.issuer;

/** The public profile of an issuer, validated at the edge. */
public record IssuerProfile(String name, String url, String email, String description, String image) {
}
