package dev.codeagent.llmpatch.provider;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rebuilds a request whose prompt is too large for a provider's window with less context, so the chain never sends
 * a prompt the model would silently truncate.
 */
@FunctionalInterface
public interface PromptFitter {

    /**
     * The request with a prompt estimated at most {@code promptTokens}, or empty when even the smallest useful prompt
     * is larger.
     */
    Optional<Fitted> fit(long promptTokens);

    /**
     * A smaller request and what it leaves out: files (path → why, never cut, only left out whole) and other parts
     * of the prompt (in words).
     */
    record Fitted(ModelRequest request, Map<String, String> leftOutFiles, List<String> leftOutParts) {
        public Fitted {
            leftOutFiles = Collections.unmodifiableMap(new LinkedHashMap<>(leftOutFiles));
            leftOutParts = List.copyOf(leftOutParts);
        }
    }
}
