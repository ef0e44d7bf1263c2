package io.badges.load;

import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * (a) Verifier traffic: {@code users} concurrent clients (100 by default), each on its own
 * connection, reading assertions, badge classes and issuers and verifying, ids from a Zipf
 * distribution (the paths file), for {@code seconds}.
 */
public class VerifierSimulation extends Simulation {

    HttpProtocolBuilder protocol = http.baseUrl(Settings.QUERY).acceptHeader("application/json");

    ScenarioBuilder verifiers = scenario("verifier")
            .during(Settings.SECONDS).on(
                    feed(Settings.paths())
                            .exec(http("#{endpoint}").get("#{path}").check(status().is(200))));

    {
        setUp(verifiers.injectOpen(rampUsers(Settings.USERS).during(Settings.RAMP_SECONDS)))
                .protocols(protocol)
                .assertions(global().failedRequests().count().is(0L));
    }
}
