package dev.codeagent.llmpatch.patch;

import dev.codeagent.llmpatch.engine.TextFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a git-style unified diff (3 lines of context) of one file and counts added and removed lines.
 * Common prefix and suffix are trimmed before the line LCS, which keeps typical edits cheap; a middle too
 * large for the LCS table is written as one replacement hunk.
 */
public final class UnifiedDiffWriter {

    private static final int CONTEXT = 3;
    private static final long MAX_CELLS = 4_000_000L;
    private static final int KEEP = 0;
    private static final int DELETE = 1;
    private static final int INSERT = 2;

    public record FileDiff(String text, int added, int removed) {
    }

    public FileDiff diff(String path, String before, String after) {
        List<String> a = before == null ? List.of() : TextFile.parse(before).lines();
        List<String> b = after == null ? List.of() : TextFile.parse(after).lines();
        List<int[]> ops = ops(a, b);
        StringBuilder out = new StringBuilder();
        out.append("diff --git a/").append(path).append(" b/").append(path).append('\n');
        if (before == null) {
            out.append("new file mode 100644\n");
        } else if (after == null) {
            out.append("deleted file mode 100644\n");
        }
        out.append("--- ").append(before == null ? "/dev/null" : "a/" + path).append('\n');
        out.append("+++ ").append(after == null ? "/dev/null" : "b/" + path).append('\n');
        int i = 0;
        while (i < ops.size()) {
            while (i < ops.size() && ops.get(i)[0] == KEEP) {
                i++;
            }
            if (i >= ops.size()) {
                break;
            }
            int end = hunkEnd(ops, i);
            appendHunk(out, ops.subList(Math.max(0, i - CONTEXT), end), a, b);
            i = end;
        }
        // Every change lies in some hunk, so the totals are simply the counts of the script.
        int added = (int) ops.stream().filter(op -> op[0] == INSERT).count();
        int removed = (int) ops.stream().filter(op -> op[0] == DELETE).count();
        return new FileDiff(out.toString(), added, removed);
    }

    /**
     * The end (exclusive) of the hunk whose first change is op {@code i}: changes separated by at most
     * twice the context share a hunk, which ends {@code CONTEXT} kept lines after its last change.
     */
    private static int hunkEnd(List<int[]> ops, int i) {
        int end = i;
        int lastChange = i;
        while (end < ops.size()) {
            if (ops.get(end)[0] != KEEP) {
                lastChange = end;
            } else if (end - lastChange > 2 * CONTEXT) {
                break;
            }
            end++;
        }
        return Math.min(ops.size(), lastChange + CONTEXT + 1);
    }

    private static void appendHunk(StringBuilder out, List<int[]> hunk, List<String> a, List<String> b) {
        int oldStart = hunk.get(0)[1];
        int newStart = hunk.get(0)[2];
        int oldCount = 0;
        int newCount = 0;
        StringBuilder body = new StringBuilder();
        for (int[] op : hunk) {
            if (op[0] == KEEP) {
                body.append(' ').append(a.get(op[1])).append('\n');
                oldCount++;
                newCount++;
            } else if (op[0] == DELETE) {
                body.append('-').append(a.get(op[1])).append('\n');
                oldCount++;
            } else {
                body.append('+').append(b.get(op[2])).append('\n');
                newCount++;
            }
        }
        out.append("@@ -").append(oldCount == 0 ? oldStart : oldStart + 1).append(',').append(oldCount)
                .append(" +").append(newCount == 0 ? newStart : newStart + 1).append(',').append(newCount)
                .append(" @@\n").append(body);
    }

    /** {type, oldIndex, newIndex}: KEEP, DELETE or INSERT; indexes are positions before the op. */
    private static List<int[]> ops(List<String> a, List<String> b) {
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        List<int[]> ops = new ArrayList<>();
        for (int k = 0; k < prefix; k++) {
            ops.add(new int[] {KEEP, k, k});
        }
        int m = a.size() - prefix - suffix;
        int n = b.size() - prefix - suffix;
        if ((long) m * n > MAX_CELLS) {
            for (int k = 0; k < m; k++) {
                ops.add(new int[] {DELETE, prefix + k, prefix});
            }
            for (int k = 0; k < n; k++) {
                ops.add(new int[] {INSERT, prefix + m, prefix + k});
            }
        } else {
            int[][] dp = new int[m + 1][n + 1];
            for (int x = m - 1; x >= 0; x--) {
                for (int y = n - 1; y >= 0; y--) {
                    dp[x][y] = a.get(prefix + x).equals(b.get(prefix + y)) ? dp[x + 1][y + 1] + 1
                            : Math.max(dp[x + 1][y], dp[x][y + 1]);
                }
            }
            int x = 0;
            int y = 0;
            while (x < m || y < n) {
                if (x < m && y < n && a.get(prefix + x).equals(b.get(prefix + y))) {
                    ops.add(new int[] {KEEP, prefix + x++, prefix + y++});
                } else if (x < m && (y == n || dp[x + 1][y] >= dp[x][y + 1])) {
                    ops.add(new int[] {DELETE, prefix + x++, prefix + y});
                } else {
                    ops.add(new int[] {INSERT, prefix + x, prefix + y++});
                }
            }
        }
        for (int k = 0; k < suffix; k++) {
            ops.add(new int[] {KEEP, a.size() - suffix + k, b.size() - suffix + k});
        }
        return ops;
    }
}
