package dev.codeagent.llmpatch.engine;

import dev.codeagent.llmpatch.engine.LineDiff.Kind;
import dev.codeagent.llmpatch.engine.LineDiff.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * Replaces one SEARCH block in a file's lines. Locating ({@link BlockLocator}) tries exact, then
 * whitespace-tolerant (indentation, trailing and inner blanks, blank lines), then elided ({@code ...} lines
 * stand for kept code), then fuzzy context (a few stale context lines, never a stale line the block
 * removes). The SEARCH→REPLACE change is computed as a line diff ({@link LineDiff}) and replayed onto the
 * located lines, so unchanged lines keep the file's exact bytes and inserted lines are re-indented
 * ({@link Reindenter}) to the file's indentation and tab style.
 */
final class BlockApplier {

    record Result(List<String> lines, MatchStrategy strategy, String failure, String closest) {
        boolean ok() {
            return failure == null;
        }

        static Result failed(String reason, String closest) {
            return new Result(null, null, reason, closest);
        }
    }

    Result apply(List<String> file, List<String> search, List<String> replace) {
        if (commentElisions(replace) > commentElisions(search)) {
            return Result.failed("REPLACE leaves code out with '...' lines that SEARCH does not have; "
                    + "write the replacement in full", null);
        }
        Result exact = located(BlockLocator.exact(file, search), MatchStrategy.EXACT, file, search, replace);
        if (exact != null) {
            return exact;
        }
        // Keys are computed only when the cheap exact pass found nothing.
        KeyedLines fileKeys = KeyedLines.of(file);
        KeyedLines searchKeys = KeyedLines.of(search);
        if (searchKeys.nonBlank().length == 0) {
            return Result.failed("SEARCH has only blank lines", null);
        }
        BlockLocator locator = new BlockLocator(fileKeys, searchKeys);
        Result loose = located(locator.whitespace(), MatchStrategy.WHITESPACE, file, search, replace);
        if (loose != null) {
            return loose;
        }
        Result looser = search.stream().anyMatch(Lines::isElision)
                ? located(locator.elided(), MatchStrategy.ELIDED, file, search, replace)
                : located(locator.fuzzy(LineDiff.removedLines(search, replace)), MatchStrategy.FUZZY_CONTEXT,
                        file, search, replace);
        if (looser != null) {
            return looser;
        }
        return Result.failed("SEARCH does not match the file", ClosestLines.find(file, fileKeys, searchKeys));
    }

    /** The block applied at its one match, a failure if it matched several places, null if none. */
    private static Result located(List<BlockMatch> found, MatchStrategy strategy, List<String> file,
            List<String> search, List<String> replace) {
        if (found.isEmpty()) {
            return null;
        }
        if (found.size() > 1) {
            return ambiguous(found.stream().map(m -> m.start() + 1).toList());
        }
        return new Result(replay(file, search, replace, found.get(0), strategy), strategy, null, null);
    }

    private static Result ambiguous(List<Integer> lineNumbers) {
        return Result.failed("SEARCH matches " + lineNumbers.size() + " places (lines "
                + String.join(", ", lineNumbers.stream().limit(5).map(String::valueOf).toList())
                + "); include more surrounding lines so it matches exactly one", null);
    }

    /** The file with the SEARCH→REPLACE diff replayed onto the matched lines. */
    private static List<String> replay(List<String> file, List<String> search, List<String> replace,
            BlockMatch match, MatchStrategy strategy) {
        List<Op> ops = LineDiff.script(search, replace);
        // An exact match has nothing to re-indent: the model wrote the file's own indentation.
        Reindenter reindenter = strategy == MatchStrategy.EXACT ? null : new Reindenter(file, search, match.map());
        List<String> out = new ArrayList<>(file.subList(0, match.start()));
        int cursor = match.start();
        int[] map = match.map();
        for (int o = 0; o < ops.size(); o++) {
            Op op = ops.get(o);
            if (op.kind() == Kind.INSERT) {
                String line = replace.get(op.replace());
                out.add(reindenter == null ? line : reindenter.reindent(line, reference(ops, o, reindenter)));
                continue;
            }
            int j = op.search();
            boolean keep = op.kind() == Kind.KEEP;
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
        return out;
    }

    /** The matched SEARCH line nearest before insert op {@code o}, else the nearest after it; -1 if none. */
    private static int reference(List<Op> ops, int o, Reindenter reindenter) {
        for (int p = o - 1; p >= 0; p--) {
            Op op = ops.get(p);
            if (op.kind() != Kind.INSERT && reindenter.isAnchor(op.search())) {
                return op.search();
            }
        }
        for (int p = o + 1; p < ops.size(); p++) {
            Op op = ops.get(p);
            if (op.kind() != Kind.INSERT && reindenter.isAnchor(op.search())) {
                return op.search();
            }
        }
        return -1;
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
}
