package dev.codeagent.system;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a system test class, saying which jar is missing and how to build it, when the services' jars are not
 * there (the module run on its own before the services were packaged). The reason also goes to the console,
 * where a build shows nothing else of a skipped class.
 */
final class ServiceJarsBuilt implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return ServiceStack.missingJars(ServiceStack.root()).map(reason -> {
            System.err.println("[WARNING] " + context.getDisplayName() + " skipped: " + reason);
            return ConditionEvaluationResult.disabled(reason);
        }).orElseGet(() -> ConditionEvaluationResult.enabled("the services' jars are built"));
    }
}
