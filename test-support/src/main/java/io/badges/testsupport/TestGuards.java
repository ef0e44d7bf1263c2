package io.badges.testsupport;

import java.util.function.BiConsumer;

/**
 * Request guard settings for a service under test that should limit and guard this machine's test
 * client as it would a stranger: management endpoints only with {@link #MANAGEMENT_KEY}, one request
 * a second per address (burst 5) for every address, and 127.0.0.1 as the trusted proxy, so each test
 * picks its client address with X-Forwarded-For.
 */
public final class TestGuards {

    public static final String MANAGEMENT_KEY = "management-key-of-the-test";

    private TestGuards() {
    }

    /** {@code property}: sets a property of the service, e.g. {@code (k, v) -> registry.add(k, () -> v)}. */
    public static void guardEveryone(BiConsumer<String, String> property) {
        property.accept("badges.management.key", MANAGEMENT_KEY);
        property.accept("badges.management.allow-local", "false");
        property.accept("badges.limits.client-rate-per-second", "1");
        property.accept("badges.limits.client-burst", "5");
        property.accept("badges.limits.trusted-proxies", "127.0.0.1");
        property.accept("badges.limits.unlimited-clients", "");
    }
}
