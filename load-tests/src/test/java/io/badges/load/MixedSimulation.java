package io.badges.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** (d) 95 % reads (query service, Zipf ids), 5 % awards (command service). Needs -DapiKey. */
public class MixedSimulation extends Simulation {

    static final String BADGE = Settings.badgeClass();

    HttpProtocolBuilder protocol = http.acceptHeader("application/json");

    ScenarioBuilder mixed = scenario("95/5 read/write").during(Settings.SECONDS).on(
            feed(Settings.paths()).doIfOrElse(session -> ThreadLocalRandom.current().nextInt(100) < 5)
                    .then(http("award").post(Settings.COMMAND + "/api/v1/assertions")
                            .header("Authorization", "Bearer " + Settings.KEY)
                            .header("Content-Type", "application/json")
                            .body(StringBody(session -> "{\"badgeClassId\":\"" + BADGE
                                    + "\",\"recipient\":{\"type\":\"email\",\"identity\":\"mix-" + UUID.randomUUID()
                                    + "@example.org\"}}"))
                            .check(status().is(201)))
                    .orElse(http("#{endpoint}").get(Settings.QUERY + "#{path}").check(status().is(200))));

    {
        setUp(mixed.injectOpen(rampUsers(Settings.USERS).during(Settings.RAMP_SECONDS)))
                .protocols(protocol)
                .assertions(global().failedRequests().count().is(0L));
    }
}
