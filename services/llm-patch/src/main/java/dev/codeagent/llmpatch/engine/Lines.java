package dev.codeagent.llmpatch.engine;

import java.util.regex.Pattern;

/** Line-level helpers shared by the matcher and the applier. */
final class Lines {

    static final int TAB_WIDTH = 4;
    static final String ELISION_KEY = "\u2026elision";

    private static final Pattern INNER_SPACE = Pattern.compile("[ \\t]+");
    private static final Pattern ELISION = Pattern.compile(
            "^(//+|#+|/\\*+|\\*|<!--|--|;+|%)?\\s*(\\.\\.\\.|\u2026)(\\s[^.;{}=]{0,60}?)?(\\.\\.\\.|\u2026)?\\s*(\\*+/|-->)?$");

    private Lines() {
    }

    /** Whitespace-insensitive comparison key: trimmed, inner runs of blanks collapsed. */
    static String key(String line) {
        String s = line.strip();
        if (s.isEmpty()) {
            return "";
        }
        if ((s.contains("...") || s.indexOf('\u2026') >= 0) && isElision(s)) {
            return ELISION_KEY;
        }
        return s.indexOf('\t') >= 0 || s.contains("  ") ? INNER_SPACE.matcher(s).replaceAll(" ") : s;
    }

    /** {@code ...}, {@code // ...}, {@code # ... existing code ...} and the like: "code left out here". */
    static boolean isElision(String line) {
        String s = line.strip();
        return !s.isEmpty() && s.length() < 80 && (s.contains("...") || s.indexOf('\u2026') >= 0)
                && ELISION.matcher(s).matches();
    }

    /** An elision written as a comment or with words ("// ...", "# ... existing code"), never valid code. */
    static boolean isCommentElision(String line) {
        String s = line.strip();
        return isElision(s) && !s.equals("...") && !s.equals("\u2026");
    }

    static String lead(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return line.substring(0, i);
    }

    static int width(String lead) {
        int w = 0;
        for (int i = 0; i < lead.length(); i++) {
            w = lead.charAt(i) == '\t' ? (w / TAB_WIDTH + 1) * TAB_WIDTH : w + 1;
        }
        return w;
    }

    static String indent(int width, boolean tabs) {
        if (width <= 0) {
            return "";
        }
        if (!tabs) {
            return " ".repeat(width);
        }
        return "\t".repeat(width / TAB_WIDTH) + " ".repeat(width % TAB_WIDTH);
    }
}
