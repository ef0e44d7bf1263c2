package io.badges.command.assertion;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/** Body of POST /api/v1/assertions/batch: the fields of a single award (format too), with up to 10,000 recipients. */
record AssertionBatchRequest(
        @NotBlank @Size(max = 36) String badgeClassId,
        @NotNull @Size(min = 1, max = 10_000) List<AssertionRequest.@NotNull @Valid RecipientRequest> recipients,
        Boolean hashRecipient,
        @Size(max = 20) List<AssertionRequest.@NotNull @Valid EvidenceRequest> evidence,
        @Size(max = 5000) String narrative,
        OffsetDateTime expires,
        @Pattern(regexp = "hosted|signed", message = "must be \"hosted\" or \"signed\"") String verification,
        @Pattern(regexp = "ob2|ob3", message = "must be \"ob2\" or \"ob3\"") String format) {

    /** The single award this batch makes for one recipient. */
    AssertionRequest award(AssertionRequest.RecipientRequest recipient) {
        return new AssertionRequest(badgeClassId, recipient, hashRecipient, evidence, narrative, expires, verification,
                format);
    }
}
