package io.badges.command;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.conditions.ArchConditions.be;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.badges.testsupport.NotAotGenerated;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@AnalyzeClasses(packages = "io.badges.command", importOptions = {ImportOption.DoNotIncludeTests.class, NotAotGenerated.class})
class ArchitectureTest {

    /** The services share the event contract, the vocabulary and the support modules, never each other's code. */
    @ArchTest
    static final ArchRule theCommandSideNeverDependsOnTheQuerySide = noClasses()
            .that().resideInAPackage("io.badges.command..")
            .should().dependOnClassesThat().resideInAPackage("io.badges.query..");

    @ArchTest
    static final ArchRule aggregatesKnowNothingOfHttpOrSql = noClasses()
            .that().areAnnotatedWith(Aggregate.class)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.jdbc..", "org.springframework.web..", "jakarta.servlet..", "java.sql..");

    @ArchTest
    static final ArchRule nothingCallsAController = noClasses()
            .should().dependOnClassesThat().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class);

    @ArchTest
    static final ArchRule issuersDoNotKnowBadgesOrAssertions = noClasses()
            .that().resideInAPackage("..command.issuer..")
            .should().dependOnClassesThat().resideInAnyPackage("..command.badgeclass..", "..command.assertion..");

    @ArchTest
    static final ArchRule badgeClassesDoNotKnowAssertions = noClasses()
            .that().resideInAPackage("..command.badgeclass..")
            .should().dependOnClassesThat().resideInAPackage("..command.assertion..");

    private static final DescribedPredicate<JavaClass> WIRING = describe(
            "a @Configuration class, a @ConfigurationProperties record or a type nested in one",
            type -> outermost(type).isAnnotatedWith(Configuration.class)
                    || outermost(type).isRecord() && outermost(type).isAnnotatedWith(ConfigurationProperties.class));

    /** Feature code lives with its feature; config only says how the pieces are put together. */
    @ArchTest
    static final ArchRule configHoldsWiringOnly = classes()
            .that().resideInAPackage("..command.config..")
            .should(be(WIRING));

    /** The HTTP edge of a feature: its controllers (and types nested in them). */
    private static final DescribedPredicate<JavaClass> HTTP_EDGE = describe(
            "a controller or a type nested in one",
            type -> outermost(type).getSimpleName().endsWith("Controller"));

    @ArchTest
    static final ArchRule featuresRefuseWithDomainExceptionsNotWebTypes = noClasses()
            .that().resideInAnyPackage("..command.assertion..", "..command.badgeclass..", "..command.issuer..")
            .and(not(HTTP_EDGE))
            .should().dependOnClassesThat().resideInAPackage("..command.web..");

    @ArchTest
    static final ArchRule theDomainKnowsNothingOfHttp = noClasses()
            .that().resideInAPackage("..command.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "jakarta.servlet..", "..command.web..");

    private static JavaClass outermost(JavaClass type) {
        JavaClass outer = type;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }
}
