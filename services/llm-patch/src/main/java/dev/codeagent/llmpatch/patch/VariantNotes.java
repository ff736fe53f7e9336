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
 * @param refused  paths whose edits the policy refused → why
 */
record VariantNotes(Map<String, String> withheld, Map<String, String> refused) {

    private static final int NAMED_IN_NOTICE = 3;

    VariantNotes {
        withheld = Collections.unmodifiableMap(new LinkedHashMap<>(withheld));
        refused = Collections.unmodifiableMap(new LinkedHashMap<>(refused));
    }

    List<String> notes() {
        List<String> notes = new ArrayList<>();
        withheld.forEach((path, why) -> notes.add("Not shown to the model: " + path + " — " + why));
        refused.forEach((path, why) -> notes.add("Not changed: " + path + " — " + why));
        return notes;
    }

    /**
     * A sentence naming the refused paths, then one naming the withheld ones ({@value #NAMED_IN_NOTICE} paths each
     * at most); empty when there are none.
     */
    String notice() {
        List<String> sentences = new ArrayList<>();
        if (!refused.isEmpty()) {
            sentences.add(named(refused) + " not changed (protected).");
        }
        if (!withheld.isEmpty()) {
            sentences.add(named(withheld) + " not shown to the model (may hold secrets).");
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
