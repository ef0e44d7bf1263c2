package io.badges.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.spring.stereotype.Aggregate;

@AnalyzeClasses(packages = "io.badges.command", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

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
}
