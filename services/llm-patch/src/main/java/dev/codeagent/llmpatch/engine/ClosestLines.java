package dev.codeagent.llmpatch.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * For a SEARCH block that matched nowhere: the file lines most like it (equal lines, else shared tokens),
 * numbered, so that the model's next attempt can quote them.
 */
final class ClosestLines {

    /** Above this many line comparisons the search is skipped: a hint is not worth seconds of CPU. */
    private static final long MAX_COMPARISONS = 2_000_000L;
    private static final int MAX_LINES = 30;

    private ClosestLines() {
    }

    /** The numbered lines, or null when nothing in the file resembles SEARCH. */
    static String find(List<String> file, KeyedLines fileKeys, KeyedLines searchKeys) {
        List<String> wanted = new ArrayList<>();
        for (int j : searchKeys.nonBlank()) {
            String key = searchKeys.keys()[j];
            if (!key.equals(Lines.ELISION_KEY)) {
                wanted.add(key);
            }
        }
        int[] nonBlank = fileKeys.nonBlank();
        int k = wanted.size();
        if (k == 0 || nonBlank.length == 0 || (long) k * nonBlank.length > MAX_COMPARISONS) {
            return null;
        }
        int window = Math.min(k, nonBlank.length);
        int bestAt = bestWindow(fileKeys, wanted, window);
        if (bestAt < 0) {
            return null;
        }
        int from = nonBlank[bestAt];
        int to = Math.min(nonBlank[bestAt + window - 1], from + MAX_LINES - 1);
        StringBuilder out = new StringBuilder();
        for (int i = from; i <= to; i++) {
            out.append(i + 1).append(": ").append(file.get(i)).append('\n');
        }
        return out.toString();
    }

    /** The first window of non-blank file lines with the highest score, or -1 if every score is 0. */
    private static int bestWindow(KeyedLines fileKeys, List<String> wanted, int window) {
        int[] nonBlank = fileKeys.nonBlank();
        List<Set<String>> wantedTokens = wanted.stream().map(ClosestLines::tokens).toList();
        List<Set<String>> fileTokens = new ArrayList<>(nonBlank.length);
        for (int p = 0; p < nonBlank.length; p++) {
            fileTokens.add(tokens(fileKeys.nonBlankKey(p)));
        }
        double best = 0;
        int bestAt = -1;
        for (int p = 0; p + window <= nonBlank.length; p++) {
            double score = 0;
            for (int q = 0; q < window; q++) {
                score += fileKeys.nonBlankKey(p + q).equals(wanted.get(q)) ? 1.0
                        : jaccard(fileTokens.get(p + q), wantedTokens.get(q));
            }
            if (score > best + 1e-9) {
                best = score;
                bestAt = p;
            }
        }
        return bestAt;
    }

    private static Set<String> tokens(String line) {
        Set<String> out = new HashSet<>();
        for (String t : line.split("[^A-Za-z0-9_]+")) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String t : a) {
            if (b.contains(t)) {
                common++;
            }
        }
        return (double) common / (a.size() + b.size() - common);
    }
}
