package io.badges.query.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RepresentationTest {

    private final Representation ok = Representation.of(200, Representation.JSON,
            "{\"a\":1}".getBytes(StandardCharsets.UTF_8), "public, max-age=10", Representation.VARY_CORS);

    @Test
    void equalBytesHaveEqualStrongTagsAndOtherBytesOtherTags() {
        Representation same = Representation.of(200, Representation.JSON, "{\"a\":1}".getBytes(StandardCharsets.UTF_8),
                "no-cache", Representation.VARY_NEGOTIATED);
        Representation other = Representation.of(200, Representation.JSON, "{\"a\":2}".getBytes(StandardCharsets.UTF_8),
                "public, max-age=10", Representation.VARY_CORS);

        assertThat(same.etag()).isEqualTo(ok.etag()).startsWith("\"").endsWith("\"").doesNotStartWith("W/");
        assertThat(other.etag()).isNotEqualTo(ok.etag());
    }

    @Test
    void ifNoneMatchComparesWeaklyAcrossAListOrAnything() {
        String tag = ok.etag();
        assertThat(ok.notModified(tag, -1)).isTrue();
        assertThat(ok.notModified("W/" + tag, -1)).isTrue();
        assertThat(ok.notModified("\"x\" , " + tag, -1)).isTrue();
        assertThat(ok.notModified("*", -1)).isTrue();
        assertThat(ok.notModified("\"x\", \"y\"", -1)).isFalse();
        assertThat(ok.notModified("", -1)).isFalse();
    }

    @Test
    void ifModifiedSinceHoldsFromTheSecondAfterTheCopyWasMade() {
        long made = ok.lastModified() * 1000;
        assertThat(ok.notModified(null, made)).isFalse();
        assertThat(ok.notModified(null, made + 999)).isFalse();
        assertThat(ok.notModified(null, made + 1000)).isTrue();
        assertThat(ok.notModified(null, -1)).isFalse();
        // If-None-Match, when sent, decides alone
        assertThat(ok.notModified("\"x\"", made + 60_000)).isFalse();
    }

    @Test
    void onlyASuccessfulAnswerIsEverNotModified() {
        Representation gone = Representation.of(410, Representation.JSON, "{}".getBytes(StandardCharsets.UTF_8),
                "public, max-age=10", Representation.VARY_NEGOTIATED);
        assertThat(gone.notModified(gone.etag(), -1)).isFalse();
        assertThat(gone.notModified("*", -1)).isFalse();
    }

    @Test
    void theHotPathTakesPlainIdsAndJsonAsksOnly() {
        assertThat(HotReadFilter.plainId("0b2c4d6e-aaaa-bbbb-cccc-1234567890ab")).isTrue();
        assertThat(HotReadFilter.plainId("abc_DEF-123")).isTrue();
        for (String id : new String[] {"", "a/b", "a.jws", "a%2Fb", "a b", "é", "x".repeat(101)}) {
            assertThat(HotReadFilter.plainId(id)).as(id).isFalse();
        }
        assertThat(HotReadFilter.asksForJson(null)).isTrue();
        assertThat(HotReadFilter.asksForJson("*/*")).isTrue();
        assertThat(HotReadFilter.asksForJson("application/json")).isTrue();
        assertThat(HotReadFilter.asksForJson("application/ld+json, application/json;q=0.9")).isTrue();
        assertThat(HotReadFilter.asksForJson("text/html,application/xhtml+xml,*/*;q=0.8")).isFalse();
        assertThat(HotReadFilter.asksForJson("application/json, text/html;q=0.1")).isFalse();
        assertThat(HotReadFilter.asksForJson("text/plain")).isFalse();
    }
}
