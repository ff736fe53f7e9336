package dev.codeagent.llmpatch.engine;

import dev.codeagent.contracts.patch.EditFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads edits out of a raw model answer. Models wrap edits in prose and code fences, miscount diff line
 * numbers and forget the space before empty context lines, so the reader is lenient about layout and
 * strict about structure: a block whose markers do not close becomes a {@link Edit.Malformed} edit that
 * fails with a reason instead of being guessed.
 */
public final class EditParser {

    private static final Pattern SEARCH = Pattern.compile("^\\s*<{5,9} ?SEARCH\\b.*$");
    private static final Pattern DIVIDER = Pattern.compile("^\\s*={5,9}\\s*$");
    private static final Pattern REPLACE = Pattern.compile("^\\s*>{5,9} ?REPLACE\\b.*$");
    private static final Pattern FENCE = Pattern.compile("^\\s*(`{3,}|~{3,}).*$");
    private static final Pattern HUNK = Pattern.compile("^@@.*$");
    private static final Pattern PATH_PREFIX = Pattern.compile("^(?i)(file ?(name|path)?|path)\\s*:\\s*");
    private static final String DEV_NULL = "/dev/null";

    public List<Edit> parse(String answer, EditFormat format) {
        List<String> lines = TextFile.modelLines(answer);
        EditFormat effective = format == null || format == EditFormat.AUTO ? detect(lines) : format;
        return switch (effective) {
            case SEARCH_REPLACE -> searchReplace(lines);
            case UNIFIED_DIFF -> unifiedDiff(lines);
            case WHOLE_FILE -> wholeFile(lines);
            case AUTO -> List.of();
        };
    }

    /** The format of an answer: SEARCH markers win, then diff headers, else whole-file blocks. */
    public EditFormat detect(List<String> lines) {
        boolean minus = false;
        boolean plus = false;
        for (String line : lines) {
            if (SEARCH.matcher(line).matches()) {
                return EditFormat.SEARCH_REPLACE;
            }
            minus |= line.startsWith("--- ");
            plus |= line.startsWith("+++ ");
        }
        return minus && plus ? EditFormat.UNIFIED_DIFF : EditFormat.WHOLE_FILE;
    }

    private List<Edit> searchReplace(List<String> lines) {
        List<Edit> edits = new ArrayList<>();
        String lastPath = null;
        int i = 0;
        int n = lines.size();
        while (i < n) {
            if (!SEARCH.matcher(lines.get(i)).matches()) {
                i++;
                continue;
            }
            int ordinal = edits.size() + 1;
            String path = pathBefore(lines, i, true);
            if (path == null) {
                path = lastPath;
            }
            List<String> search = new ArrayList<>();
            int j = i + 1;
            while (j < n && !isMarker(lines.get(j))) {
                search.add(lines.get(j++));
            }
            if (j >= n || !DIVIDER.matcher(lines.get(j)).matches()) {
                edits.add(new Edit.Malformed(path, ordinal, "block " + ordinal + " has no ======= divider after <<<<<<< SEARCH"));
                i = j;
                continue;
            }
            List<String> replace = new ArrayList<>();
            int k = j + 1;
            while (k < n && !isMarker(lines.get(k))) {
                replace.add(lines.get(k++));
            }
            if (k >= n || !REPLACE.matcher(lines.get(k)).matches()) {
                edits.add(new Edit.Malformed(path, ordinal, "block " + ordinal + " has no >>>>>>> REPLACE after ======="));
                i = k;
                continue;
            }
            if (path == null) {
                edits.add(new Edit.Malformed(null, ordinal, "block " + ordinal + " is not preceded by a file path line"));
            } else {
                edits.add(new Edit.SearchReplace(path, ordinal, search, replace));
                lastPath = path;
            }
            i = k + 1;
        }
        return edits;
    }

    private static boolean isMarker(String line) {
        return SEARCH.matcher(line).matches() || DIVIDER.matcher(line).matches() || REPLACE.matcher(line).matches();
    }

    /** The path line before a block: the nearest non-blank line, skipping an opening code fence. */
    private static String pathBefore(List<String> lines, int index, boolean skipFence) {
        boolean fenceSeen = !skipFence;
        for (int k = index - 1; k >= 0 && k >= index - 4; k--) {
            String line = lines.get(k);
            if (line.isBlank()) {
                continue;
            }
            if (REPLACE.matcher(line).matches()) {
                return null;
            }
            if (FENCE.matcher(line).matches()) {
                if (fenceSeen) {
                    return null;
                }
                fenceSeen = true;
                String info = line.strip().replaceFirst("^(`{3,}|~{3,})", "").strip();
                String fromInfo = cleanPath(info);
                if (fromInfo != null && (fromInfo.contains("/") || fromInfo.contains("."))) {
                    return fromInfo;
                }
                continue;
            }
            return cleanPath(line);
        }
        return null;
    }

    /** A path from a line like {@code src/App.java}, {@code **src/App.java**}, {@code File: `x.py`:}; null if prose. */
    static String cleanPath(String line) {
        String s = line.strip();
        s = s.replaceFirst("^#+\\s*", "");
        s = PATH_PREFIX.matcher(s).replaceFirst("");
        s = s.replaceAll("^[*`'\"]+|[*`'\"]+$", "");
        if (s.endsWith(":")) {
            s = s.substring(0, s.length() - 1);
        }
        s = s.replaceAll("^[*`'\"]+|[*`'\"]+$", "").strip();
        if (s.isEmpty() || s.chars().anyMatch(Character::isWhitespace) || s.length() > 4096) {
            return null;
        }
        if (s.startsWith("<") || s.startsWith("=") || s.startsWith(">") || s.endsWith(".") && !s.contains("/")
                && s.indexOf('.') == s.length() - 1) {
            return null;
        }
        return s;
    }

    /** One hunk as the lines it expects ({@code old}) and the lines it leaves ({@code neu}). */
    private record Hunk(List<String> old, List<String> neu) {
    }

    private List<Edit> unifiedDiff(List<String> lines) {
        List<Edit> edits = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            if (!isOldNewHeader(lines, i)) {
                i++;
                continue;
            }
            String oldPath = diffPath(lines.get(i).substring(4));
            String newPath = diffPath(lines.get(i + 1).substring(4));
            List<Hunk> hunks = new ArrayList<>();
            i = readHunks(lines, i + 2, hunks);
            edits.addAll(fileDiffEdits(oldPath, newPath, hunks, edits.size() + 1));
        }
        return edits;
    }

    /**
     * Reads the hunks of one file's diff from line {@code i} into {@code hunks}; returns the line after them.
     * A body without an {@code @@} header counts as a hunk only as the first one (models drop the header).
     */
    private static int readHunks(List<String> lines, int i, List<Hunk> hunks) {
        int n = lines.size();
        while (i < n && !isFileHeader(lines, i)) {
            String line = lines.get(i);
            boolean explicitHunk = HUNK.matcher(line).matches();
            boolean implicitHunk = !explicitHunk && hunks.isEmpty() && isHunkBody(line) && !line.isEmpty();
            if (!explicitHunk && !implicitHunk) {
                if (!hunks.isEmpty()) {
                    break;
                }
                i++;
                continue;
            }
            i = readHunkBody(lines, explicitHunk ? i + 1 : i, hunks);
        }
        return i;
    }

    /** Reads one hunk's body lines from line {@code i}; returns the line after it. */
    private static int readHunkBody(List<String> lines, int i, List<Hunk> hunks) {
        int n = lines.size();
        List<String> old = new ArrayList<>();
        List<String> neu = new ArrayList<>();
        while (i < n && !isFileHeader(lines, i) && !HUNK.matcher(lines.get(i)).matches() && isHunkBody(lines.get(i))) {
            String body = lines.get(i);
            if (body.isEmpty()) {
                old.add("");
                neu.add("");
            } else {
                char tag = body.charAt(0);
                String text = body.substring(1);
                if (tag == ' ') {
                    old.add(text);
                    neu.add(text);
                } else if (tag == '-') {
                    old.add(text);
                } else if (tag == '+') {
                    neu.add(text);
                }
            }
            i++;
        }
        // A blank line that ended the hunk in the answer is layout, not context.
        while (!old.isEmpty() && !neu.isEmpty() && old.get(old.size() - 1).isEmpty()
                && neu.get(neu.size() - 1).isEmpty() && i < n && !isHunkBody(lines.get(i))) {
            old.remove(old.size() - 1);
            neu.remove(neu.size() - 1);
        }
        hunks.add(new Hunk(old, neu));
        return i;
    }

    /** The edits one file's diff stands for; {@code ordinal} is the number of the first. */
    private static List<Edit> fileDiffEdits(String oldPath, String newPath, List<Hunk> hunks, int ordinal) {
        if (DEV_NULL.equals(oldPath) && DEV_NULL.equals(newPath) || oldPath == null || newPath == null) {
            return List.of(new Edit.Malformed(null, ordinal, "diff " + ordinal + " has no usable file path"));
        }
        if (DEV_NULL.equals(oldPath)) {
            List<String> content = new ArrayList<>();
            hunks.forEach(h -> content.addAll(h.neu()));
            return List.of(new Edit.Create(newPath, ordinal, content));
        }
        if (DEV_NULL.equals(newPath)) {
            return List.of(new Edit.Delete(oldPath, ordinal));
        }
        if (!oldPath.equals(newPath)) {
            return List.of(new Edit.Malformed(newPath, ordinal, "diff " + ordinal + " renames " + oldPath
                    + "; renames are not supported"));
        }
        if (hunks.isEmpty()) {
            return List.of(new Edit.Malformed(newPath, ordinal, "diff " + ordinal + " has no hunks"));
        }
        List<Edit> edits = new ArrayList<>();
        for (Hunk h : hunks) {
            edits.add(new Edit.SearchReplace(newPath, ordinal + edits.size(), h.old(), h.neu()));
        }
        return edits;
    }

    private static boolean isOldNewHeader(List<String> lines, int i) {
        return lines.get(i).startsWith("--- ") && i + 1 < lines.size() && lines.get(i + 1).startsWith("+++ ");
    }

    private static boolean isFileHeader(List<String> lines, int i) {
        return lines.get(i).startsWith("diff --git ") || isOldNewHeader(lines, i);
    }

    private static boolean isHunkBody(String line) {
        if (line.isEmpty()) {
            return true;
        }
        char c = line.charAt(0);
        return c == ' ' || c == '-' || c == '+' || c == '\\';
    }

    private static String diffPath(String raw) {
        String s = raw;
        int tab = s.indexOf('\t');
        if (tab >= 0) {
            s = s.substring(0, tab);
        }
        s = s.strip();
        if (s.length() > 1 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.equals(DEV_NULL)) {
            return DEV_NULL;
        }
        if (s.startsWith("a/") || s.startsWith("b/")) {
            s = s.substring(2);
        }
        return s.isEmpty() ? null : s;
    }

    private List<Edit> wholeFile(List<String> lines) {
        List<Edit> edits = new ArrayList<>();
        int n = lines.size();
        int i = 0;
        while (i < n) {
            if (!FENCE.matcher(lines.get(i)).matches()) {
                i++;
                continue;
            }
            String fence = lines.get(i).strip();
            String marker = fence.replaceFirst("^((`{3,})|(~{3,})).*$", "$1");
            String path = pathBefore(lines, i, false);
            int j = i + 1;
            List<String> content = new ArrayList<>();
            while (j < n && !isClosingFence(lines.get(j), marker)) {
                content.add(lines.get(j++));
            }
            if (path != null && looksLikePath(path)) {
                if (j >= n) {
                    edits.add(new Edit.Malformed(path, edits.size() + 1, "code block for " + path + " is not closed"));
                } else {
                    edits.add(new Edit.WholeFile(path, edits.size() + 1, content));
                }
            }
            i = j + 1;
        }
        return edits;
    }

    private static boolean isClosingFence(String line, String marker) {
        String s = line.strip();
        return s.startsWith(marker) && s.chars().allMatch(c -> c == marker.charAt(0));
    }

    private static boolean looksLikePath(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        return lower.contains(".") || lower.contains("/") || lower.equals("makefile") || lower.equals("dockerfile");
    }
}
