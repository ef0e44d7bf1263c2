package io.badges.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Mozilla's openbadges-bakery (Node), an implementation of the baking specification independent of
 * ours, installed under target/interop by scripts/test-prerequisites.sh during the build.
 */
final class Bakery {

    private static final Path HOME = Path.of("target", "interop").toAbsolutePath();

    private Bakery() {
    }

    /** What the bakery reads out of an image: the assertion JSON, the JWS, or the assertion URL. */
    static String unbake(byte[] image) throws IOException, InterruptedException {
        Path file = Files.createTempFile(Files.createDirectories(HOME.resolve("images")), "baked-", ".img");
        Files.write(file, image);
        Process node = new ProcessBuilder("node", HOME.resolve("unbake.js").toString(), file.toString())
                .redirectErrorStream(true).start();
        if (!node.waitFor(60, TimeUnit.SECONDS)) {
            node.destroyForcibly();
            throw new AssertionError("openbadges-bakery did not answer within 60 s");
        }
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (node.exitValue() != 0) {
            throw new AssertionError("openbadges-bakery could not read the image: " + out);
        }
        return out;
    }
}
