package io.badges.query.config;

import io.badges.persistence.Database;
import io.badges.web.Deployment;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/** Settings of the query service; see docs/configuration.md. */
@Validated
@ConfigurationProperties("badges")
public record QueryProperties(
        @NotNull @DefaultValue("./data") Path dataDir,
        @jakarta.validation.constraints.NotBlank String publicBaseUrl,
        String recipientLookupKey,
        @Valid @NotNull @DefaultValue Db db,
        @Valid @NotNull @DefaultValue QueryDb queryDb,
        @Valid @NotNull @DefaultValue Projection projection,
        @Valid @NotNull @DefaultValue Verifier verifier,
        @Valid @NotNull @DefaultValue Cache cache,
        @Valid @NotNull @DefaultValue Cors cors,
        @NotNull @DefaultValue("2s") Duration shutdownDrain,
        @NotNull @DefaultValue("single-process") Deployment deployment,
        @Valid @NotNull @DefaultValue Http http) {

    /** The command side's database, whose event store this service tails (read-only). */
    public record Db(String url, String user, String password) {

        public String urlOr(Path dataDir) {
            return url == null || url.isBlank() ? Database.embeddedUrl(dataDir, "command") : url;
        }
    }

    /** The read tables. Blank url: where the command database's vendor keeps them ({@link Database#defaultQueryUrl}). */
    public record QueryDb(String url, String user, String password, String replicaUrl,
                          @Min(1) @Max(200) @DefaultValue("4") int poolSize,
                          @NotNull @DefaultValue("100ms") Duration slowQueryThreshold,
                          @NotNull @DefaultValue("60s") Duration startupTimeout) {

        public String urlOr(Db commandDb, Path dataDir) {
            if (url != null && !url.isBlank()) {
                return url;
            }
            String command = commandDb.urlOr(dataDir);
            return Database.forUrl(command).defaultQueryUrl(command, dataDir);
        }

        public String userOr(Db commandDb) {
            return url == null || url.isBlank() ? commandDb.user() : user;
        }

        public String passwordOr(Db commandDb) {
            return url == null || url.isBlank() ? commandDb.password() : password;
        }
    }

    /**
     * How the projection tails the event store, and how far behind it may be while the instance
     * reports ready (events behind the event store; reading Kafka, time since last caught up);
     * {@code batchWrites}: the assertion rows of a processor batch go to the database as JDBC batches at
     * its commit ({@link io.badges.query.ProjectionWrites}; off: one statement per event, as they come).
     */
    public record Projection(@NotNull @DefaultValue("50ms") Duration pollInterval,
                             @Min(0) @DefaultValue("1000") long readyMaxLagEvents,
                             @NotNull @DefaultValue("10s") Duration readyMaxLag,
                             @Min(1) @Max(100) @DefaultValue("5") int maxAttempts,
                             @DefaultValue("true") boolean batchWrites) {
    }

    /**
     * The public reads by id. {@code hotReads}: served by {@link io.badges.query.http.HotReadFilter} ahead
     * of Spring MVC (off: the controllers answer them, with the same bytes and headers);
     * {@code documentCacheControl}: what browsers and CDNs may do with those answers; {@code warmUp}: at
     * most how long the service exercises its hot reads at start-up, before readiness turns UP (0: not at all).
     */
    public record Http(@DefaultValue("true") boolean hotReads,
                       @NotBlank @DefaultValue("public, max-age=10, stale-while-revalidate=30") String documentCacheControl,
                       @NotNull @DefaultValue("15s") Duration warmUp) {
    }

    /** Browser origins allowed to read the public API (CORS); {@code *} for any. */
    public record Cors(@NotNull @DefaultValue("*") java.util.List<String> allowedOrigins) {
    }

    /**
     * The fetcher of documents named by presented credentials. {@code urlMap}: URL prefix to
     * {@code file:} directory or http(s) base, consulted first (offline verification, tests).
     */
    public record Verifier(
            @NotNull @DefaultValue Map<String, String> urlMap,
            @DefaultValue("false") boolean allowPrivateNetworks,
            @NotNull @DefaultValue("3s") Duration connectTimeout,
            @NotNull @DefaultValue("5s") Duration timeout,
            @Min(1024) @DefaultValue("1048576") long maxDocumentBytes,
            @Min(0) @Max(10) @DefaultValue("3") int maxRedirects,
            @NotNull @DefaultValue("10m") Duration cacheTtl,
            @Min(1024) @DefaultValue("33554432") long cacheMaxBytes,
            @Min(1) @Max(100) @DefaultValue("12") int maxDocumentsPerVerification,
            @Min(1024) @DefaultValue("4194304") long maxBytesPerVerification,
            @NotNull @DefaultValue("10s") Duration maxTimePerVerification,
            @Min(1) @Max(1024) @DefaultValue("32") int maxConcurrentFetches) {
    }

    /**
     * The read caches: a per-instance L1 (Caffeine) in front of Redis (when {@code redisUrl} is set).
     * {@code enabled=false} turns every cache off (benchmarks).
     * <p>Images are bounded by bytes, not entries: a picture may weigh up to 512 KiB, so 100,000 of them
     * could fill the heap. {@code badgeImagesMaxSize}: the L1 of the badge pictures (uploaded, or
     * generated). {@code bakedImagesMaxSize}: the assertion images with the assertion baked in, kept
     * per instance only (they are derived from cached data, and cheap to bake again); the default
     * 64 MiB holds some 3,000 baked PNGs of 20 KiB, or 128 of the largest.
     */
    public record Cache(
            @DefaultValue("true") boolean enabled,
            String redisUrl,
            @Min(0) @DefaultValue("100000") long l1MaxEntries,
            @NotNull @DefaultValue("10m") Duration ttl,
            @jakarta.validation.constraints.DecimalMin("0") @jakarta.validation.constraints.DecimalMax("0.5")
            @DefaultValue("0.1") double ttlJitter,
            @NotNull @DefaultValue("5s") Duration negativeTtl,
            @NotNull @DefaultValue("10s") Duration tombstoneTtl,
            @NotNull @DefaultValue("50ms") Duration redisTimeout,
            @NotNull @DefaultValue("1s") Duration redisRetryInterval,
            @NotNull @DefaultValue("json") Format format,
            @NotNull @DefaultValue("32MB") DataSize badgeImagesMaxSize,
            @NotNull @DefaultValue("64MB") DataSize bakedImagesMaxSize,
            @NotNull @DefaultValue("64MB") DataSize representationsMaxSize) {

        /** The defaults of application.yml, with this Redis (null: none). */
        public static Cache defaults(String redisUrl) {
            return new Cache(true, redisUrl, 100_000, Duration.ofMinutes(10), 0.1, Duration.ofSeconds(5),
                    Duration.ofSeconds(10), Duration.ofMillis(50), Duration.ofSeconds(1), Format.JSON,
                    DataSize.ofMegabytes(32), DataSize.ofMegabytes(64), DataSize.ofMegabytes(64));
        }

        public boolean redis() {
            return enabled && redisUrl != null && !redisUrl.isBlank();
        }

        /** How values are serialized in Redis. */
        public enum Format { JSON, SMILE }
    }
}
