package dev.codeagent.platform.config;

import dev.codeagent.platform.config.DevelopmentSecretsGuard.PublishedDevelopmentSecretsException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns the guard's refusal into Boot's "APPLICATION FAILED TO START" report: what is wrong, then the fix. */
public class DevelopmentSecretsFailureAnalyzer extends AbstractFailureAnalyzer<PublishedDevelopmentSecretsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PublishedDevelopmentSecretsException cause) {
        return new FailureAnalysis(cause.description(), PublishedDevelopmentSecretsException.action(), cause);
    }
}
