package dev.codeagent.llmpatch.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds every place a SEARCH block can land, one strategy at a time from strictest to loosest (see
 * {@link MatchStrategy}). The loose strategies compare whitespace-insensitive keys of the non-blank lines.
 */
final class BlockLocator {

    private final KeyedLines file;
    private final KeyedLines search;

    /** {@code search} must have at least one non-blank line. */
    BlockLocator(KeyedLines file, KeyedLines search) {
        this.file = file;
        this.search = search;
    }

    /** Line for line, byte for byte; needs no keys, so it runs before they are computed. */
    static List<BlockMatch> exact(List<String> file, List<String> search) {
        List<BlockMatch> found = new ArrayList<>();
        int m = search.size();
        for (int i = 0; i + m <= file.size(); i++) {
            if (!file.get(i).equals(search.get(0))) {
                continue;
            }
            int j = 1;
            while (j < m && file.get(i + j).equals(search.get(j))) {
                j++;
            }
            if (j == m) {
                found.add(BlockMatch.contiguous(i, m));
            }
        }
        return found;
    }

    /** Indentation, trailing and inner blanks and blank lines ignored. */
    List<BlockMatch> whitespace() {
        List<BlockMatch> found = new ArrayList<>();
        for (int p : occurrences(search.nonBlank(), 0)) {
            found.add(BlockMatch.onNonBlankLines(file, p, search));
        }
        return found;
    }

    /**
     * Elision lines ({@code ...}) stand for kept code: the segments between them must occur in order, the
     * first one anywhere and each next one at its first occurrence after the previous.
     */
    List<BlockMatch> elided() {
        // Segments of non-blank SEARCH lines between elision lines; leading/trailing elisions carry no anchor.
        String[] searchKeys = search.keys();
        List<int[]> segments = new ArrayList<>();
        List<Integer> elisionAfterSegment = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        for (int j = 0; j < searchKeys.length; j++) {
            if (searchKeys[j].equals(Lines.ELISION_KEY)) {
                if (!current.isEmpty()) {
                    segments.add(toArray(current));
                    elisionAfterSegment.add(j);
                    current = new ArrayList<>();
                }
            } else if (!searchKeys[j].isEmpty()) {
                current.add(j);
            }
        }
        if (!current.isEmpty()) {
            segments.add(toArray(current));
            elisionAfterSegment.add(-1);
        }
        if (segments.size() < 2) {
            return List.of();
        }
        List<BlockMatch> found = new ArrayList<>();
        for (int p : occurrences(segments.get(0), 0)) {
            BlockMatch match = elidedAt(p, segments, elisionAfterSegment);
            if (match != null) {
                found.add(match);
            }
        }
        return found;
    }

    private BlockMatch elidedAt(int p, List<int[]> segments, List<Integer> elisionAfterSegment) {
        int[] nonBlank = file.nonBlank();
        int[] map = BlockMatch.unset(search.keys().length);
        int[] gapEnd = BlockMatch.unset(map.length);
        int pos = p;
        for (int s = 0; s < segments.size(); s++) {
            int[] seg = segments.get(s);
            if (s > 0) {
                List<Integer> next = occurrences(seg, pos);
                if (next.isEmpty()) {
                    return null;
                }
                int elision = elisionAfterSegment.get(s - 1);
                map[elision] = nonBlank[pos - 1] + 1;
                gapEnd[elision] = nonBlank[next.get(0)];
                pos = next.get(0);
            }
            for (int q = 0; q < seg.length; q++) {
                map[seg[q]] = nonBlank[pos + q];
            }
            pos += seg.length;
        }
        return new BlockMatch(nonBlank[p], nonBlank[pos - 1] + 1, map, gapEnd);
    }

    /**
     * A few stale context lines (at most a quarter of a block of three or more lines) are tolerated, never
     * a stale line the block removes; only the places with the fewest mismatches count.
     */
    List<BlockMatch> fuzzy(boolean[] removed) {
        int[] searchNonBlank = search.nonBlank();
        int k = searchNonBlank.length;
        if (k < 3) {
            return List.of();
        }
        int allowed = Math.max(1, k / 4);
        int best = Integer.MAX_VALUE;
        List<Integer> bestAt = new ArrayList<>();
        for (int p = 0; p + k <= file.nonBlank().length; p++) {
            int mismatches = 0;
            for (int q = 0; q < k && mismatches <= allowed; q++) {
                int j = searchNonBlank[q];
                if (!file.nonBlankKey(p + q).equals(search.keys()[j])) {
                    mismatches = removed[j] ? Integer.MAX_VALUE - 1 : mismatches + 1;
                }
            }
            if (mismatches > allowed) {
                continue;
            }
            if (mismatches < best) {
                best = mismatches;
                bestAt.clear();
            }
            if (mismatches == best) {
                bestAt.add(p);
            }
        }
        List<BlockMatch> found = new ArrayList<>();
        for (int p : bestAt) {
            found.add(BlockMatch.onNonBlankLines(file, p, search));
        }
        return found;
    }

    /** Positions p in the non-blank file lines, from {@code from} on, where the given SEARCH lines occur in a row. */
    private List<Integer> occurrences(int[] segment, int from) {
        List<Integer> found = new ArrayList<>();
        int k = segment.length;
        String first = search.keys()[segment[0]];
        for (int p = from; p + k <= file.nonBlank().length; p++) {
            if (!file.nonBlankKey(p).equals(first)) {
                continue;
            }
            int q = 1;
            while (q < k && file.nonBlankKey(p + q).equals(search.keys()[segment[q]])) {
                q++;
            }
            if (q == k) {
                found.add(p);
            }
        }
        return found;
    }

    private static int[] toArray(List<Integer> indexes) {
        return indexes.stream().mapToInt(Integer::intValue).toArray();
    }
}
