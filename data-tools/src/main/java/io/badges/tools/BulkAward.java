package io.badges.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.badges.events.EventJson;
import io.badges.events.assertion.AssertionIssued;
import io.badges.events.assertion.Recipient;
import io.badges.events.assertion.RecipientLookup;
import io.badges.persistence.DataSources;
import io.badges.persistence.Database;
import io.badges.vocabulary.RecipientIdentity;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bulk award throughput, two ways over the same rows in the same database:
 * {@code --mode api}: POST /api/v1/assertions/batch of {@code --batch} recipients, {@code --batches} times;
 * {@code --mode jdbc}: the same assertion rows and events written by a plain JDBC batch, the baseline.
 * Prints {@code rows/s}.
 */
public final class BulkAward {

    private BulkAward() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        int batch = args.integer("batch", 10_000);
        int batches = args.integer("batches", 5);
        String badgeClass = args.required("badge-class");
        long rows = (long) batch * batches;
        long started = System.nanoTime();
        if ("api".equals(args.required("mode"))) {
            viaApi(args.required("base"), args.required("key"), badgeClass, batch, batches);
        } else {
            viaJdbc(args.required("db"), args.get("user", null), args.required("issuer"), badgeClass, batch, batches);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%s: %d rows in %.2f s = %.0f rows/s%n", args.required("mode"), rows, seconds, rows / seconds);
    }

    private static void viaApi(String base, String key, String badgeClass, int batch, int batches) throws Exception {
        ObjectMapper json = new ObjectMapper();
        HttpClient http = HttpClient.newHttpClient();
        for (int b = 0; b < batches; b++) {
            List<Map<String, String>> recipients = new ArrayList<>();
            for (int i = 0; i < batch; i++) {
                recipients.add(Map.of("type", "email", "identity", "bulk" + b + "-" + i + "@example.org"));
            }
            String body = json.writeValueAsString(Map.of("badgeClassId", badgeClass, "recipients", recipients));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/assertions/batch"))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("batch answered " + response.statusCode() + ": " + response.body());
            }
        }
    }

    /** What the service writes per award (row + event, hashing and JSON included), with nothing around it. */
    private static void viaJdbc(String url, String user, String issuer, String badgeClass, int batch, int batches)
            throws Exception {
        Database vendor = Database.forUrl(url);
        ObjectMapper json = EventJson.mapper();
        byte[] lookupKey = new byte[32];
        try (HikariDataSource db = DataSources.create(new DataSources.Settings(url, user, null, 2, "raw-batch"),
                DataSources.Role.WRITER); Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            Rows rows = new Rows(c, vendor, json);
            for (int b = 0; b < batches; b++) {
                Instant now = Instant.now();
                for (int i = 0; i < batch; i++) {
                    String email = "raw" + b + "-" + i + "@example.org";
                    String salt = UUID.randomUUID().toString().replace("-", "");
                    rows.assertion(new AssertionIssued(UUID.randomUUID().toString(), badgeClass, issuer,
                            new Recipient("email", RecipientIdentity.hash(email, salt), true, salt),
                            List.of(), null, now, null, "hosted", null,
                            RecipientLookup.of(lookupKey, email)));
                }
                rows.flush();
                c.commit();
            }
        }
    }
}
