package io.badges.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** (c) Bulk awards: each user posts batches of {@code batchSize} recipients (1,000). Needs -DapiKey. */
public class BulkAwardSimulation extends Simulation {

    static final String BADGE = Settings.badgeClass();
    static final int BATCH = Integer.getInteger("batchSize", 1_000);

    HttpProtocolBuilder protocol = http.baseUrl(Settings.COMMAND).contentTypeHeader("application/json")
            .authorizationHeader("Bearer " + Settings.KEY);

    ScenarioBuilder bulk = scenario("bulk award").during(Settings.SECONDS).on(
            http("batch of " + BATCH).post("/api/v1/assertions/batch")
                    .body(StringBody(session -> "{\"badgeClassId\":\"" + BADGE + "\",\"recipients\":["
                            + IntStream.range(0, BATCH).mapToObj(i -> "{\"type\":\"email\",\"identity\":\"bulk-"
                                    + UUID.randomUUID() + "@example.org\"}").collect(Collectors.joining(","))
                            + "]}"))
                    .check(status().is(201)));

    {
        setUp(bulk.injectOpen(rampUsers(Integer.getInteger("users", 4)).during(1)))
                .protocols(protocol)
                .assertions(global().failedRequests().count().is(0L));
    }
}
