package io.badges.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The boot jar's AOT-generated bean definitions are the default profile's (io.badges.web.AheadOfTimeStart):
 * a profile that reaches the service in a way the start cannot see beforehand (here a configuration file
 * in its working directory) stops it with a message, instead of running the embedded default's beans
 * under another profile's settings. EmbeddedModeEndToEndTest checks that the default starts from them.
 */
class AheadOfTimeStartEndToEndTest {

    @Test
    void aProfileTheStartCouldNotSeeStopsItWithAMessage() throws Exception {
        Path dataDir = Files.createDirectories(Path.of("target", "e2e", UUID.randomUUID().toString()).toAbsolutePath());
        Files.writeString(Files.createDirectories(dataDir.resolve("config")).resolve("application.yml"),
                "spring.profiles.active: postgres\n");
        Path log = dataDir.resolve("query.log");
        int port = ServiceProcess.freePort();
        try (ServiceProcess query = new ServiceProcess("query-service", port, Map.of(
                "QUERY_PORT", Integer.toString(port),
                "BADGES_DATA_DIR", dataDir.toString()), log).in(dataDir)) {
            int exit = query.start().awaitExit(Duration.ofSeconds(60));

            assertThat(exit).isNotZero();
            assertThat(Files.readString(log)).contains("profiles [postgres] are active: start with BADGES_SPRING_AOT=false");
        }
    }
}
