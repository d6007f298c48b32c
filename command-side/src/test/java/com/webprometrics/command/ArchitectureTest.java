package com.webprometrics.command;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The boundaries of the write side, checked on every build. */
class ArchitectureTest {
    private static JavaClasses commandSide;

    @BeforeAll
    static void importClasses() {
        commandSide = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.webprometrics");
    }

    @Test
    void onlySharedEventsAndPlatformCrossTheSides() {
        noClasses().that().resideInAPackage("com.webprometrics.command..")
                .should().dependOnClassesThat().resideInAnyPackage("com.webprometrics.query..", "com.webprometrics.gateway..")
                .check(commandSide);
    }

    @Test
    void aggregatesHaveNoWebOrJdbcDependencies() {
        noClasses().that().areAnnotatedWith(Aggregate.class)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.http..",
                        "jakarta.servlet..", "org.springframework.jdbc..", "java.sql..", "javax.sql..")
                .check(commandSide);
    }

    @Test
    void eventsArePlainRecordsWithoutFrameworkTypes() {
        classes().that().resideInAPackage("com.webprometrics.events..")
                .and().resideOutsideOfPackage("com.webprometrics.events..upcasting..")
                .and().doNotHaveSimpleName("package-info")
                .and().areNotAnnotations() // PersonalData, which marks their personal fields
                .should().beRecords()
                .andShould().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.webprometrics.events..",
                        "org.axonframework.serialization..")
                .check(commandSide);
    }

    @Test
    void commandSideNeverReadsReadModelTables() throws IOException {
        Pattern readModel = Pattern.compile("\\bquery\\.[a-z_]+|_view\\b");
        try (Stream<Path> sources = Files.walk(Path.of("src/main"))) {
            List<String> offenders = sources.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".sql"))
                    .filter(p -> {
                        try {
                            return readModel.matcher(Files.readString(p)).find();
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }).map(Path::toString).toList();
            assertThat(offenders).as("command-side files that mention read-model tables").isEmpty();
        }
    }
}
