package io.badges.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.core.env.StandardEnvironment;

class AheadOfTimeStartTest {

    private static final String MAIN = "io.badges.query.QueryServiceApplication";
    private static final Predicate<String> GENERATED = (MAIN + "__ApplicationContextInitializer")::equals;
    private static final String[] NO_ARGS = {};

    @AfterEach
    void clear() {
        System.clearProperty(AheadOfTimeStart.ENABLED);
    }

    @Test
    void theEmbeddedDefaultStartsFromTheGeneratedDefinitions() {
        assertThat(AheadOfTimeStart.applies(MAIN, NO_ARGS, false, Map.of(), null, GENERATED)).isTrue();
        assertThat(AheadOfTimeStart.applies(MAIN, NO_ARGS, false, Map.of("SPRING_PROFILES_ACTIVE", " "), "", GENERATED))
                .isTrue();
    }

    @Test
    void anyProfileAskedForStartsWithoutThem() {
        assertThat(AheadOfTimeStart.applies(MAIN, NO_ARGS, false, Map.of("SPRING_PROFILES_ACTIVE", "distributed"),
                null, GENERATED)).isFalse();
        assertThat(AheadOfTimeStart.applies(MAIN, NO_ARGS, false, Map.of(), "postgres", GENERATED)).isFalse();
        assertThat(AheadOfTimeStart.applies(MAIN, new String[] {"--spring.profiles.active=postgres"}, false, Map.of(),
                null, GENERATED)).isFalse();
        assertThat(AheadOfTimeStart.applies(MAIN, new String[] {"migrate"}, true, Map.of(), null, GENERATED)).isFalse();
    }

    @Test
    void theSwitchOrAMissingInitializerStartsWithoutThem() {
        assertThat(AheadOfTimeStart.applies(MAIN, NO_ARGS, false, Map.of("BADGES_SPRING_AOT", "false"), null, GENERATED))
                .isFalse();
        assertThat(AheadOfTimeStart.applies(MAIN, NO_ARGS, false, Map.of(), null, name -> false)).isFalse();
    }

    @Test
    void aProfileArrivingOtherwiseStopsAStartFromTheGeneratedDefinitions() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.setActiveProfiles("postgres");
        var event = new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(), new SpringApplication(),
                NO_ARGS, environment);
        var guard = new AheadOfTimeStart.DefaultProfileOnly();

        assertThatNoException().isThrownBy(() -> guard.onApplicationEvent(event));  // a plain start: any profile
        System.setProperty(AheadOfTimeStart.ENABLED, "true");
        assertThatIllegalStateException().isThrownBy(() -> guard.onApplicationEvent(event))
                .withMessageContaining("profiles [postgres] are active: start with BADGES_SPRING_AOT=false");
    }
}
