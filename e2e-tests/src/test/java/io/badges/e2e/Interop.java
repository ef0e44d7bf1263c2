package io.badges.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Independent implementations on Node, installed under target/interop by
 * scripts/test-prerequisites.sh during the build: Mozilla's openbadges-bakery (the baking
 * specification) and the W3C/DCC reference stack for Verifiable Credentials with jose.
 */
final class Interop {

    private static final Path HOME = Path.of("target", "interop").toAbsolutePath();
    private static final Path CONTEXTS = Path.of("..", "credentials", "src", "main", "resources", "io", "badges",
            "credentials", "contexts").toAbsolutePath().normalize();

    private Interop() {
    }

    /**
     * What @digitalbazaar/vc (eddsa-rdfc-2022, Bitstring Status List) and jose say of the credential and
     * VC-JWT at these URLs, every key resolved through the issuer's published did:web document:
     * {@code {"proof": bool, "revoked": bool|null, "jwt": bool|null, "errors": [...]}}.
     */
    static String verifyCredential(String credentialUrl, String jwtUrl) throws IOException, InterruptedException {
        return node("verify-ob3.mjs", credentialUrl, jwtUrl, CONTEXTS.toString());
    }

    /**
     * Writes into {@code directory} a set of OB 3.0 credentials signed by the reference libraries
     * (reference-set.mjs: keys generated on each run, did:key and did:web issuers, status lists under
     * {@code site/}, served for https://issuer.example/) and {@code expected.json}: what those libraries
     * say of each credential.
     */
    static void referenceSet(Path directory) throws IOException, InterruptedException {
        node("reference-set.mjs", directory.toString(), CONTEXTS.toString());
    }

    /** What the bakery reads out of an image: the assertion JSON, the JWS, or the assertion URL. */
    static String unbake(byte[] image) throws IOException, InterruptedException {
        Path file = Files.createTempFile(Files.createDirectories(HOME.resolve("images")), "baked-", ".img");
        Files.write(file, image);
        return node("unbake.js", file.toString());
    }

    private static String node(String script, String... args) throws IOException, InterruptedException {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("node", HOME.resolve(script).toString()));
        command.addAll(java.util.List.of(args));
        Process node = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!node.waitFor(60, TimeUnit.SECONDS)) {
            node.destroyForcibly();
            throw new AssertionError(script + " did not answer within 60 s");
        }
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (node.exitValue() != 0) {
            throw new AssertionError(script + " failed: " + out);
        }
        return out;
    }
}
