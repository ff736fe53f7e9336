package dev.codeagent.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;

/**
 * The architecture rule every service checks: its code may use {@code dev.codeagent.contracts} and
 * {@code dev.codeagent.platform}, never another service's packages.
 */
public final class ServiceBoundaries {

    public static final List<String> SERVICES =
            List.of("gateway", "orchestrator", "adapter", "llmpatch", "runner", "healthmonitor");

    private ServiceBoundaries() {
    }

    /** Fails when a production class of {@code dev.codeagent.<service>} uses another service's code. */
    public static void assertIndependent(String service) {
        if (!SERVICES.contains(service)) {
            throw new IllegalArgumentException("Unknown service package " + service);
        }
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.codeagent." + service);
        String[] others = SERVICES.stream().filter(s -> !s.equals(service))
                .map(s -> "dev.codeagent." + s + "..").toArray(String[]::new);
        noClasses().that().resideInAPackage("dev.codeagent." + service + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("services talk over HTTP through libs/contracts, never through each other's code")
                .check(classes);
        noClasses().that().resideInAPackage("dev.codeagent.contracts..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.codeagent.platform..",
                        "org.springframework..")
                .because("contracts are plain records every service can share")
                .allowEmptyShould(true)
                .check(new ClassFileImporter().importPackages("dev.codeagent.contracts"));
    }
}
