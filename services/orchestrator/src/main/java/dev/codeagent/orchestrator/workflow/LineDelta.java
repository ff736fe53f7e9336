package dev.codeagent.orchestrator.workflow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lines added and removed between two versions of a text, as a line diff counts them ({@code git diff --numstat}):
 * the lines outside their longest common subsequence. Myers' O((N+M)·D) distance on what is left once the common
 * head and tail are cut off; past {@link #MAX_EDITS} edits the rest counts as replaced, which bounds the cost of two
 * unrelated large files.
 */
record LineDelta(int added, int removed) {

    static final int MAX_EDITS = 4_000;

    static LineDelta between(String before, String after) {
        List<String> a = before == null ? List.of() : before.lines().toList();
        List<String> b = after == null ? List.of() : after.lines().toList();
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < a.size() - head && tail < b.size() - head
                && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
            tail++;
        }
        // Lines as numbers, one per distinct line, so that the search compares integers.
        Map<String, Integer> ids = new HashMap<>();
        int[] x = a.subList(head, a.size() - tail).stream().mapToInt(l -> ids.computeIfAbsent(l, k -> ids.size()))
                .toArray();
        int[] y = b.subList(head, b.size() - tail).stream().mapToInt(l -> ids.computeIfAbsent(l, k -> ids.size()))
                .toArray();
        int edits = distance(x, y);
        if (edits < 0) {
            return new LineDelta(y.length, x.length);
        }
        int common = (x.length + y.length - edits) / 2;
        return new LineDelta(y.length - common, x.length - common);
    }

    /** Insertions plus deletions of a shortest edit script, or -1 when it takes more than {@link #MAX_EDITS}. */
    private static int distance(int[] x, int[] y) {
        int n = x.length;
        int m = y.length;
        int max = Math.min(n + m, MAX_EDITS);
        int[] furthest = new int[2 * max + 2];
        for (int d = 0; d <= max; d++) {
            for (int k = -d; k <= d; k += 2) {
                int i = k == -d || (k != d && furthest[max + k - 1] < furthest[max + k + 1])
                        ? furthest[max + k + 1] : furthest[max + k - 1] + 1;
                int j = i - k;
                while (i < n && j < m && x[i] == y[j]) {
                    i++;
                    j++;
                }
                furthest[max + k] = i;
                if (i >= n && j >= m) {
                    return d;
                }
            }
        }
        return -1;
    }
}
