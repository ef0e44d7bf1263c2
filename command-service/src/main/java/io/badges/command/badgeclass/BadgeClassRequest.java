package io.badges.command.badgeclass;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.badges.command.domain.HttpUrl;
import io.badges.events.badgeclass.Criteria;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of POST /api/v1/badge-classes (PUT takes the same fields; its issuerId is ignored). */
record BadgeClassRequest(
        @Size(max = 36) String issuerId,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 5000) String description,
        @Size(max = ImageField.MAX_LENGTH) String image,
        @NotNull @Valid CriteriaRequest criteria,
        @Size(max = 50) List<@NotBlank @Size(max = 100) String> tags) {

    record CriteriaRequest(@Size(max = 5000) String narrative, @HttpUrl String url) {

        @JsonIgnore
        @AssertTrue(message = "needs a narrative or a url")
        boolean isNarrativeOrUrl() {
            return (narrative != null && !narrative.isBlank()) || (url != null && !url.isBlank());
        }
    }

    /** The image field as given: an http(s) URL to link, or a data: URI to host. */
    ImageField imageField() {
        return ImageField.parse(image);
    }

    BadgeClassDefinition definition(ImageField imageField) {
        return new BadgeClassDefinition(name.strip(), description, imageField.url(),
                new Criteria(criteria.narrative(), criteria.url()), tags == null ? List.of() : tags);
    }
}
