package io.badges.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
 * evaluating their conditions on every start: healthy in 3.5-5.0 s instead of 4.8-6.1 s on two cores
 * (docs/benchmarks.md, "Footprint, start-up").
 *
 * <p>The generated definitions are those of the default profile (the embedded default), with every bean
 * condition evaluated as it was at build time (Axon's {@code axon.timeout.enabled}, Spring's
 * {@code management...} switches). So they are used only for a start configured like the build: no
 * Spring, Axon or management setting given from outside (environment variables {@code SPRING_...},
 * {@code AXON_...}, {@code MANAGEMENT_...}, system properties and {@code --} arguments of the same
 * prefixes), no {@code migrate} argument, the generated initializer on the class path, and
 * {@code BADGES_SPRING_AOT} not {@code false}. The {@code BADGES_...} settings are read at run time either
 * way. A profile that arrives some other way (a configuration file in the working directory) stops the
 * start with a message, rather than running the default profile's beans under another profile's
 * settings; so does a build whose AOT processing ran under a profile.
 */
public final class AheadOfTimeStart {

    static final String ENABLED = "spring.aot.enabled";
    static final String SWITCH = "BADGES_SPRING_AOT";
    /** System properties this project's own scripts set, which decide nothing about beans. */
    private static final Set<String> HARMLESS = Set.of(ENABLED, AbstractAotProcessor.AOT_PROCESSING,
            "spring.context.exit");

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
        if (!decided && applies(main.getName(), args, migrate, System.getenv(), System.getProperties().stringPropertyNames(),
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
            Set<String> systemProperties, Predicate<String> classPresent) {
        String off = env.getOrDefault(SWITCH, "").trim().toLowerCase(Locale.ROOT);
        if (Set.of("false", "0", "no", "off").contains(off) || migrate) {
            return false;
        }
        boolean configuredOutside = env.entrySet().stream()
                .anyMatch(e -> isBeanSetting(e.getKey().replace('_', '.').toLowerCase(Locale.ROOT)) && !e.getValue().isBlank())
                || systemProperties.stream().anyMatch(name -> !HARMLESS.contains(name) && isBeanSetting(name))
                || Arrays.stream(args).anyMatch(arg -> arg.startsWith("--") && isBeanSetting(arg.substring(2)));
        return !configuredOutside && classPresent.test(mainClass + "__ApplicationContextInitializer");
    }

    private static boolean isBeanSetting(String name) {
        return name.startsWith("spring.") || name.startsWith("axon.") || name.startsWith("management.");
    }

    /**
     * Refuses a start from the generated definitions once the environment names a profile, and an AOT
     * processing (the build) that runs under one: its definitions would be that profile's.
     */
    static final class DefaultProfileOnly implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

        @Override
        public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
            var environment = event.getEnvironment();
            boolean profiled = environment.getActiveProfiles().length > 0
                    || !Arrays.equals(environment.getDefaultProfiles(), new String[] {"default"});
            if (!profiled) {
                return;
            }
            String profiles = Arrays.toString(environment.getActiveProfiles())
                    + (environment.getActiveProfiles().length > 0 ? "" : " (default " + Arrays.toString(environment.getDefaultProfiles()) + ")");
            if (Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING)) {
                throw new IllegalStateException("the AOT processing of the build ran with profiles " + profiles
                        + ": build without SPRING_PROFILES_ACTIVE (the generated definitions are the embedded default's)");
            }
            if (AotDetector.useGeneratedArtifacts()) {
                throw new IllegalStateException("started from the bean definitions generated at build time for the "
                        + "default profile, but profiles " + profiles + " are active: start with "
                        + SWITCH + "=false (or -D" + ENABLED + "=false)");
            }
        }
    }
}
