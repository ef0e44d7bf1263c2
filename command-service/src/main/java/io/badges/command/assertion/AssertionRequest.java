package io.badges.command.assertion;

import io.badges.command.domain.HttpUrl;
import io.badges.events.assertion.AssertionIssued;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/** Body of POST /api/v1/assertions. */
record AssertionRequest(
        @NotBlank @Size(max = 36) String badgeClassId,
        @NotNull @Valid RecipientRequest recipient,
        Boolean hashRecipient,
        @Size(max = 20) List<@NotNull @Valid EvidenceRequest> evidence,
        @Size(max = 5000) String narrative,
        OffsetDateTime expires,
        @Pattern(regexp = "hosted|signed", message = "must be \"hosted\" or \"signed\"") String verification,
        @Pattern(regexp = "ob2|ob3", message = "must be \"ob2\" or \"ob3\"") String format) {

    record RecipientRequest(
            @NotBlank @Pattern(regexp = "email", message = "must be \"email\"") String type,
            @NotBlank @Size(max = 320) @Email(regexp = ".+@[^@\\s]+\\.[^@\\s]+") String identity) {
    }

    record EvidenceRequest(@HttpUrl String url, @Size(max = 5000) String narrative) {
    }

    boolean hashed() {
        return hashRecipient == null || hashRecipient;
    }

    /** ob2 (the default) or ob3. */
    String formatOrDefault() {
        return format == null ? AssertionIssued.OB2 : format;
    }

    String verificationType() {
        return verification == null ? "hosted" : verification;
    }
}
