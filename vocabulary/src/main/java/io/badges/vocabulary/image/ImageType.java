package io.badges.vocabulary.image;

import java.util.Arrays;
import java.util.Optional;

/** The two image formats badges are baked into (Open Badges baking specification). */
public enum ImageType {

    PNG("image/png"),
    SVG("image/svg+xml");

    private final String mediaType;

    ImageType(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    public static Optional<ImageType> ofMediaType(String mediaType) {
        if (mediaType == null) {
            return Optional.empty();
        }
        String bare = mediaType.split(";", 2)[0].strip();
        return Arrays.stream(values()).filter(t -> t.mediaType.equalsIgnoreCase(bare)).findFirst();
    }

    /** The format the bytes are in, by the PNG signature or an XML start; empty for anything else. */
    public static Optional<ImageType> sniff(byte[] bytes) {
        if (Png.hasSignature(bytes)) {
            return Optional.of(PNG);
        }
        int i = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            i = 3;
        }
        while (i < bytes.length && Character.isWhitespace(bytes[i])) {
            i++;
        }
        return i < bytes.length && bytes[i] == '<' ? Optional.of(SVG) : Optional.empty();
    }
}
