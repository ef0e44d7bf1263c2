package io.badges.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Both services of the embedded default as processes, on free ports, with their data in a fresh
 * directory under target/e2e/; BADGES_PUBLIC_BASE_URL is the query service itself and its verifier
 * may fetch from this machine, so documents presented to it resolve to this very service. did:web
 * resolves over https: the service answers its own did:web documents over http (the URL map).
 */
record EmbeddedServices(Path dataDir, ServiceProcess command, ServiceProcess query, Api api) implements AutoCloseable {

    static EmbeddedServices start(String key) throws Exception {
        return start(key, "", true);
    }

    /** As {@link #start(String)}, with further {@code prefix=target} entries for the verifier's URL map. */
    static EmbeddedServices start(String key, String moreUrlMap) throws Exception {
        return start(key, moreUrlMap, true);
    }

    /**
     * As {@link #start(String, String)}; {@code allowPrivateNetworks} false leaves the verifier as in
     * production (its own documents and the URL map's targets are still loaded).
     */
    static EmbeddedServices start(String key, String moreUrlMap, boolean allowPrivateNetworks) throws Exception {
        Path dataDir = Files.createDirectories(Path.of("target", "e2e", UUID.randomUUID().toString()).toAbsolutePath());
        int commandPort = ServiceProcess.freePort();
        int queryPort = ServiceProcess.freePort();
        Map<String, String> env = Map.of(
                "COMMAND_PORT", Integer.toString(commandPort),
                "QUERY_PORT", Integer.toString(queryPort),
                "BADGES_DATA_DIR", dataDir.toString(),
                "BADGES_API_KEYS", key,
                "BADGES_PUBLIC_BASE_URL", "http://127.0.0.1:" + queryPort,
                "BADGES_VERIFIER_URL_MAP", "https://127.0.0.1:" + queryPort + "/=http://127.0.0.1:" + queryPort + "/"
                        + (moreUrlMap.isEmpty() ? "" : ";" + moreUrlMap),
                "BADGES_VERIFIER_ALLOW_PRIVATE_NETWORKS", Boolean.toString(allowPrivateNetworks));
        ServiceProcess command = new ServiceProcess("command-service", commandPort, env, dataDir.resolve("command.log"))
                .start();
        ServiceProcess query = new ServiceProcess("query-service", queryPort, env, dataDir.resolve("query.log")).start();
        command.awaitUp(Duration.ofSeconds(90));
        query.awaitUp(Duration.ofSeconds(90));
        return new EmbeddedServices(dataDir, command, query, new Api(command.url(), query.url(), key));
    }

    @Override
    public void close() throws Exception {
        query.close();
        command.close();
    }
}
