package io.badges.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from Debian's packages, driven through Debian's chromedriver: both paths are
 * given, so Selenium Manager never looks for (or downloads) a browser or a driver. The flags keep
 * Chromium off the network but for the pages under test.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** axe-core, installed from the npm registry by scripts/test-prerequisites.sh. */
    private static final Path AXE = Path.of("target", "interop", "node_modules", "axe-core", "axe.min.js");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final ObjectMapper json = new ObjectMapper();

    Browser() throws IOException {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path profile = Files.createDirectories(Path.of("target", "chromium", UUID.randomUUID().toString()))
                .toAbsolutePath();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1100,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    ChromeDriver driver() {
        return driver;
    }

    /**
     * The axe-core violations of impact serious or critical on the current page ("id: help (n nodes)").
     * axe is injected through WebDriver, which the pages' Content-Security-Policy does not govern.
     */
    List<String> seriousAccessibilityViolations() throws IOException {
        driver.executeScript(Files.readString(AXE));
        Object answer = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                   .then(r => done(JSON.stringify({violations: r.violations, passes: r.passes.length})))
                   .catch(e => done(JSON.stringify({error: String(e)})));
                """);
        JsonNode report = json.readTree((String) answer);
        if (report.has("error") || report.path("passes").asInt() == 0) {
            throw new IllegalStateException("axe did not check the page: " + report);
        }
        List<String> serious = new ArrayList<>();
        for (JsonNode violation : report.get("violations")) {
            String impact = violation.path("impact").asText();
            if (impact.equals("serious") || impact.equals("critical")) {
                serious.add(violation.get("id").asText() + ": " + violation.get("help").asText() + " ("
                        + violation.get("nodes").size() + " nodes)");
            }
        }
        return serious;
    }

    /** A PNG of what the window shows, as target/screenshots/{name}.png. */
    Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        return Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
