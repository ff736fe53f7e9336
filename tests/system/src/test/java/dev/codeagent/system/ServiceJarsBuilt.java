package dev.codeagent.system;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a system test class, saying which jar is missing and how to build it, when the services' jars are not
 * there (the module run on its own before the services were packaged), and warns of jars older than their
 * sources. Both go to the console, where a build shows nothing else of a skipped class.
 */
final class ServiceJarsBuilt implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Path root = ServiceStack.root();
        return ServiceStack.missingJars(root).map(reason -> {
            System.err.println("[WARNING] " + context.getDisplayName() + " skipped: " + reason);
            return ConditionEvaluationResult.disabled(reason);
        }).orElseGet(() -> {
            ServiceStack.staleJars(root).forEach(jar -> System.err.println("[WARNING] " + context.getDisplayName()
                    + " runs " + jar + ": package the services again to test their current sources"));
            return ConditionEvaluationResult.enabled("the services' jars are built");
        });
    }
}
