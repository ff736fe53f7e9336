package dev.codeagent.llmpatch.engine;

import java.util.Arrays;

/**
 * Where a SEARCH block landed: file lines {@code start} to {@code end} (exclusive). {@code map[j]} is the
 * file line of SEARCH line j (-1 for a blank line the match skipped); for an elision line it is the first
 * line of the elided gap and {@code gapEnd[j]} its end (-1 for every other line).
 */
record BlockMatch(int start, int end, int[] map, int[] gapEnd) {

    /** SEARCH found line for line at {@code start}. */
    static BlockMatch contiguous(int start, int length) {
        int[] map = new int[length];
        for (int j = 0; j < length; j++) {
            map[j] = start + j;
        }
        return new BlockMatch(start, start + length, map, unset(length));
    }

    /** The non-blank SEARCH lines found at the file's non-blank lines p, p+1, ...; blank ones skipped. */
    static BlockMatch onNonBlankLines(KeyedLines file, int p, KeyedLines search) {
        int[] searchNonBlank = search.nonBlank();
        int k = searchNonBlank.length;
        int[] map = unset(search.keys().length);
        for (int q = 0; q < k; q++) {
            map[searchNonBlank[q]] = file.nonBlank()[p + q];
        }
        return new BlockMatch(file.nonBlank()[p], file.nonBlank()[p + k - 1] + 1, map, unset(map.length));
    }

    static int[] unset(int length) {
        int[] lines = new int[length];
        Arrays.fill(lines, -1);
        return lines;
    }
}
