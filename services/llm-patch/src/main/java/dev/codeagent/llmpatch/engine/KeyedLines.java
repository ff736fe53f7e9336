package dev.codeagent.llmpatch.engine;

import java.util.List;

/**
 * Lines as whitespace-insensitive keys ({@link Lines#key}), with the indexes of the non-blank ones: the
 * loose strategies compare keys and skip blank lines on both sides.
 */
record KeyedLines(String[] keys, int[] nonBlank) {

    static KeyedLines of(List<String> lines) {
        String[] keys = new String[lines.size()];
        int count = 0;
        for (int i = 0; i < keys.length; i++) {
            keys[i] = Lines.key(lines.get(i));
            if (!keys[i].isEmpty()) {
                count++;
            }
        }
        int[] nonBlank = new int[count];
        int c = 0;
        for (int i = 0; i < keys.length; i++) {
            if (!keys[i].isEmpty()) {
                nonBlank[c++] = i;
            }
        }
        return new KeyedLines(keys, nonBlank);
    }

    /** The key of the p-th non-blank line. */
    String nonBlankKey(int p) {
        return keys[nonBlank[p]];
    }
}
