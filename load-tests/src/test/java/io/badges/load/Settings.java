package io.badges.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** Every scenario is configured by system properties (-Dname=value on the Maven command line). */
final class Settings {

    static final String QUERY = System.getProperty("queryUrl", "http://127.0.0.1:8081");
    static final String COMMAND = System.getProperty("commandUrl", "http://127.0.0.1:8080");
    static final String KEY = System.getProperty("apiKey", "");
    static final int USERS = Integer.getInteger("users", 100);
    static final int SECONDS = Integer.getInteger("seconds", 60);
    static final int RAMP_SECONDS = Integer.getInteger("rampSeconds", 10);

    private Settings() {
    }

    /** The path with its ids and query removed: one line per endpoint in the report. */
    static String endpoint(String path) {
        return path.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "{id}")
                .replaceAll("\\?.*", "");
    }

    /** Creates an issuer and a badge class through the write API; returns the badge class id. */
    static String badgeClass() {
        try {
            var http = java.net.http.HttpClient.newHttpClient();
            var json = new com.fasterxml.jackson.databind.ObjectMapper();
            String issuer = json.readTree(post(http, "/api/v1/issuers",
                    "{\"name\":\"Load test\",\"url\":\"https://example.org\",\"email\":\"b@example.org\"}"))
                    .get("id").asText();
            return json.readTree(post(http, "/api/v1/badge-classes", "{\"issuerId\":\"" + issuer
                    + "\",\"name\":\"Load\",\"description\":\"d\",\"criteria\":{\"narrative\":\"n\"}}"))
                    .get("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String post(java.net.http.HttpClient http, String path, String body)
            throws IOException, InterruptedException {
        var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(COMMAND + path))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body()
                    + " (is -DapiKey set?)");
        }
        return response.body();
    }

    /**
     * Read paths, one per line, ids already drawn from a Zipf distribution
     * ({@code io.badges.tools.Generate --lookups DIR} writes {@code DIR/mixed.txt}).
     */
    static Supplier<java.util.Iterator<Map<String, Object>>> paths() {
        Path file = Path.of(System.getProperty("paths", "../target/bench/lookups/mixed.txt"));
        try (Stream<String> lines = Files.lines(file)) {
            List<String> paths = lines.filter(l -> !l.isBlank()).toList();
            return () -> Stream.generate(new Supplier<Map<String, Object>>() {
                private int next = (int) (Math.random() * paths.size());

                @Override
                public Map<String, Object> get() {
                    next = (next + 1) % paths.size();
                    String path = paths.get(next);
                    return Map.of("path", path, "endpoint", endpoint(path));
                }
            }).iterator();
        } catch (IOException e) {
            throw new UncheckedIOException("no paths file " + file + " (-Dpaths=...)", e);
        }
    }
}
