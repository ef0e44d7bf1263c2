package io.badges.vocabulary;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.badges.vocabulary", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** A plain library both services and downstream tools use: the JDK (with its XML parser) and the event contract only. */
    @ArchTest
    static final ArchRule theVocabularyDependsOnNoFrameworkAndNoService = classes()
            .that().resideInAPackage("io.badges.vocabulary..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.badges.vocabulary..", "io.badges.events..",
                    "java..", "javax.xml..");
}
