package io.badges.command.issuer;

import io.badges.command.domain.HttpUrl;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of POST and PUT /api/v1/issuers. */
record IssuerRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @HttpUrl String url,
        @NotBlank @Size(max = 320) @Email(regexp = ".+@[^@\\s]+\\.[^@\\s]+") String email,
        @Size(max = 5000) String description,
        @HttpUrl String image) {

    IssuerProfile profile() {
        return new IssuerProfile(name.strip(), url, email.strip(), description, image);
    }
}
