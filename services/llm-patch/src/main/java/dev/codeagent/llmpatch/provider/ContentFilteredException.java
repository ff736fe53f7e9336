package dev.codeagent.llmpatch.provider;

import java.util.List;

/**
 * A provider's content filter refused the prompt or the answer. The chain stops here: asking the next provider
 * would route the same request around the filter the organisation put in front of its model.
 */
public class ContentFilteredException extends RuntimeException {

    private final String provider;
    private final List<String> failures;

    public ContentFilteredException(String provider, ProviderException cause, List<String> failures) {
        super(provider + " refused the request with its content filter (" + cause.describe()
                + "); it was not sent to another provider", cause);
        this.provider = provider;
        this.failures = List.copyOf(failures);
    }

    public String provider() {
        return provider;
    }

    /** One "name: reason" per provider asked or skipped, the refusing one last. */
    public List<String> failures() {
        return failures;
    }
}
