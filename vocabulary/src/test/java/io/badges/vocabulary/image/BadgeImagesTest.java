package io.badges.vocabulary.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.badges.testsupport.TestImages;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BadgeImagesTest {

    @Test
    void anUploadMustBeAPngOrSvgOfTheDeclaredTypeAndAtMost512KiB() {
        byte[] png = TestImages.png(8);

        assertThat(BadgeImages.upload(ImageType.PNG, png).type()).isEqualTo(ImageType.PNG);
        assertThatThrownBy(() -> BadgeImages.upload(ImageType.SVG, png)).isInstanceOf(BadImage.class)
                .hasMessageContaining("is image/png, not image/svg+xml");
        assertThatThrownBy(() -> BadgeImages.upload(ImageType.PNG, TestImages.gif())).isInstanceOf(BadImage.class)
                .hasMessageContaining("not a PNG or SVG");
        assertThatThrownBy(() -> BadgeImages.upload(ImageType.PNG, new byte[BadgeImages.MAX_BYTES + 1]))
                .isInstanceOf(BadgeImages.TooLarge.class);
    }

    @Test
    void anAlreadyBakedImageIsNotAcceptedAsABadgeClassPicture() {
        byte[] baked = BadgeImages.bakeSigned(new BadgeImages.Image(ImageType.PNG, TestImages.png(8)), "a.b.c");

        assertThatThrownBy(() -> BadgeImages.upload(ImageType.PNG, baked)).isInstanceOf(BadImage.class)
                .hasMessageContaining("already holds");
    }

    @Test
    void hostedSignedAndOb3BadgesReadBackWhatWasBakedInBothFormats() {
        for (BadgeImages.Image image : new BadgeImages.Image[] {
                new BadgeImages.Image(ImageType.PNG, TestImages.png(8)), BadgeImages.generated("b-1", "Rust")}) {
            assertThat(BadgeImages.unbake(BadgeImages.bakeHosted(image, "https://b.test/a/1", "{\"a\":1}")))
                    .contains(new BadgeImages.Unbaked(image.type(), BadgeImages.Generation.OB2, "{\"a\":1}"));
            assertThat(BadgeImages.unbake(BadgeImages.bakeSigned(image, "h.p.s")))
                    .contains(new BadgeImages.Unbaked(image.type(), BadgeImages.Generation.OB2, "h.p.s"));
            assertThat(BadgeImages.unbake(BadgeImages.bakeCredential(image, "{\"vc\":1}")))
                    .contains(new BadgeImages.Unbaked(image.type(), BadgeImages.Generation.OB3, "{\"vc\":1}"));
            assertThat(BadgeImages.unbake(image.bytes())).isEmpty();
        }
    }

    @Test
    void anImageWithTwoBadgesIsRefused() {
        byte[] once = BadgeImages.bakeHosted(new BadgeImages.Image(ImageType.PNG, TestImages.png(8)), "u", "{}");
        byte[] twice = BadgeImages.bakeCredential(new BadgeImages.Image(ImageType.PNG, once), "{}");

        assertThatThrownBy(() -> BadgeImages.unbake(twice)).isInstanceOf(BadImage.class)
                .hasMessageContaining("holds 2 baked badges");
    }

    @Test
    void theGeneratedPictureIsASafeSvgWithTheNameEscapedAndItsInitials() {
        BadgeImages.Image image = BadgeImages.generated("b-1", "<script>alert(1)</script> & more");
        String svg = new String(image.bytes(), StandardCharsets.UTF_8);

        assertThat(BadgeImages.upload(ImageType.SVG, image.bytes())).isNotNull();
        assertThat(svg).contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</title>")
                .doesNotContain("<script>");
        assertThat(GeneratedBadge.initials("open badges")).isEqualTo("OB");
        assertThat(new String(BadgeImages.generated("b-1", "x").bytes(), StandardCharsets.UTF_8))
                .isEqualTo(new String(BadgeImages.generated("b-1", "x").bytes(), StandardCharsets.UTF_8));
    }
}
