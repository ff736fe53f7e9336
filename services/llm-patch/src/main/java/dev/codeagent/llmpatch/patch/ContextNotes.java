package dev.codeagent.llmpatch.patch;

import dev.codeagent.llmpatch.provider.ChainReply;
import dev.codeagent.llmpatch.provider.PromptFitter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the provider chain did to a variant's prompt over its attempts, for the variant's record: each fallback with
 * its reason, a context window that had to be guessed, and what was left out so the prompt fits a small window.
 */
final class ContextNotes {

    private final Set<String> notes = new LinkedHashSet<>();
    private final Map<String, String> leftOut = new LinkedHashMap<>();

    /**
     * Records one answer of the chain; returns the files its prompt left out (path → why), whose edits are refused
     * because the model did not see them.
     */
    Map<String, String> record(ChainReply reply) {
        reply.earlierFailures().forEach(f -> notes.add("Fell back from " + f));
        String provider = reply.provider().settings().name();
        if (reply.window().note() != null) {
            notes.add("Context window of " + provider + ": " + reply.window().note() + ".");
        }
        PromptFitter.Fitted shrunk = reply.shrunk();
        if (shrunk == null) {
            return Map.of();
        }
        String why = "left out to fit the context window of " + provider + " (" + reply.window().describe() + ")";
        shrunk.leftOutParts().forEach(part -> notes.add("Not in the prompt: " + part + " — " + why));
        Map<String, String> files = new LinkedHashMap<>();
        shrunk.leftOutFiles().forEach((path, size) -> {
            files.put(path, why);
            leftOut.putIfAbsent(path, why + ", " + size);
        });
        return files;
    }

    /** Files left out of some attempt's prompt → why. */
    Map<String, String> leftOut() {
        return leftOut;
    }

    List<String> notes() {
        return new ArrayList<>(notes);
    }
}
