package io.badges.testsupport;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.util.regex.Pattern;

/**
 * Leaves out of the architecture tests what Spring's AOT engine generates into target/classes when a
 * boot jar is packaged ({@code X__BeanDefinitions}, {@code X__ApplicationContextInitializer}, CGLIB
 * subclasses {@code X$$SpringCGLIB$$0}): generated wiring, not our code, and present only after a
 * {@code package}, so a second {@code ./mvnw verify} without {@code clean} would otherwise judge it.
 */
public final class NotAotGenerated implements ImportOption {

    private static final Pattern GENERATED = Pattern.compile(".*(__[A-Za-z]+|\\$\\$SpringCGLIB\\$\\$\\d+)\\.class$");

    @Override
    public boolean includes(Location location) {
        return !location.matches(GENERATED);
    }
}
