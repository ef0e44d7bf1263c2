package io.badges.vocabulary.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.badges.testsupport.TestImages;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SvgTest {

    private static List<Svg.Baked> check(String svg) {
        return Svg.check(svg.getBytes(StandardCharsets.UTF_8), List.of(BadgeImages.OB2_SVG));
    }

    @Test
    void aPlainSvgWithADoctypeLineIsAcceptedAndItsDtdNeverFetched() {
        // Fetching would fail: nothing listens on port 9. Accepted means the DTD was not loaded.
        String svg = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
                + "\"http://127.0.0.1:9/svg11.dtd\">\n<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"1\"/></svg>";

        assertThat(check(svg)).isEmpty();
    }

    @Test
    void externalEntitiesAreRefused() {
        assertThatThrownBy(() -> Svg.check(TestImages.xxeSvg(), List.of())).isInstanceOf(BadImage.class)
                .hasMessageContaining("entity");
    }

    @Test
    void billionLaughsIsRefusedBeforeAnyExpansion() {
        assertThatThrownBy(() -> Svg.check(TestImages.billionLaughsSvg(), List.of())).isInstanceOf(BadImage.class)
                .hasMessageContaining("entity");
    }

    @Test
    void scriptsHandlersForeignObjectsAndExternalReferencesAreRefused() {
        for (String inside : List.of("<script>alert(1)</script>", "<rect onclick=\"alert(1)\"/>",
                "<foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">x</div></foreignObject>",
                "<image href=\"https://evil.test/track.png\"/>", "<use xlink:href=\"https://evil.test/a.svg#x\"/>",
                "<style>@import url(https://evil.test/a.css);</style>",
                "<rect style=\"fill: url(https://evil.test/p.svg)\"/>")) {
            assertThatThrownBy(() -> Svg.check(TestImages.svg(inside), List.of()))
                    .as(inside).isInstanceOf(BadImage.class).hasMessageContaining("refused");
        }
    }

    @Test
    void fragmentsAndDataUrisStayInsideTheFileSoTheyAreAllowed() {
        assertThat(Svg.check(TestImages.svg("<defs><g id=\"a\"/></defs><use href=\"#a\"/>"
                + "<image xlink:href=\"data:image/png;base64,iVBORw0KGgo=\"/><rect style=\"fill: url(#g)\"/>"),
                List.of())).isEmpty();
    }

    @Test
    void onlyAnSvgRootInTheSvgNamespaceIsAnSvg() {
        assertThatThrownBy(() -> check("<html><body/></html>")).isInstanceOf(BadImage.class);
        assertThatThrownBy(() -> check("<svg><rect/></svg>")).isInstanceOf(BadImage.class);
        assertThatThrownBy(() -> check("<svg xmlns=\"http://www.w3.org/2000/svg\">")).isInstanceOf(BadImage.class)
                .hasMessageContaining("well-formed");
    }

    @Test
    void bakesTheAssertionFirstInTheRootAndReadsItBack() {
        byte[] baked = Svg.bake(TestImages.svg("<rect width=\"1\"/>"), BadgeImages.OB2_SVG,
                "https://b.test/public/assertions/1", "{\"narrative\":\"a ]]> b & <c>\"}");
        String text = new String(baked, StandardCharsets.UTF_8);

        assertThat(text).contains("xmlns:openbadges=\"http://openbadges.org\"")
                .contains("viewBox=\"0 0 10 10\" xmlns:openbadges=\"http://openbadges.org\">"
                        + "<openbadges:assertion verify=\"https://b.test/public/assertions/1\"><![CDATA[");
        assertThat(Svg.check(baked, List.of(BadgeImages.OB2_SVG))).singleElement().satisfies(found -> {
            assertThat(found.text()).isEqualTo("{\"narrative\":\"a ]]> b & <c>\"}");
            assertThat(found.verify()).isEqualTo("https://b.test/public/assertions/1");
        });
    }

    @Test
    void aSelfClosingRootIsOpenedToHoldTheAssertion() {
        byte[] baked = Svg.bake("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8),
                BadgeImages.OB2_SVG, "a.b.c", null);

        assertThat(new String(baked, StandardCharsets.UTF_8)).isEqualTo("<svg xmlns=\"http://www.w3.org/2000/svg\""
                + " xmlns:openbadges=\"http://openbadges.org\"><openbadges:assertion verify=\"a.b.c\">"
                + "</openbadges:assertion></svg>");
        assertThat(Svg.check(baked, List.of(BadgeImages.OB2_SVG))).singleElement()
                .satisfies(found -> assertThat(found.verify()).isEqualTo("a.b.c"));
    }
}
