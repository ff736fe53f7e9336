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
 * @param refused paths whose edits the policy refused → why
 */
record VariantNotes(Map<String, String> refused) {

    private static final int NAMED_IN_NOTICE = 3;

    VariantNotes {
        refused = Collections.unmodifiableMap(new LinkedHashMap<>(refused));
    }

    List<String> notes() {
        List<String> notes = new ArrayList<>();
        refused.forEach((path, why) -> notes.add("Not changed: " + path + " — " + why));
        return notes;
    }

    /** One sentence naming the refused paths ({@value #NAMED_IN_NOTICE} at most); empty when none was refused. */
    String notice() {
        if (refused.isEmpty()) {
            return "";
        }
        List<String> paths = List.copyOf(refused.keySet());
        String named = String.join(", ", paths.subList(0, Math.min(NAMED_IN_NOTICE, paths.size())));
        String more = paths.size() > NAMED_IN_NOTICE ? " and " + (paths.size() - NAMED_IN_NOTICE) + " more" : "";
        return named + more + " not changed (protected).";
    }

    /** The first refused path with its reason, for an error message. */
    String firstRefusal() {
        Map.Entry<String, String> first = refused.entrySet().iterator().next();
        return first.getKey() + ": " + first.getValue();
    }
}
