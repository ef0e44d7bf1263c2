package io.badges.command.badgeclass;

import io.badges.command.domain.RuleViolationException;
import io.badges.command.domain.HttpUrl;
import io.badges.vocabulary.image.BadImage;
import io.badges.vocabulary.image.BadgeImages;
import io.badges.vocabulary.image.ImageType;
import java.util.Base64;
import java.util.Locale;

/**
 * The {@code image} of a badge class request: an absolute http(s) URL, linked as it is, or a
 * {@code data:image/png;base64,} / {@code data:image/svg+xml;base64,} URI, checked and hosted by
 * the service ({@link BadgeImages#upload}).
 */
record ImageField(String url, BadgeImages.Image upload) {

    /** Base64 of {@link BadgeImages#MAX_BYTES} and its prefix. */
    static final int MAX_LENGTH = 700_000;
    private static final String DATA = "data:";
    private static final String BASE64 = ";base64,";

    static ImageField parse(String value) {
        if (value == null) {
            return new ImageField(null, null);
        }
        if (!value.regionMatches(true, 0, DATA, 0, DATA.length())) {
            if (!new HttpUrl.Validator().isValid(value, null)) {
                throw new RuleViolationException("image", "must be an absolute http or https URL, or a "
                        + "data:image/png;base64, or data:image/svg+xml;base64, URI");
            }
            return new ImageField(value, null);
        }
        int comma = value.indexOf(',');
        String header = comma < 0 ? "" : value.substring(0, comma + 1).toLowerCase(Locale.ROOT);
        if (!header.endsWith(BASE64)) {
            throw new RuleViolationException("image", "a data: URI image must be base64 (data:<type>;base64,...)");
        }
        ImageType type = ImageType.ofMediaType(header.substring(DATA.length(), header.length() - BASE64.length()))
                .orElseThrow(() -> new BadImage("only image/png and image/svg+xml images are accepted"));
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(value.substring(comma + 1));
        } catch (IllegalArgumentException e) {
            throw new RuleViolationException("image", "the data: URI is not valid base64");
        }
        return new ImageField(null, BadgeImages.upload(type, bytes));
    }
}
