package io.badges.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.core.env.StandardEnvironment;

class AheadOfTimeStartTest {

    private static final String MAIN = "io.badges.query.QueryServiceApplication";
    private static final Predicate<String> GENERATED = (MAIN + "__ApplicationContextInitializer")::equals;
    private static final String[] NO_ARGS = {};
    private static final Set<String> JVM_PROPERTIES = Set.of("java.version", "user.dir", "axoniq.update-checker.disabled");

    @AfterEach
    void clear() {
        System.clearProperty(AheadOfTimeStart.ENABLED);
        System.clearProperty(AbstractAotProcessor.AOT_PROCESSING);
    }

    private static boolean applies(String[] args, Map<String, String> env, Set<String> properties) {
        return AheadOfTimeStart.applies(MAIN, args, false, env, properties, GENERATED);
    }

    @Test
    void theEmbeddedDefaultStartsFromTheGeneratedDefinitions() {
        assertThat(applies(NO_ARGS, Map.of("BADGES_DATA_DIR", "/data", "AXONIQ_UPDATE_CHECKER_DISABLED", "true"),
                JVM_PROPERTIES)).isTrue();
        // what scripts/launch.sh's training sets
        assertThat(applies(NO_ARGS, Map.of("SPRING_PROFILES_ACTIVE", ""), Set.of("spring.context.exit"))).isTrue();
    }

    @Test
    void anySpringAxonOrManagementSettingFromOutsideStartsWithoutThem() {
        assertThat(applies(NO_ARGS, Map.of("SPRING_PROFILES_ACTIVE", "distributed"), JVM_PROPERTIES)).isFalse();
        assertThat(applies(NO_ARGS, Map.of("AXON_TIMEOUT_ENABLED", "true"), JVM_PROPERTIES)).isFalse();
        assertThat(applies(NO_ARGS, Map.of("MANAGEMENT_SERVER_PORT", "9000"), JVM_PROPERTIES)).isFalse();
        assertThat(applies(NO_ARGS, Map.of("SPRING_APPLICATION_JSON", "{}"), JVM_PROPERTIES)).isFalse();
        assertThat(applies(NO_ARGS, Map.of(), Set.of("spring.profiles.active"))).isFalse();
        assertThat(applies(new String[] {"--spring.profiles.include=postgres"}, Map.of(), JVM_PROPERTIES)).isFalse();
        assertThat(applies(new String[] {"--axon.timeout.enabled=true"}, Map.of(), JVM_PROPERTIES)).isFalse();
        assertThat(AheadOfTimeStart.applies(MAIN, new String[] {"migrate"}, true, Map.of(), JVM_PROPERTIES, GENERATED))
                .isFalse();
    }

    @Test
    void theSwitchOrAMissingInitializerStartsWithoutThem() {
        for (String off : new String[] {"false", "0", "no", "OFF"}) {
            assertThat(applies(NO_ARGS, Map.of("BADGES_SPRING_AOT", off), JVM_PROPERTIES)).as(off).isFalse();
        }
        assertThat(AheadOfTimeStart.applies(MAIN, NO_ARGS, false, Map.of(), JVM_PROPERTIES, name -> false)).isFalse();
    }

    private static ApplicationEnvironmentPreparedEvent prepared(StandardEnvironment environment) {
        return new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(), new SpringApplication(), NO_ARGS,
                environment);
    }

    @Test
    void aProfileArrivingOtherwiseStopsAStartFromTheGeneratedDefinitions() {
        StandardEnvironment active = new StandardEnvironment();
        active.setActiveProfiles("postgres");
        StandardEnvironment defaulted = new StandardEnvironment();
        defaulted.setDefaultProfiles("distributed");
        var guard = new AheadOfTimeStart.DefaultProfileOnly();

        assertThatNoException().isThrownBy(() -> guard.onApplicationEvent(prepared(active)));  // a plain start
        System.setProperty(AheadOfTimeStart.ENABLED, "true");
        assertThatNoException().isThrownBy(() -> guard.onApplicationEvent(prepared(new StandardEnvironment())));
        assertThatIllegalStateException().isThrownBy(() -> guard.onApplicationEvent(prepared(active)))
                .withMessageContaining("profiles [postgres] are active: start with BADGES_SPRING_AOT=false");
        assertThatIllegalStateException().isThrownBy(() -> guard.onApplicationEvent(prepared(defaulted)))
                .withMessageContaining("(default [distributed])");
    }

    @Test
    void aBuildWhoseAotProcessingRunsUnderAProfileFails() {
        StandardEnvironment active = new StandardEnvironment();
        active.setActiveProfiles("postgres");
        System.setProperty(AbstractAotProcessor.AOT_PROCESSING, "true");

        assertThatIllegalStateException()
                .isThrownBy(() -> new AheadOfTimeStart.DefaultProfileOnly().onApplicationEvent(prepared(active)))
                .withMessageContaining("build without SPRING_PROFILES_ACTIVE");
    }
}
