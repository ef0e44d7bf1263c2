package io.badges.web;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.util.ClassUtils;

/**
 * Starts a service from the bean definitions Spring's AOT engine generated at build time (the
 * {@code process-aot} goal of each service's pom), instead of parsing configuration classes and
 * evaluating their conditions on every start: healthy 1-1.5 s sooner on two cores
 * (docs/benchmarks.md, "Footprint, start-up").
 *
 * <p>The generated definitions are those of the default profile (the embedded default), with the bean
 * conditions evaluated as they were at build time. So they are used only when the service runs in that
 * mode: no profile asked for in the ways this project documents ({@code SPRING_PROFILES_ACTIVE},
 * {@code -Dspring.profiles.active}, {@code --spring.profiles.active=}, the {@code migrate} argument),
 * the generated initializer on the class path, and neither {@code -Dspring.aot.enabled} nor
 * {@code BADGES_SPRING_AOT} saying otherwise. A profile that arrives another way (a configuration file,
 * {@code SPRING_APPLICATION_JSON}) fails the start with a message saying so, rather than running the
 * default profile's beans under another profile's settings.
 */
public final class AheadOfTimeStart {

    static final String ENABLED = "spring.aot.enabled";
    static final String SWITCH = "BADGES_SPRING_AOT";

    private AheadOfTimeStart() {
    }

    /**
     * A SpringApplication for {@code main}, started from its AOT-generated definitions when
     * {@link #applies} says so; {@code migrate} in the arguments adds the migrate-only profile.
     */
    public static SpringApplication application(Class<?> main, String[] args) {
        boolean migrate = Arrays.asList(args).contains("migrate");
        // an explicit -Dspring.aot.enabled wins; the AOT engine itself (process-aot) runs main to find the beans
        boolean decided = System.getProperty(ENABLED) != null || Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING);
        if (!decided && applies(main.getName(), args, migrate, System.getenv(), System.getProperty("spring.profiles.active"),
                name -> ClassUtils.isPresent(name, main.getClassLoader()))) {
            System.setProperty(ENABLED, "true");
        }
        SpringApplication app = new SpringApplication(main);
        if (migrate) {
            app.setAdditionalProfiles("migrate-only");
        }
        app.addListeners(new DefaultProfileOnly());
        return app;
    }

    /** Whether the start may use the generated definitions (the rule in the class comment). */
    static boolean applies(String mainClass, String[] args, boolean migrate, Map<String, String> env,
            String profileProperty, Predicate<String> classPresent) {
        if ("false".equalsIgnoreCase(env.getOrDefault(SWITCH, "").trim()) || migrate) {
            return false;
        }
        boolean profileAsked = !env.getOrDefault("SPRING_PROFILES_ACTIVE", "").isBlank()
                || (profileProperty != null && !profileProperty.isBlank())
                || Arrays.stream(args).anyMatch(arg -> arg.startsWith("--spring.profiles.active"));
        return !profileAsked && classPresent.test(mainClass + "__ApplicationContextInitializer");
    }

    /** Refuses a start from the generated definitions once the environment names any profile. */
    static final class DefaultProfileOnly implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

        @Override
        public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
            String[] profiles = event.getEnvironment().getActiveProfiles();
            if (AotDetector.useGeneratedArtifacts() && profiles.length > 0) {
                throw new IllegalStateException("started from the bean definitions generated at build time for the "
                        + "default profile, but profiles " + Arrays.toString(profiles) + " are active: start with "
                        + SWITCH + "=false (or -D" + ENABLED + "=false)");
            }
        }
    }
}
