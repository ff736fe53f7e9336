package dev.codeagent.llmpatch.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The line diff SEARCH→REPLACE that the applier replays onto the located lines. Lines compare by
 * whitespace-insensitive key plus indentation width, so a re-indented line counts as changed.
 */
final class LineDiff {

    /** Beyond this many cells the LCS table costs too much; the diff then replaces every line. */
    private static final long MAX_DIFF_CELLS = 4_000_000L;

    enum Kind { KEEP, DELETE, INSERT }

    /** One step; {@code search} is -1 for an insert, {@code replace} is -1 for a delete. */
    record Op(Kind kind, int search, int replace) {
    }

    private LineDiff() {
    }

    static List<Op> script(List<String> search, List<String> replace) {
        int m = search.size();
        int r = replace.size();
        List<Op> ops = new ArrayList<>();
        if ((long) m * r > MAX_DIFF_CELLS) {
            for (int i = 0; i < m; i++) {
                ops.add(new Op(Kind.DELETE, i, -1));
            }
            for (int j = 0; j < r; j++) {
                ops.add(new Op(Kind.INSERT, -1, j));
            }
            return ops;
        }
        String[] sk = keys(search);
        String[] rk = keys(replace);
        int[][] dp = new int[m + 1][r + 1];
        for (int i = m - 1; i >= 0; i--) {
            for (int j = r - 1; j >= 0; j--) {
                dp[i][j] = sk[i].equals(rk[j]) ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < m || j < r) {
            if (i < m && j < r && sk[i].equals(rk[j])) {
                ops.add(new Op(Kind.KEEP, i++, j++));
            } else if (i < m && (j == r || dp[i + 1][j] >= dp[i][j + 1])) {
                ops.add(new Op(Kind.DELETE, i++, -1));
            } else {
                ops.add(new Op(Kind.INSERT, -1, j++));
            }
        }
        return ops;
    }

    /** Which SEARCH lines the block removes (the fuzzy strategy must never accept a stale one of those). */
    static boolean[] removedLines(List<String> search, List<String> replace) {
        boolean[] removed = new boolean[search.size()];
        for (Op op : script(search, replace)) {
            if (op.kind() == Kind.DELETE) {
                removed[op.search()] = true;
            }
        }
        return removed;
    }

    private static String[] keys(List<String> lines) {
        String[] keys = new String[lines.size()];
        for (int i = 0; i < keys.length; i++) {
            String key = Lines.key(lines.get(i));
            keys[i] = key.isEmpty() || key.equals(Lines.ELISION_KEY) ? key
                    : Lines.width(Lines.lead(lines.get(i))) + "|" + key;
        }
        return keys;
    }
}
