package com.webprometrics.query;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The read side only reads events and writes its own read models. */
class ArchitectureTest {
    private static JavaClasses querySide;

    @BeforeAll
    static void importClasses() {
        querySide = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.webprometrics");
    }

    @Test
    void onlySharedEventsAndPlatformCrossTheSides() {
        noClasses().that().resideInAPackage("com.webprometrics.query..")
                .should().dependOnClassesThat().resideInAnyPackage("com.webprometrics.command..", "com.webprometrics.gateway..")
                .check(querySide);
    }

    @Test
    void theReadSideSendsNoCommands() {
        noClasses().that().resideInAPackage("com.webprometrics.query..")
                .should().dependOnClassesThat().resideInAnyPackage("org.axonframework.commandhandling..",
                        "org.axonframework.modelling.command..")
                .check(querySide);
    }

    @Test
    void theReadSideNeverWritesTheEventStoreOrCommandTables() throws IOException {
        Pattern write = Pattern.compile("(?i)(insert\\s+into|update|delete\\s+from|truncate)\\s+(event_store|command)\\.");
        try (Stream<Path> sources = Files.walk(Path.of("src/main"))) {
            List<String> offenders = sources.filter(Files::isRegularFile)
                    .filter(p -> {
                        try {
                            return write.matcher(Files.readString(p)).find();
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }).map(Path::toString).toList();
            assertThat(offenders).isEmpty();
        }
    }
}
