package dev.codeagent.orchestrator.workflow;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts untrusted text (intents, model summaries, error messages, names) into markdown without letting it break
 * a table, hide content in an HTML comment, forge the agent's marker, or add links and images: a comment by the
 * agent would lend them its credibility, and an image is fetched by every reader's browser (a tracking beacon).
 * The agent's own links (dashboard, pull requests) are written by {@link CommentRenderer}, never taken from text.
 */
final class Markdown {

    /** The characters CommonMark lets a backslash escape: all of ASCII's punctuation. */
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    /** What GFM turns into a link by itself (its autolink extension); stops before brackets and quotes. */
    private static final Pattern BARE_URL = Pattern.compile("(?i)\\b(?:https?://|ftp://|www\\.)[^\\s()\\[\\]\\\\'\"]+");

    private Markdown() {
    }

    /** Text for a table cell or one line: single line, pipes escaped, no HTML, no links or images, bounded. */
    static String inline(String text, int max) {
        return inert(line(text, max));
    }

    /**
     * One line of text that is not rendered as markdown, or sits in a code span (titles, commit subjects, branch
     * names): single line, pipes escaped, no HTML, bounded.
     */
    static String line(String text, int max) {
        return singleLine(text, max).replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;")
                .replace(">", "&gt;").replace("`", "'");
    }

    /**
     * Text shown exactly as written, in one bounded line: every ASCII punctuation character is backslash-escaped,
     * so a name can start no link, emphasis, HTML, mention or autolink.
     */
    static String literal(String text, int max) {
        String single = singleLine(text, max);
        StringBuilder escaped = new StringBuilder(single.length() * 2);
        for (char c : single.toCharArray()) {
            if (PUNCTUATION.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    /** Multi-line text as a quote block, HTML neutralised, no links or images, bounded. */
    static String quote(String text, int max) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String bounded = text.strip();
        if (bounded.length() > max) {
            bounded = bounded.substring(0, max - 1) + "…";
        }
        String safe = bounded.replace("\\", "\\\\").replace("<", "&lt;").replace(">", "&gt;").replace("`", "'");
        return "> " + String.join("\n> ", inert(safe).split("\\R"));
    }

    private static String singleLine(String text, int max) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String single = text.replaceAll("[\\r\\n\\t]+", " ").replaceAll("\\s{2,}", " ").strip();
        if (single.length() > max) {
            single = single.substring(0, max - 1).strip() + "…";
        }
        return single;
    }

    /**
     * Escapes brackets, so that no inline link, image or link reference definition remains, and puts bare URLs in
     * code spans, where they are shown but not linked. Expects backslashes and backticks already neutralised.
     */
    private static String inert(String text) {
        String escaped = text.replace("[", "\\[").replace("]", "\\]");
        Matcher url = BARE_URL.matcher(escaped);
        StringBuilder out = new StringBuilder();
        while (url.find()) {
            url.appendReplacement(out, Matcher.quoteReplacement("`" + url.group() + "`"));
        }
        url.appendTail(out);
        return out.toString();
    }
}
