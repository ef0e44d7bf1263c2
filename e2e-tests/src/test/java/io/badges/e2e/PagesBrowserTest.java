package io.badges.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.badges.testsupport.TestImages;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages as a person sees them, in a real browser (Debian's headless Chromium through Selenium),
 * with both services as processes: the badge page valid then revoked, a baked image uploaded on
 * /verify, a keyboard-only verification, escaping, and axe-core's accessibility check of the landing
 * page, a badge page and a verification result. Screenshots land in target/screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesBrowserTest {

    private static final String KEY = "pages-e2e-key";
    private static final String ALICE = "alice@example.org";

    private EmbeddedServices services;
    private ServiceProcess query;
    private Api api;
    private Browser browser;
    private ChromeDriver driver;

    @BeforeAll
    void start() throws Exception {
        services = EmbeddedServices.start(KEY);
        query = services.query();
        api = services.api();
        browser = new Browser();
        driver = browser.driver();
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        services.close();
    }

    @Test
    void aPersonSeesTheBadgeValidThenRevoked() throws Exception {
        String id = awarded("Browser University", "Accessible Web Pages", "Builds pages everyone can use.",
                TestImages.png(96));
        String path = "/public/assertions/" + id;

        driver.get(query.url() + path);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Accessible Web Pages");
        assertThat(driver.findElement(By.cssSelector(".issuer")).getText()).isEqualTo("Issued by Browser University");
        assertThat(driver.findElement(By.cssSelector(".verdict .word")).getText()).isEqualTo("Valid");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("a verified email address")
                .contains("Builds pages everyone can use.").doesNotContain(ALICE);
        WebElement picture = driver.findElement(By.cssSelector("img.picture"));
        assertThat(picture.getAttribute("alt")).isEqualTo("Accessible Web Pages badge image");
        assertThat((Long) driver.executeScript("return arguments[0].naturalWidth", picture)).isEqualTo(96L);
        assertThat(driver.findElement(By.linkText("Add to LinkedIn profile")).getAttribute("href"))
                .startsWith("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&name=Accessible+Web+Pages");
        assertThat(driver.findElement(By.cssSelector(".site")).getCssValue("background-color"))
                .as("the stylesheet applies under the CSP").isEqualTo("rgba(27, 31, 36, 1)");
        browser.screenshot("badge-page");
        assertThat(browser.seriousAccessibilityViolations()).as("axe on the badge page").isEmpty();

        api.revoke(id, "Awarded by mistake");
        await().atMost(Duration.ofSeconds(10)).until(() -> api.page(path).statusCode() == 410);
        driver.navigate().refresh();
        assertThat(driver.findElement(By.cssSelector(".verdict .word")).getText()).isEqualTo("Revoked");
        assertThat(driver.findElement(By.cssSelector(".verdict")).getText()).contains("Awarded by mistake");
        assertThat(driver.findElements(By.linkText("Add to LinkedIn profile"))).isEmpty();
        assertThat(api.page(path).body()).contains(">Revoked<");
    }

    @Test
    void theBakedImageUploadedOnVerifyShowsTheResult() throws Exception {
        String id = awarded("Upload College", "Baked Badge", "Comes in a PNG.", TestImages.png(64));
        await().atMost(Duration.ofSeconds(10)).until(() -> api.getBytes("/public/assertions/" + id + "/image")
                .headers().firstValue("Content-Type").orElse("").equals("image/png"));
        Path baked = Files.write(services.dataDir().resolve("baked-" + id + ".png"),
                api.getBytes("/public/assertions/" + id + "/image").body());

        driver.get(query.url() + "/verify");
        driver.findElement(By.id("file")).sendKeys(baked.toString());
        driver.findElement(By.id("recipient")).sendKeys(ALICE);
        driver.findElement(By.cssSelector("form.verify button[type=submit]")).click();

        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.textToBe(By.id("result-title"), "Verification result"));
        assertThat(driver.findElement(By.cssSelector(".verdict .word")).getText()).isEqualTo("Valid");
        String result = driver.findElement(By.cssSelector("section.result")).getText();
        assertThat(result).contains("ob20-hosted, baked into an image", "The address given matches the recipient",
                "Not revoked");
        assertThat(driver.findElements(By.cssSelector(".checks li.pass"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector(".checks li.fail"))).isEmpty();
        browser.screenshot("verify-result");
        assertThat(browser.seriousAccessibilityViolations()).as("axe on the verification result").isEmpty();
    }

    @Test
    void aBadgeIsVerifiedByItsLinkWithTheKeyboardAlone() throws Exception {
        String id = awarded("Keyboard Institute", "Keyboard Badge", "No mouse needed.", null);

        driver.get(query.url() + "/verify");
        Actions keys = new Actions(driver);
        for (int i = 0; i < 10 && !"url".equals(driver.switchTo().activeElement().getAttribute("id")); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertThat(driver.switchTo().activeElement().getAttribute("id")).as("Tab reaches the link field").isEqualTo("url");
        keys.sendKeys(query.url() + "/public/assertions/" + id).sendKeys(Keys.ENTER).perform();

        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.textToBe(By.id("result-title"), "Verification result"));
        assertThat(driver.findElement(By.cssSelector(".verdict .word")).getText()).isEqualTo("Valid");
        assertThat(driver.findElement(By.cssSelector("section.result")).getText())
                .contains("the credential at " + query.url() + "/public/assertions/" + id, "ob20-hosted");
    }

    @Test
    void anOpenBadges3CredentialHasItsPageAndAShareableVerification() throws Exception {
        String badge = badgeClass("Credential Academy", "Verifiable Credentials", "Signs what it awards.", null);
        String credentialUrl = api.write("/api/v1/assertions", """
                {"badgeClassId":"%s","recipient":{"type":"email","identity":"%s"},"format":"ob3"}"""
                .formatted(badge, ALICE), 201).get("credentialUrl").asText();
        String path = credentialUrl.substring(query.url().length());
        await().atMost(Duration.ofSeconds(15)).until(() -> api.page(path).statusCode() == 200);

        driver.get(credentialUrl);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Verifiable Credentials");
        assertThat(driver.findElement(By.cssSelector(".verdict .word")).getText()).isEqualTo("Valid");
        String machineReadable = driver.findElement(By.linkText("Open Badges 3.0 credential (JSON-LD)"))
                .getAttribute("href");
        assertThat(machineReadable).isEqualTo(credentialUrl + "?format=json");
        HttpResponse<String> asked = api.page(path + "?format=json");
        assertThat(asked.headers().firstValue("Content-Type")).as("what the link gives a browser").hasValue("application/vc");
        assertThat(asked.body()).contains("\"OpenBadgeCredential\"", "\"proof\"").isEqualTo(api.get(path).body());

        driver.get(query.url() + "/verify?url=" + URLEncoder.encode(credentialUrl, StandardCharsets.UTF_8));
        assertThat(driver.findElement(By.cssSelector(".verdict .word")).getText()).isEqualTo("Valid");
        assertThat(driver.findElement(By.cssSelector("section.result")).getText())
                .contains("Credential Academy", "Verifiable Credentials", "ob30-ldp");
        driver.findElement(By.linkText("The raw verification result (JSON)")).click();
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("\"valid\":true", "\"format\":\"ob30-ldp\"");
    }

    @Test
    void theLandingPageSaysWhatThisIsAndPassesTheAccessibilityCheck() throws Exception {
        driver.get(query.url() + "/");
        assertThat(driver.getTitle()).isEqualTo("Open Badges");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Open Badges, issued and verified");
        assertThat(driver.findElement(By.cssSelector("label[for=url]")).getText()).isEqualTo("Link to a badge or credential");
        assertThat(driver.findElement(By.linkText("The API, described (OpenAPI)")).getAttribute("href"))
                .isEqualTo(query.url() + "/swagger-ui.html");
        browser.screenshot("landing");
        assertThat(browser.seriousAccessibilityViolations()).as("axe on the landing page").isEmpty();
    }

    /** The check the pages pass is not vacuous: a page without lang and labels fails it. */
    @Test
    void theAccessibilityCheckFailsAPageWithoutLanguageAndLabels() throws Exception {
        driver.get("data:text/html,<html><head><title>t</title></head><body><input type=text></body></html>");
        assertThat(browser.seriousAccessibilityViolations())
                .anySatisfy(v -> assertThat(v).startsWith("html-has-lang:"))
                .anySatisfy(v -> assertThat(v).startsWith("label:"));
    }

    @Test
    void aBadgeNamedLikeAScriptShowsItsNameAsTextUnderAStrictPolicy() throws Exception {
        String id = awarded("Escaping School", "<script>alert(1)</script>", "<img src=x onerror=alert(2)>", null);
        String path = "/public/assertions/" + id;

        driver.get(query.url() + path);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("<script>alert(1)</script>");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("<img src=x onerror=alert(2)>");
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        HttpResponse<String> page = api.page(path);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("default-src 'none'").doesNotContain("unsafe-inline"));
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(api.get(path).headers().firstValue("Content-Type")).as("machines still get JSON")
                .hasValue("application/json");
    }

    /** A new issuer's new badge class ({@code png}: its picture, or none) awarded to Alice, once its page is served. */
    private String awarded(String issuerName, String badgeName, String description, byte[] png) throws Exception {
        String id = api.award(badgeClass(issuerName, badgeName, description, png), ALICE);
        await().atMost(Duration.ofSeconds(10)).until(() -> api.page("/public/assertions/" + id).statusCode() == 200);
        return id;
    }

    /** A new issuer's new badge class; {@code png}: its picture, or none. */
    private String badgeClass(String issuerName, String name, String description, byte[] png) throws Exception {
        ObjectNode body = new ObjectMapper().createObjectNode().put("issuerId", api.issuer(issuerName))
                .put("name", name).put("description", description);
        body.putObject("criteria").put("narrative", "Show the work to a reviewer.");
        String badge = api.write("/api/v1/badge-classes", body.toString(), 201).get("id").asText();
        if (png != null) {
            api.uploadImage(badge, "image/png", png);
        }
        return badge;
    }
}
