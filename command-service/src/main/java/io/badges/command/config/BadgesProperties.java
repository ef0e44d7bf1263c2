package io.badges.command.config;

import io.badges.web.Deployment;
import io.badges.persistence.Database;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the command service; see docs/configuration.md. Every value has an env form
 * (BADGES_DATA_DIR, BADGES_API_KEYS, BADGES_DB_URL, ...).
 *
 * <p>{@code statusListPublishInterval} (BADGES_STATUS_LIST_PUBLISH_INTERVAL, default 250 ms): the pause
 * between two passes of the status list publisher, which re-signs every OB 3.0 revocation list changed
 * since its last signature. A revocation shows in its list after at most about this long; all
 * revocations of one pause share one signature per list.
 *
 * <p>{@code outboxPollInterval} (BADGES_OUTBOX_POLL_INTERVAL, default 50 ms): how often the event store's
 * tracking readers (the Kafka publisher, distributed mode) look for events that this instance did not
 * write; its own commits wake them at once.
 *
 * <p>{@code outboxReadPause} (BADGES_OUTBOX_READ_PAUSE, default 10 ms): the least time between two reads
 * of the event store's head by those readers. The first read after a quiet spell is immediate; under a
 * steady stream of commits the reader reads once per pause instead of once or twice per commit
 * ({@code HeadReadPacer}). 0 reads after every commit.
 */
@Validated
@ConfigurationProperties("badges")
public record BadgesProperties(
        @NotNull @DefaultValue("./data") Path dataDir,
        @DefaultValue List<String> apiKeys,
        @NotBlank @DefaultValue("http://127.0.0.1:8081") String publicBaseUrl,
        String keyEncryptionKey,
        String recipientLookupKey,
        String idempotencyKey,
        @Valid @NotNull @DefaultValue Db db,
        @Valid @NotNull @DefaultValue Limits limits,
        @NotNull @DefaultValue("2s") Duration shutdownDrain,
        @NotNull @DefaultValue("single-process") Deployment deployment,
        @NotNull @DefaultValue("250ms") Duration statusListPublishInterval,
        @NotNull @DefaultValue("50ms") Duration outboxPollInterval,
        @NotNull @DefaultValue("10ms") Duration outboxReadPause) {

    public BadgesProperties {
        apiKeys = apiKeys.stream().map(String::trim).filter(key -> !key.isEmpty()).toList();
        publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
    }

    /** Blank url: the embedded default, the file {@code command.db} in the data directory. */
    public record Db(
            String url,
            String user,
            String password,
            @Min(1) @Max(200) @DefaultValue("4") int poolSize,
            @NotNull @DefaultValue("100ms") Duration slowQueryThreshold,
            @NotNull @DefaultValue("60s") Duration startupTimeout) {

        public String urlOr(Path dataDir) {
            return url == null || url.isBlank() ? Database.embeddedUrl(dataDir, "command") : url;
        }
    }

    /**
     * Request limits of the write API, beside the ones both services share ({@code HttpLimits}, the same
     * prefix). {@code ratePerSecond}: requests per second per API key (token bucket holding up to
     * {@code burst}); 0 turns the rate limit off. {@code maxBatchBodyBytes}: the body limit of batch awards.
     */
    public record Limits(
            @Min(1024) @DefaultValue("16777216") long maxBatchBodyBytes,
            @Min(0) @DefaultValue("1000") int ratePerSecond,
            @Min(1) @DefaultValue("2000") int burst) {
    }
}
