package dev.codeagent.llmpatch.patch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a variant left alone and why, in words for the people reading it: a line per path for the response's
 * notes, and a short notice for its summary, which comments show shortened.
 *
 * @param withheld paths left out of the prompt because they may hold secrets → why
 * @param leftOut  paths left out of the prompt so it fits the model's context window → why
 * @param refused  paths whose edits the policy refused → why
 * @param chain    what the provider chain did: fallbacks, guessed windows, other parts left out of the prompt
 */
record VariantNotes(Map<String, String> withheld, Map<String, String> leftOut, Map<String, String> refused,
        List<String> chain) {

    private static final int NAMED_IN_NOTICE = 3;

    VariantNotes {
        withheld = Collections.unmodifiableMap(new LinkedHashMap<>(withheld));
        leftOut = Collections.unmodifiableMap(new LinkedHashMap<>(leftOut));
        refused = Collections.unmodifiableMap(new LinkedHashMap<>(refused));
        chain = List.copyOf(chain);
    }

    List<String> notes() {
        List<String> notes = new ArrayList<>();
        withheld.forEach((path, why) -> notes.add("Not shown to the model: " + path + " — " + why));
        leftOut.forEach((path, why) -> notes.add("Not shown to the model: " + path + " — " + why));
        refused.forEach((path, why) -> notes.add("Not changed: " + path + " — " + why));
        notes.addAll(chain);
        return notes;
    }

    /**
     * A sentence naming the refused paths, then one naming the withheld ones, then one naming those left out for the
     * context window ({@value #NAMED_IN_NOTICE} paths each at most); empty when there are none.
     */
    String notice() {
        List<String> sentences = new ArrayList<>();
        if (!refused.isEmpty()) {
            sentences.add(named(refused) + " not changed (protected).");
        }
        if (!withheld.isEmpty()) {
            sentences.add(named(withheld) + " not shown to the model (may hold secrets).");
        }
        if (!leftOut.isEmpty()) {
            sentences.add(named(leftOut) + " left out of the prompt (too large for the model's context window).");
        }
        return String.join(" ", sentences);
    }

    private static String named(Map<String, String> paths) {
        List<String> all = List.copyOf(paths.keySet());
        String named = String.join(", ", all.subList(0, Math.min(NAMED_IN_NOTICE, all.size())));
        return all.size() > NAMED_IN_NOTICE ? named + " and " + (all.size() - NAMED_IN_NOTICE) + " more" : named;
    }

    /** The first refused path with its reason, for an error message. */
    String firstRefusal() {
        Map.Entry<String, String> first = refused.entrySet().iterator().next();
        return first.getKey() + ": " + first.getValue();
    }
}
