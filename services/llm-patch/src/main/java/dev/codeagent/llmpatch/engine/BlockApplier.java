package dev.codeagent.llmpatch.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Replaces one SEARCH block in a file's lines. Locating tries exact, then whitespace-tolerant (indentation,
 * trailing and inner blanks, blank lines), then elided ({@code ...} lines stand for kept code), then fuzzy
 * context (a few stale context lines, never a stale line the block removes). The SEARCH→REPLACE change is
 * computed as a line diff and replayed onto the located lines, so unchanged lines keep the file's exact
 * bytes and inserted lines are re-indented to the file's indentation and tab style.
 */
final class BlockApplier {

    private static final int KEEP = 0;
    private static final int DEL = 1;
    private static final int INS = 2;
    private static final long MAX_DIFF_CELLS = 4_000_000L;

    record Result(List<String> lines, MatchStrategy strategy, String failure, String closest) {
        boolean ok() {
            return failure == null;
        }

        static Result failed(String reason, String closest) {
            return new Result(null, null, reason, closest);
        }
    }

    /**
     * Where a block landed. {@code map[j]} is the file line of SEARCH line j (-1 for a blank line the match
     * skipped); for an elision line it is the first line of the elided gap and {@code gapEnd[j]} its end.
     */
    private record Match(int start, int end, int[] map, int[] gapEnd) {
    }

    Result apply(List<String> file, List<String> search, List<String> replace) {
        if (commentElisions(replace) > commentElisions(search)) {
            return Result.failed("REPLACE leaves code out with '...' lines that SEARCH does not have; "
                    + "write the replacement in full", null);
        }
        List<Integer> exact = exactMatches(file, search);
        if (exact.size() == 1) {
            int start = exact.get(0);
            int[] map = new int[search.size()];
            int[] gapEnd = new int[search.size()];
            for (int j = 0; j < map.length; j++) {
                map[j] = start + j;
                gapEnd[j] = -1;
            }
            return build(file, search, replace, new Match(start, start + search.size(), map, gapEnd), MatchStrategy.EXACT);
        }
        if (exact.size() > 1) {
            return ambiguous(exact.stream().map(i -> i + 1).toList());
        }
        // Keys are computed only when the cheap exact pass found nothing.
        String[] fileKeys = keys(file);
        int[] nonBlank = nonBlank(fileKeys);
        String[] searchKeys = keys(search);
        List<Integer> searchNonBlank = new ArrayList<>();
        for (int j = 0; j < searchKeys.length; j++) {
            if (!searchKeys[j].isEmpty()) {
                searchNonBlank.add(j);
            }
        }
        if (searchNonBlank.isEmpty()) {
            return Result.failed("SEARCH has only blank lines", null);
        }

        List<Match> loose = whitespaceMatches(fileKeys, nonBlank, searchKeys, searchNonBlank);
        if (loose.size() == 1) {
            return build(file, search, replace, loose.get(0), MatchStrategy.WHITESPACE);
        }
        if (loose.size() > 1) {
            return ambiguous(loose.stream().map(m -> m.start() + 1).toList());
        }
        if (elisions(search) > 0) {
            List<Match> elided = elidedMatches(fileKeys, nonBlank, searchKeys);
            if (elided.size() == 1) {
                return build(file, search, replace, elided.get(0), MatchStrategy.ELIDED);
            }
            if (elided.size() > 1) {
                return ambiguous(elided.stream().map(m -> m.start() + 1).toList());
            }
        } else {
            List<Match> fuzzy = fuzzyMatches(fileKeys, nonBlank, search, replace, searchKeys, searchNonBlank);
            if (fuzzy.size() == 1) {
                return build(file, search, replace, fuzzy.get(0), MatchStrategy.FUZZY_CONTEXT);
            }
            if (fuzzy.size() > 1) {
                return ambiguous(fuzzy.stream().map(m -> m.start() + 1).toList());
            }
        }
        return Result.failed("SEARCH does not match the file", closest(file, fileKeys, nonBlank, search));
    }

    private static Result ambiguous(List<Integer> lineNumbers) {
        return Result.failed("SEARCH matches " + lineNumbers.size() + " places (lines "
                + String.join(", ", lineNumbers.stream().limit(5).map(String::valueOf).toList())
                + "); include more surrounding lines so it matches exactly one", null);
    }

    private static List<Integer> exactMatches(List<String> file, List<String> search) {
        List<Integer> found = new ArrayList<>();
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
                found.add(i);
            }
        }
        return found;
    }

    private static List<Match> whitespaceMatches(String[] fileKeys, int[] nonBlank, String[] searchKeys,
            List<Integer> searchNonBlank) {
        List<Match> found = new ArrayList<>();
        int k = searchNonBlank.size();
        for (int p : occurrences(fileKeys, nonBlank, searchKeys, searchNonBlank, 0)) {
            int[] map = new int[searchKeys.length];
            int[] gapEnd = new int[searchKeys.length];
            java.util.Arrays.fill(map, -1);
            java.util.Arrays.fill(gapEnd, -1);
            for (int q = 0; q < k; q++) {
                map[searchNonBlank.get(q)] = nonBlank[p + q];
            }
            found.add(new Match(nonBlank[p], nonBlank[p + k - 1] + 1, map, gapEnd));
        }
        return found;
    }

    /** Positions p in the non-blank file lines where the given SEARCH lines occur in a row. */
    private static List<Integer> occurrences(String[] fileKeys, int[] nonBlank, String[] searchKeys,
            List<Integer> segment, int from) {
        List<Integer> found = new ArrayList<>();
        int k = segment.size();
        String first = searchKeys[segment.get(0)];
        for (int p = from; p + k <= nonBlank.length; p++) {
            if (!fileKeys[nonBlank[p]].equals(first)) {
                continue;
            }
            int q = 1;
            while (q < k && fileKeys[nonBlank[p + q]].equals(searchKeys[segment.get(q)])) {
                q++;
            }
            if (q == k) {
                found.add(p);
            }
        }
        return found;
    }

    private static List<Match> elidedMatches(String[] fileKeys, int[] nonBlank, String[] searchKeys) {
        // Segments of non-blank SEARCH lines between elision lines; leading/trailing elisions carry no anchor.
        List<List<Integer>> segments = new ArrayList<>();
        List<Integer> elisionAfterSegment = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        for (int j = 0; j < searchKeys.length; j++) {
            if (searchKeys[j].equals(Lines.ELISION_KEY)) {
                if (!current.isEmpty()) {
                    segments.add(current);
                    elisionAfterSegment.add(j);
                    current = new ArrayList<>();
                }
            } else if (!searchKeys[j].isEmpty()) {
                current.add(j);
            }
        }
        if (!current.isEmpty()) {
            segments.add(current);
            elisionAfterSegment.add(-1);
        }
        if (segments.size() < 2) {
            return List.of();
        }
        List<Match> found = new ArrayList<>();
        for (int p : occurrences(fileKeys, nonBlank, searchKeys, segments.get(0), 0)) {
            int[] map = new int[searchKeys.length];
            int[] gapEnd = new int[searchKeys.length];
            java.util.Arrays.fill(map, -1);
            java.util.Arrays.fill(gapEnd, -1);
            int pos = p;
            boolean complete = true;
            for (int s = 0; s < segments.size(); s++) {
                List<Integer> seg = segments.get(s);
                if (s > 0) {
                    List<Integer> next = occurrences(fileKeys, nonBlank, searchKeys, seg, pos);
                    if (next.isEmpty()) {
                        complete = false;
                        break;
                    }
                    int elision = elisionAfterSegment.get(s - 1);
                    map[elision] = nonBlank[pos - 1] + 1;
                    gapEnd[elision] = nonBlank[next.get(0)];
                    pos = next.get(0);
                }
                for (int q = 0; q < seg.size(); q++) {
                    map[seg.get(q)] = nonBlank[pos + q];
                }
                pos += seg.size();
            }
            if (complete) {
                found.add(new Match(nonBlank[p], nonBlank[pos - 1] + 1, map, gapEnd));
            }
        }
        return found;
    }

    private static List<Match> fuzzyMatches(String[] fileKeys, int[] nonBlank, List<String> search,
            List<String> replace, String[] searchKeys, List<Integer> searchNonBlank) {
        int k = searchNonBlank.size();
        if (k < 3) {
            return List.of();
        }
        boolean[] removed = new boolean[search.size()];
        for (int[] op : script(search, replace)) {
            if (op[0] == DEL) {
                removed[op[1]] = true;
            }
        }
        int allowed = Math.max(1, k / 4);
        int best = Integer.MAX_VALUE;
        List<Integer> bestAt = new ArrayList<>();
        for (int p = 0; p + k <= nonBlank.length; p++) {
            int mismatches = 0;
            for (int q = 0; q < k && mismatches <= allowed; q++) {
                int j = searchNonBlank.get(q);
                if (!fileKeys[nonBlank[p + q]].equals(searchKeys[j])) {
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
        List<Match> found = new ArrayList<>();
        for (int p : bestAt) {
            int[] map = new int[searchKeys.length];
            int[] gapEnd = new int[searchKeys.length];
            java.util.Arrays.fill(map, -1);
            java.util.Arrays.fill(gapEnd, -1);
            for (int q = 0; q < k; q++) {
                map[searchNonBlank.get(q)] = nonBlank[p + q];
            }
            found.add(new Match(nonBlank[p], nonBlank[p + k - 1] + 1, map, gapEnd));
        }
        return found;
    }

    private static Result build(List<String> file, List<String> search, List<String> replace, Match match,
            MatchStrategy strategy) {
        List<int[]> ops = script(search, replace);
        boolean fileTabs = usesTabs(file);
        double scale = indentScale(file, search, match.map());
        List<String> out = new ArrayList<>(file.subList(0, match.start()));
        int cursor = match.start();
        int[] map = match.map();
        for (int o = 0; o < ops.size(); o++) {
            int[] op = ops.get(o);
            if (op[0] == INS) {
                String line = replace.get(op[2]);
                out.add(strategy == MatchStrategy.EXACT ? line : reindent(line, reference(ops, o, search, file, map), search, file, fileTabs, scale));
                continue;
            }
            int j = op[1];
            boolean keep = op[0] == KEEP;
            if (match.gapEnd()[j] >= 0) {
                if (keep) {
                    out.addAll(file.subList(cursor, match.gapEnd()[j]));
                }
                cursor = Math.max(cursor, match.gapEnd()[j]);
            } else if (map[j] >= 0) {
                if (map[j] < cursor) {
                    continue;
                }
                out.addAll(file.subList(cursor, map[j]));
                if (keep) {
                    out.add(file.get(map[j]));
                }
                cursor = map[j] + 1;
            } else if (cursor < match.end() && file.get(cursor).isBlank()) {
                if (keep) {
                    out.add(file.get(cursor));
                }
                cursor++;
            }
        }
        out.addAll(file.subList(cursor, file.size()));
        return new Result(out, strategy, null, null);
    }

    /** The SEARCH line (and its file line) nearest before insert op {@code o}, else the nearest after it. */
    private static int[] reference(List<int[]> ops, int o, List<String> search, List<String> file, int[] map) {
        for (int p = o - 1; p >= 0; p--) {
            int[] op = ops.get(p);
            if (op[0] != INS && map[op[1]] >= 0 && !search.get(op[1]).isBlank() && !Lines.isElision(search.get(op[1]))) {
                return new int[] {op[1], map[op[1]]};
            }
        }
        for (int p = o + 1; p < ops.size(); p++) {
            int[] op = ops.get(p);
            if (op[0] != INS && map[op[1]] >= 0 && !search.get(op[1]).isBlank() && !Lines.isElision(search.get(op[1]))) {
                return new int[] {op[1], map[op[1]]};
            }
        }
        return null;
    }

    /**
     * How the model's indentation widths map to the file's: 1 when they differ by a constant, 2 or 0.5 when
     * the model used half or double the file's indent unit (2 vs 4 spaces) consistently on every matched line.
     */
    private static double indentScale(List<String> file, List<String> search, int[] map) {
        // A constant shift is the common drift; a consistent 2x or 0.5x with no shift means the model used
        // another indent unit. Zero-shift fits are tried first because a block whose lines share one
        // indentation fits every scale with some shift.
        java.util.Set<Integer> modelWidths = new java.util.HashSet<>();
        for (int j = 0; j < map.length; j++) {
            if (map[j] >= 0 && !search.get(j).isBlank() && !Lines.isElision(search.get(j))) {
                modelWidths.add(Lines.width(Lines.lead(search.get(j))));
            }
        }
        // With a single indentation level in the block, only "the model halved the unit" is plausible
        // evidence of another scale; doubling needs two levels to tell it from a shift.
        double[] scales = modelWidths.size() > 1 ? new double[] {1, 2, 0.5} : new double[] {1, 2};
        for (boolean zeroShift : new boolean[] {true, false}) {
            for (double scale : scales) {
                if (fits(file, search, map, scale, zeroShift)) {
                    return scale;
                }
            }
        }
        return 1;
    }

    private static boolean fits(List<String> file, List<String> search, int[] map, double scale, boolean zeroShift) {
        Double offset = zeroShift ? 0.0 : null;
        boolean any = false;
        for (int j = 0; j < map.length; j++) {
            if (map[j] < 0 || search.get(j).isBlank() || Lines.isElision(search.get(j))) {
                continue;
            }
            double c = Lines.width(Lines.lead(file.get(map[j]))) - scale * Lines.width(Lines.lead(search.get(j)));
            any = true;
            if (offset == null) {
                offset = c;
            } else if (offset != c) {
                return false;
            }
        }
        return any;
    }

    private static String reindent(String line, int[] ref, List<String> search, List<String> file, boolean fileTabs,
            double scale) {
        if (line.isBlank()) {
            return "";
        }
        if (ref == null) {
            return line.stripTrailing();
        }
        String fileLead = Lines.lead(file.get(ref[1]));
        int refWidth = Lines.width(Lines.lead(search.get(ref[0])));
        boolean tabs = fileLead.isEmpty() ? fileTabs : fileLead.startsWith("\t");
        line = line.stripTrailing();
        String lead = Lines.lead(line);
        int width = Lines.width(lead);
        int target = (int) Math.round(Lines.width(fileLead) + scale * (width - refWidth));
        if (target == width && (lead.isEmpty() || tabs == lead.startsWith("\t"))) {
            return line;
        }
        return Lines.indent(Math.max(0, target), tabs) + line.substring(lead.length());
    }

    private static boolean usesTabs(List<String> file) {
        int tabs = 0;
        int spaces = 0;
        for (String line : file) {
            if (line.startsWith("\t")) {
                tabs++;
            } else if (line.startsWith("  ")) {
                spaces++;
            }
        }
        return tabs > spaces;
    }

    /** Line diff SEARCH→REPLACE as {type, searchIndex, replaceIndex}; indentation counts for kept lines. */
    static List<int[]> script(List<String> search, List<String> replace) {
        int m = search.size();
        int r = replace.size();
        List<int[]> ops = new ArrayList<>();
        if ((long) m * r > MAX_DIFF_CELLS) {
            for (int i = 0; i < m; i++) {
                ops.add(new int[] {DEL, i, -1});
            }
            for (int j = 0; j < r; j++) {
                ops.add(new int[] {INS, -1, j});
            }
            return ops;
        }
        String[] sk = diffKeys(search);
        String[] rk = diffKeys(replace);
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
                ops.add(new int[] {KEEP, i++, j++});
            } else if (i < m && (j == r || dp[i + 1][j] >= dp[i][j + 1])) {
                ops.add(new int[] {DEL, i++, -1});
            } else {
                ops.add(new int[] {INS, -1, j++});
            }
        }
        return ops;
    }

    private static String[] diffKeys(List<String> lines) {
        String[] keys = new String[lines.size()];
        for (int i = 0; i < keys.length; i++) {
            String key = Lines.key(lines.get(i));
            keys[i] = key.isEmpty() || key.equals(Lines.ELISION_KEY) ? key
                    : Lines.width(Lines.lead(lines.get(i))) + "|" + key;
        }
        return keys;
    }

    private static String[] keys(List<String> lines) {
        String[] keys = new String[lines.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = Lines.key(lines.get(i));
        }
        return keys;
    }

    private static int[] nonBlank(String[] keys) {
        int count = 0;
        for (String key : keys) {
            if (!key.isEmpty()) {
                count++;
            }
        }
        int[] idx = new int[count];
        int c = 0;
        for (int i = 0; i < keys.length; i++) {
            if (!keys[i].isEmpty()) {
                idx[c++] = i;
            }
        }
        return idx;
    }

    private static int commentElisions(List<String> lines) {
        int n = 0;
        for (String line : lines) {
            if (Lines.isCommentElision(line)) {
                n++;
            }
        }
        return n;
    }

    private static int elisions(List<String> lines) {
        int n = 0;
        for (String line : lines) {
            if (Lines.isElision(line)) {
                n++;
            }
        }
        return n;
    }

    private static java.util.Set<String> tokens(String line) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String t : line.split("[^A-Za-z0-9_]+")) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    private static double jaccard(java.util.Set<String> a, java.util.Set<String> b) {
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

    /** The file lines most like SEARCH (by lines and shared tokens), numbered, for the model's next attempt. */
    private static String closest(List<String> file, String[] fileKeys, int[] nonBlank, List<String> search) {
        List<String> searchKeys = new ArrayList<>();
        for (String s : search) {
            String key = Lines.key(s);
            if (!key.isEmpty() && !key.equals(Lines.ELISION_KEY)) {
                searchKeys.add(key);
            }
        }
        int k = searchKeys.size();
        if (k == 0 || nonBlank.length == 0 || (long) k * nonBlank.length > 2_000_000L) {
            return null;
        }
        double best = 0;
        int bestAt = -1;
        int window = Math.min(k, nonBlank.length);
        List<java.util.Set<String>> searchTokens = searchKeys.stream().map(BlockApplier::tokens).toList();
        List<java.util.Set<String>> fileTokens = new ArrayList<>(nonBlank.length);
        for (int i : nonBlank) {
            fileTokens.add(tokens(fileKeys[i]));
        }
        for (int p = 0; p + window <= nonBlank.length; p++) {
            double score = 0;
            for (int q = 0; q < window; q++) {
                String fileKey = fileKeys[nonBlank[p + q]];
                score += fileKey.equals(searchKeys.get(q)) ? 1.0 : jaccard(fileTokens.get(p + q), searchTokens.get(q));
            }
            if (score > best + 1e-9) {
                best = score;
                bestAt = p;
            }
        }
        if (bestAt < 0) {
            return null;
        }
        int from = nonBlank[bestAt];
        int to = Math.min(nonBlank[bestAt + window - 1], from + 29);
        StringBuilder out = new StringBuilder();
        for (int i = from; i <= to; i++) {
            out.append(i + 1).append(": ").append(file.get(i)).append('\n');
        }
        return out.toString();
    }
}
