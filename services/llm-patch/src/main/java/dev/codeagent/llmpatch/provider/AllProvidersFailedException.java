package dev.codeagent.llmpatch.provider;

import java.util.List;

/** Every provider of the chain failed or was skipped; {@code failures} has one "name: reason" per provider. */
public class AllProvidersFailedException extends RuntimeException {

    private final List<String> failures;

    public AllProvidersFailedException(List<String> failures) {
        super("every model provider failed: " + String.join("; ", failures));
        this.failures = List.copyOf(failures);
    }

    /** Every provider the project's policy allows failed; {@code policy} says which those are and why only them. */
    public AllProvidersFailedException(String policy, List<String> failures) {
        super(policy + "; " + String.join("; ", failures));
        this.failures = List.copyOf(failures);
    }

    public List<String> failures() {
        return failures;
    }
}
