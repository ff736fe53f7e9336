package dev.codeagent.gateway.command;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the command grammar of DESIGN.md §3 from a comment.
 *
 * <pre>
 *   comment  = *(mention ws) command
 *   mention  = "@&lt;" id "&gt;" | "@\"" display name "\"" | "@" name
 *   command  = "/edit" [ws "/" N] ws intent | "/help" [anything]
 * </pre>
 *
 * Command words are ASCII and case-insensitive and must be followed by whitespace or the end
 * ({@code /editing} is not a command). The command must be the first thing after the leading mentions:
 * text before it means the comment talks <em>about</em> the agent rather than to it, so it is ignored.
 * The intent keeps its line breaks and may span many lines.
 */
public final class CommandParser {

    static final String USAGE = "Usage: `/edit [/N] <what to change>` (N = number of variants, default 1), "
            + "or `/help`.";

    private static final ParsedCommand NOT_A_COMMAND = new ParsedCommand.NotACommand();
    private static final ParsedCommand HELP = new ParsedCommand.Help();
    /** A mention longer than this is not a mention, which bounds the work on hostile input. */
    private static final int MAX_MENTION = 256;

    private final int maxVariants;
    private final int maxIntentLength;

    public CommandParser(int maxVariants, int maxIntentLength) {
        if (maxVariants < 1 || maxIntentLength < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.maxVariants = maxVariants;
        this.maxIntentLength = maxIntentLength;
    }

    public ParsedCommand parse(String content) {
        if (content == null || content.isEmpty()) {
            return NOT_A_COMMAND;
        }
        String text = InvisibleCharacters.normalize(content);
        int i = scanMentions(text, null);
        if (i >= text.length() || text.charAt(i) != '/') {
            return NOT_A_COMMAND;
        }
        int wordEnd = tokenEnd(text, i);
        if (isWord(text, i + 1, wordEnd, "help")) {
            return HELP;
        }
        if (!isWord(text, i + 1, wordEnd, "edit")) {
            return NOT_A_COMMAND;
        }
        return parseEdit(text, skipWhitespace(text, wordEnd));
    }

    /**
     * Who the comment's leading mentions name, as written: the id of {@code @<id>}, the name of
     * {@code @"Display Name"}, the name of {@code @Name} (without a trailing {@code ,} or {@code :}).
     */
    public static List<String> leadingMentions(String content) {
        if (content == null || content.isEmpty()) {
            return List.of();
        }
        List<String> mentions = new ArrayList<>();
        scanMentions(InvisibleCharacters.normalize(content), mentions);
        return mentions;
    }

    private static String mentionedName(String mention) {
        if (mention.length() >= 2 && (mention.charAt(0) == '<' || mention.charAt(0) == '"')) {
            return mention.substring(1, mention.length() - 1);
        }
        int end = mention.length();
        while (end > 0 && (mention.charAt(end - 1) == ',' || mention.charAt(end - 1) == ':')) {
            end--;
        }
        return mention.substring(0, end);
    }

    private ParsedCommand parseEdit(String text, int i) {
        int variants = 1;
        if (i + 1 < text.length() && text.charAt(i) == '/' && looksLikeCount(text.charAt(i + 1))) {
            int end = tokenEnd(text, i);
            String count = text.substring(i + 1, end);
            if (!isDigits(count)) {
                return new ParsedCommand.Rejected("`/" + shorten(count) + "` is not a number of variants. "
                        + "Write a whole number from 1 to " + maxVariants + ", e.g. `/edit /3 <what to change>`. "
                        + USAGE);
            }
            String significant = stripLeadingZeros(count);
            if (significant.length() > 3 || Integer.parseInt(significant) < 1
                    || Integer.parseInt(significant) > maxVariants) {
                return new ParsedCommand.Rejected("The number of variants must be between 1 and " + maxVariants
                        + " (got " + shorten(count) + "). " + USAGE);
            }
            variants = Integer.parseInt(significant);
            i = skipWhitespace(text, end);
        }
        String intent = text.substring(i).strip();
        if (intent.isEmpty()) {
            return new ParsedCommand.Rejected("Tell me what to change after `/edit`, e.g. "
                    + "`/edit /3 Add input validation to the login handler`. " + USAGE);
        }
        int length = intent.codePointCount(0, intent.length());
        if (length > maxIntentLength) {
            return new ParsedCommand.Rejected("The request is too long (" + length + " characters; at most "
                    + maxIntentLength + "). Please shorten it and post it as a new comment.");
        }
        return new ParsedCommand.Edit(variants, intent);
    }

    /**
     * Skips leading whitespace and mentions ({@code @<GUID>}, {@code @"Display Name"}, {@code @Name}) and
     * returns where the rest starts; adds each mentioned name to {@code names} unless that is null.
     */
    private static int scanMentions(String text, List<String> names) {
        int i = skipWhitespace(text, 0);
        while (i < text.length() && text.charAt(i) == '@') {
            int end = mentionEnd(text, i + 1);
            if (end < 0) {
                return i;
            }
            if (names != null) {
                names.add(mentionedName(text.substring(i + 1, end)));
            }
            i = end;
            while (i < text.length() && (text.charAt(i) == ',' || text.charAt(i) == ':')) {
                i++;
            }
            i = skipWhitespace(text, i);
        }
        return i;
    }

    /** End of a mention starting after '@', or -1 when it is not one. */
    private static int mentionEnd(String text, int i) {
        if (i >= text.length()) {
            return i;
        }
        char open = text.charAt(i);
        if (open == '<' || open == '"') {
            char close = open == '<' ? '>' : '"';
            int limit = Math.min(text.length(), i + MAX_MENTION);
            for (int j = i + 1; j < limit; j++) {
                char c = text.charAt(j);
                if (c == close) {
                    return j + 1;
                }
                if (c == '\n') {
                    return -1;
                }
            }
            return -1;
        }
        int end = tokenEnd(text, i);
        return end - i > MAX_MENTION ? -1 : end;
    }

    private static int tokenEnd(String text, int i) {
        while (i < text.length() && !isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipWhitespace(String text, int i) {
        while (i < text.length() && isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\n' || c == '\t';
    }

    /** ASCII case-insensitive, so that e.g. a Turkish dotted capital I does not spell a command. */
    private static boolean isWord(String text, int start, int end, String word) {
        if (end - start != word.length()) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            char c = text.charAt(start + k);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean looksLikeCount(char c) {
        return (c >= '0' && c <= '9') || c == '-' || c == '+';
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (s.charAt(k) < '0' || s.charAt(k) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String stripLeadingZeros(String digits) {
        int k = 0;
        while (k < digits.length() - 1 && digits.charAt(k) == '0') {
            k++;
        }
        return digits.substring(k);
    }

    /** Echoes user text in a reply only in bounded, tick-safe form. */
    private static String shorten(String s) {
        String cleaned = s.replace('`', '\'');
        return cleaned.length() > 20 ? cleaned.substring(0, 20) + "…" : cleaned;
    }
}
