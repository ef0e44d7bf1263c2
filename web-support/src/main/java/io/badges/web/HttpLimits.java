package io.badges.web;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Request limits both services apply before a request reaches a controller (docs/configuration.md).
 *
 * @param maxBodyBytes          413 above this many body bytes (a route may allow more, as the
 *                              command side's batch awards)
 * @param clientRatePerSecond   requests per second per client address for callers without a valid API
 *                              key (token bucket of {@code clientBurst}); 0 turns the limit off
 * @param clientBurst           requests a client address may send at once
 * @param trustedProxies        addresses or CIDR ranges of the reverse proxies in front of the service:
 *                              only a request from one of them has its client read from
 *                              {@code X-Forwarded-For} (the right-most address that is not a proxy)
 * @param unlimitedClients      client addresses or ranges that are never rate limited (by default this
 *                              machine: the benchmarks and local scripts); empty limits everyone
 */
@Validated
@ConfigurationProperties("badges.limits")
public record HttpLimits(
        @Min(1024) @DefaultValue("1048576") long maxBodyBytes,
        @Min(0) @DefaultValue("100") int clientRatePerSecond,
        @Min(1) @DefaultValue("200") int clientBurst,
        @NotNull @DefaultValue List<String> trustedProxies,
        @NotNull @DefaultValue({"127.0.0.0/8", "::1"}) List<String> unlimitedClients) {

    public HttpLimits {
        trustedProxies = trimmed(trustedProxies);
        unlimitedClients = trimmed(unlimitedClients);
        // fail at start-up on a bad range, naming it
        AddressRanges.of(trustedProxies);
        AddressRanges.of(unlimitedClients);
    }

    private static List<String> trimmed(List<String> values) {
        return values.stream().map(String::trim).filter(value -> !value.isEmpty()).toList();
    }

    /** The defaults of application.yml. */
    public static HttpLimits defaults() {
        return new HttpLimits(1 << 20, 100, 200, List.of(), List.of("127.0.0.0/8", "::1"));
    }
}
