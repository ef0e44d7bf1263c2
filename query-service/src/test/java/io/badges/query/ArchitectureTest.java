package io.badges.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.badges.testsupport.NotAotGenerated;

@AnalyzeClasses(packages = "io.badges", importOptions = {ImportOption.DoNotIncludeTests.class, NotAotGenerated.class})
class ArchitectureTest {

    @ArchTest
    static final ArchRule queryNeverDependsOnTheCommandSide = noClasses()
            .that().resideInAPackage("io.badges.query..")
            .should().dependOnClassesThat().resideInAPackage("io.badges.command..");

    @ArchTest
    static final ArchRule readModelsAreIndependent = slices()
            .matching("io.badges.query.(issuer|badgeclass|assertion)..")
            .should().notDependOnEachOther();

    /** The pages are presentation over the read models and the verifier: nothing below depends on them. */
    @ArchTest
    static final ArchRule nothingDependsOnThePages = noClasses()
            .that().resideInAPackage("io.badges.query..").and().resideOutsideOfPackage("io.badges.query.page..")
            .should().dependOnClassesThat().resideInAPackage("io.badges.query.page..");

    @ArchTest
    static final ArchRule theEventContractDependsOnNoFramework = noClasses()
            .that().resideInAPackage("io.badges.events..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..");
}
