package io.badges.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.badges.events.EventJson;
import io.badges.events.assertion.AssertionIssued;
import io.badges.events.assertion.AssertionRevoked;
import io.badges.events.assertion.Recipient;
import io.badges.events.assertion.RecipientLookup;
import io.badges.events.badgeclass.BadgeClassDefined;
import io.badges.events.badgeclass.Criteria;
import io.badges.events.issuer.IssuerRegistered;
import io.badges.persistence.DataSources;
import io.badges.persistence.Migrations;
import io.badges.persistence.RecipientLookupKeys;
import io.badges.persistence.Database;
import io.badges.vocabulary.PublicUrls;
import io.badges.vocabulary.RecipientIdentity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Loads a large, consistent data set into the command database: issuers, badge classes and
 * assertions (every 50th revoked), each write-model row with the event the service would have
 * stored (same table, columns, JSON payload and aggregate sequence). The query service then
 * projects them through its normal code path. It also writes request paths for the latency bench.
 *
 * <pre>
 * ./mvnw -q -pl data-tools exec:java -Dexec.mainClass=io.badges.tools.Generate \
 *   -Dexec.args="--db jdbc:sqlite:data/command.db --data-dir data --assertions 1000000 --paths bench/paths.txt"
 * </pre>
 */
public final class Generate {

    private static final int CHUNK = 5_000;
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    private static final PublicUrls PATHS = new PublicUrls("");

    private final Database vendor;
    private final ObjectMapper json = EventJson.mapper();
    private final byte[] lookupKey;
    private final Random random = new Random(42);

    private Generate(Database vendor, byte[] lookupKey) {
        this.vendor = vendor;
        this.lookupKey = lookupKey;
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        String url = args.required("db");
        int issuers = args.integer("issuers", 100);
        int badgeClasses = args.integer("badge-classes", 1_000);
        int assertions = args.integer("assertions", 1_000_000);
        int recipients = args.integer("recipients", Math.max(1, assertions / 5));
        Path dataDir = Path.of(args.get("data-dir", "data"));
        byte[] key = RecipientLookupKeys.resolve(System.getenv("BADGES_RECIPIENT_LOOKUP_KEY"), dataDir);
        Database vendor = Database.forUrl(url);
        long started = System.nanoTime();
        try (HikariDataSource db = DataSources.create(new DataSources.Settings(url, args.get("user", null),
                args.get("password", null), 2, "generator"), DataSources.Role.WRITER)) {
            Migrations.migrate(db, vendor, io.badges.persistence.Side.COMMAND);
            Generate generator = new Generate(vendor, key);
            List<String> paths = generator.load(db, issuers, badgeClasses, assertions, recipients);
            String pathsFile = args.get("paths", null);
            if (pathsFile != null) {
                Files.write(Path.of(pathsFile), paths);
            }
            String lookups = args.get("lookups", null);
            if (lookups != null) {
                generator.writeLookups(Path.of(lookups), args.integer("lookup-count", 20_000), recipients);
            }
        }
        System.out.printf("generated %d issuers, %d badge classes, %d assertions in %.1f s%n", issuers, badgeClasses,
                assertions, (System.nanoTime() - started) / 1e9);
    }

    private final List<String> assertionIds = new ArrayList<>();
    private final List<String> assertionBadges = new ArrayList<>();
    private final List<String> assertionIssuers = new ArrayList<>();

    /**
     * Point reads for the cache and load benchmarks, one file per kind under {@code dir}, each line a
     * path. Assertions are drawn from a Zipf distribution (exponent 1) over every generated assertion,
     * so a few are hot and most are cold, as verifier traffic is.
     */
    private void writeLookups(Path dir, int count, int recipients) throws java.io.IOException {
        Files.createDirectories(dir);
        Zipf zipf = new Zipf(assertionIds.size(), 1.0, random);
        List<String> assertions = new ArrayList<>(count);
        List<String> verify = new ArrayList<>(count);
        List<String> documents = new ArrayList<>(count);
        List<String> mixed = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int a = zipf.next();
            String id = assertionIds.get(a);
            assertions.add("/api/v1/assertions/" + id);
            verify.add("/api/v1/assertions/" + id + "/verify?recipient=person" + (a % recipients) + "@example.org");
            documents.add(PATHS.assertion(id));
            mixed.add(switch (i % 4) {
                case 0 -> "/api/v1/assertions/" + id;
                case 1 -> "/api/v1/assertions/" + id + "/verify?recipient=person" + (a % recipients) + "@example.org";
                case 2 -> "/api/v1/badge-classes/" + assertionBadges.get(a);
                default -> "/api/v1/issuers/" + assertionIssuers.get(a);
            });
        }
        Files.write(dir.resolve("assertions.txt"), assertions);
        Files.write(dir.resolve("verify.txt"), verify);
        Files.write(dir.resolve("documents.txt"), documents);
        Files.write(dir.resolve("mixed.txt"), mixed);
    }

    private List<String> load(HikariDataSource db, int issuers, int badgeClasses, int assertions, int recipients)
            throws Exception {
        List<String> issuerIds = new ArrayList<>();
        List<String> badgeIds = new ArrayList<>();
        List<String> badgeIssuer = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            Rows rows = new Rows(c, vendor, json);
            for (int i = 0; i < issuers; i++) {
                String id = UUID.randomUUID().toString();
                issuerIds.add(id);
                rows.issuer(new IssuerRegistered(id, "Issuer " + i, "https://issuer" + i + ".example",
                        "badges@issuer" + i + ".example", null, null, START));
            }
            for (int b = 0; b < badgeClasses; b++) {
                String id = UUID.randomUUID().toString();
                String issuer = issuerIds.get(b % issuers);
                badgeIds.add(id);
                badgeIssuer.add(issuer);
                rows.badgeClass(new BadgeClassDefined(id, issuer, "Badge " + b, "Description " + b, null,
                        new Criteria("Earn it", null), List.of("generated"), START.plusSeconds(b)));
            }
            rows.flush();
            c.commit();
            for (int a = 0; a < assertions; a++) {
                int badge = a % badgeClasses;
                String email = "person" + (a % recipients) + "@example.org";
                String salt = Long.toHexString(random.nextLong());
                AssertionIssued issued = new AssertionIssued(UUID.randomUUID().toString(), badgeIds.get(badge),
                        badgeIssuer.get(badge), new Recipient("email", RecipientIdentity.hash(email, salt), true, salt),
                        List.of(), null, START.plusSeconds(86_400L + a * 30L), null, "hosted", null,
                        RecipientLookup.of(lookupKey, email));
                rows.assertion(issued);
                assertionIds.add(issued.assertionId());
                assertionBadges.add(issued.badgeClassId());
                assertionIssuers.add(issued.issuerId());
                if (a % 50 == 0) {
                    rows.revocation(new AssertionRevoked(issued.assertionId(), issued.badgeClassId(), "generated",
                            issued.issuedOn().plusSeconds(10)));
                }
                if (rows.pending() >= CHUNK) {
                    rows.flush();
                    c.commit();
                }
            }
            rows.flush();
            c.commit();
        }
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            paths.add("/api/v1/badge-classes/" + badgeIds.get(random.nextInt(badgeClasses)) + "/assertions?limit=20");
            paths.add("/api/v1/issuers/" + issuerIds.get(random.nextInt(issuers)) + "/badge-classes?limit=20");
            paths.add("/api/v1/assertions?recipient=person" + random.nextInt(recipients) + "@example.org&limit=20");
            int badge = random.nextInt(badgeClasses);
            // a deep page: the cursor of an award in the middle of the badge class's history
            int middle = badge + badgeClasses * (assertions / badgeClasses / 2);
            paths.add("/api/v1/badge-classes/" + badgeIds.get(badge) + "/assertions?limit=20&cursor="
                    + cursor(START.plusSeconds(86_400L + middle * 30L), "ffffffff"));
        }
        return paths;
    }

    /** The read API's opaque cursor: base64url of "instant|id" (io.badges.query.Cursor). */
    private static String cursor(Instant at, String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((at + "|" + id).getBytes(StandardCharsets.UTF_8));
    }
}
