package io.badges.query.image;

/**
 * The picture of a badge class as it is served and baked: the uploaded one, else a generated SVG.
 * {@code externalUrl}: the issuer's own https picture, which the image URL redirects to when nothing
 * was uploaded (assertions are still baked into the generated picture, see {@link AssertionImageController}).
 * Cached (L1 and Redis; {@code bytes} is base64 in the JSON codec, binary in Smile).
 */
record BadgeImage(String mediaType, byte[] bytes, String sha256, String externalUrl) {

    /** What the L1 bound counts. */
    int weight() {
        return bytes.length + (externalUrl == null ? 0 : externalUrl.length()) + 160;
    }
}
