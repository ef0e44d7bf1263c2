package io.badges.vocabulary.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Badge images under the Open Badges baking specification: what an issuer may upload, baking an
 * assertion (OB 2.0) or a credential (OB 3.0) into a copy of the image, and reading it back.
 * <ul>
 *   <li>PNG: one uncompressed {@code iTXt} chunk before IEND, keyword {@code openbadges} (the
 *       assertion JSON, or the compact JWS of a signed one) or {@code openbadgecredential}.</li>
 *   <li>SVG: {@code <openbadges:assertion verify="...">} in {@code http://openbadges.org}, first in the
 *       root element: hosted, {@code verify} is the assertion URL and the JSON is in CDATA; signed,
 *       {@code verify} is the JWS. OB 3.0: {@code <openbadges:credential>} in the v3p0 namespace.</li>
 * </ul>
 */
public final class BadgeImages {

    public static final int MAX_BYTES = 512 * 1024;
    public static final String OB2_KEYWORD = "openbadges";
    public static final String OB3_KEYWORD = "openbadgecredential";
    static final Svg.Carrier OB2_SVG = new Svg.Carrier("openbadges", "http://openbadges.org", "assertion");
    static final Svg.Carrier OB3_SVG = new Svg.Carrier("openbadges", "https://purl.imsglobal.org/ob/v3p0",
            "credential");

    private BadgeImages() {
    }

    /** An image and its format. */
    public record Image(ImageType type, byte[] bytes) {

        /** Hex SHA-256 of the bytes: the image's identity (event digest, HTTP ETag). */
        public String sha256() {
            try {
                return java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Which generation of badge data an image carried. */
    public enum Generation { OB2, OB3 }

    /** What was baked into an image: an assertion JSON, a compact JWS/JWT, or (SVG) an assertion URL. */
    public record Unbaked(ImageType type, Generation generation, String data) {
    }

    /**
     * Checks an upload: at most {@link #MAX_BYTES}, a well-formed PNG or a safe SVG of the declared
     * type, and no badge data baked in already (an upload is the badge class's picture, not a badge).
     */
    public static Image upload(ImageType declared, byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new TooLarge(bytes.length);
        }
        ImageType actual = ImageType.sniff(bytes)
                .orElseThrow(() -> new BadImage("not a PNG or SVG image"));
        if (actual != declared) {
            throw new BadImage("the image is " + actual.mediaType() + ", not " + declared.mediaType());
        }
        if (!unbaked(new Image(actual, bytes)).isEmpty()) {
            throw new BadImage("the image already holds baked badge data");
        }
        return new Image(actual, bytes);
    }

    public static byte[] bakeHosted(Image image, String assertionUrl, String assertionJson) {
        return image.type() == ImageType.PNG
                ? Png.bake(image.bytes(), OB2_KEYWORD, assertionJson)
                : Svg.bake(image.bytes(), OB2_SVG, assertionUrl, assertionJson);
    }

    public static byte[] bakeSigned(Image image, String compactJws) {
        return image.type() == ImageType.PNG
                ? Png.bake(image.bytes(), OB2_KEYWORD, compactJws)
                : Svg.bake(image.bytes(), OB2_SVG, compactJws, null);
    }

    public static byte[] bakeCredential(Image image, String credential) {
        return image.type() == ImageType.PNG
                ? Png.bake(image.bytes(), OB3_KEYWORD, credential)
                : Svg.bake(image.bytes(), OB3_SVG, null, credential);
    }

    /**
     * Reads the badge data baked into a presented image. Empty: a well-formed image without any.
     * {@link BadImage}: not a PNG or SVG, malformed, unsafe, too large, or more than one badge in it.
     */
    public static Optional<Unbaked> unbake(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new TooLarge(bytes.length);
        }
        ImageType type = ImageType.sniff(bytes).orElseThrow(() -> new BadImage("not a PNG or SVG image"));
        List<Unbaked> found = unbaked(new Image(type, bytes));
        if (found.size() > 1) {
            throw new BadImage("the image holds " + found.size() + " baked badges; a badge image holds one");
        }
        return found.stream().findFirst();
    }

    private static List<Unbaked> unbaked(Image image) {
        List<Unbaked> found = new ArrayList<>();
        if (image.type() == ImageType.PNG) {
            Png.texts(image.bytes(), OB2_KEYWORD).forEach(t -> found.add(new Unbaked(ImageType.PNG, Generation.OB2, t)));
            Png.texts(image.bytes(), OB3_KEYWORD).forEach(t -> found.add(new Unbaked(ImageType.PNG, Generation.OB3, t)));
            return found;
        }
        for (Svg.Baked baked : Svg.check(image.bytes(), List.of(OB2_SVG, OB3_SVG))) {
            String data = baked.text().isEmpty() ? baked.verify() : baked.text();
            found.add(new Unbaked(ImageType.SVG, baked.carrier() == OB2_SVG ? Generation.OB2 : Generation.OB3,
                    data == null ? "" : data.strip()));
        }
        return found;
    }

    /** The picture of a badge class without one: its initials on a colour derived from its id. */
    public static Image generated(String badgeClassId, String name) {
        return new Image(ImageType.SVG, GeneratedBadge.svg(badgeClassId, name));
    }

    /** An image over {@link #MAX_BYTES}. */
    public static final class TooLarge extends BadImage {

        public TooLarge(int bytes) {
            super("the image has " + bytes + " bytes; at most " + MAX_BYTES + " are accepted");
        }
    }
}
