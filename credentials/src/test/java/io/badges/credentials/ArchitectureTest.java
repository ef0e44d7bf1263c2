package io.badges.credentials;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.badges.credentials", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** A library the services call: no framework, no service code. */
    @ArchTest
    static final ArchRule theCredentialsDependOnNoSpringAndNoService = noClasses()
            .that().resideInAPackage("io.badges.credentials..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "io.badges.command..",
                    "io.badges.query..", "io.badges.web..", "io.badges.persistence..", "io.badges.downstream..",
                    "io.badges.tools..");

    /** What it may use at all: the JDK, JSON-P, titanium (JSON-LD, RDFC-1.0) and Nimbus JOSE. */
    @ArchTest
    static final ArchRule theCredentialsUseOnlyTheJdkJsonLdAndJose = classes()
            .that().resideInAPackage("io.badges.credentials..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.badges.credentials..", "java..", "javax.crypto..",
                    "jakarta.json..", "com.apicatalog..", "com.nimbusds..");
}
