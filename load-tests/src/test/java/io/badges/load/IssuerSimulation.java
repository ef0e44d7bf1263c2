package io.badges.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** (b) Issuer traffic: awards, one in ten revoked right after. Needs -DapiKey. */
public class IssuerSimulation extends Simulation {

    static final String BADGE = Settings.badgeClass();

    HttpProtocolBuilder protocol = http.baseUrl(Settings.COMMAND).contentTypeHeader("application/json")
            .authorizationHeader("Bearer " + Settings.KEY);

    static ChainBuilder award() {
        return exec(session -> session.set("email",
                        "load-" + UUID.randomUUID() + "@example.org"))
                .exec(http("award").post("/api/v1/assertions")
                        .body(StringBody("{\"badgeClassId\":\"" + BADGE
                                + "\",\"recipient\":{\"type\":\"email\",\"identity\":\"#{email}\"}}"))
                        .check(status().is(201), jsonPath("$.id").saveAs("assertionId")));
    }

    ScenarioBuilder issuers = scenario("issuer").during(Settings.SECONDS).on(award()
            .doIf(session -> ThreadLocalRandom.current().nextInt(10) == 0).then(
                    http("revoke").post("/api/v1/assertions/#{assertionId}/revoke")
                            .body(StringBody("{\"reason\":\"load test\"}")).check(status().is(200))));

    {
        setUp(issuers.injectOpen(rampUsers(Settings.USERS).during(Settings.RAMP_SECONDS)))
                .protocols(protocol)
                .assertions(global().failedRequests().count().is(0L));
    }
}
