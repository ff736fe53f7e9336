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
 *            | "/pick" ws K | "/refine" ws K ws feedback | "/retry" ws K [ws "--fresh"]
 *            | "/cancel" [anything] | "/status" [anything]
 *   K        = 1..N, the variant of the thread's job (also written "/K" or "#K")
 * </pre>
 *
 * Command words are ASCII and case-insensitive and must be followed by whitespace or the end
 * ({@code /editing} is not a command). The command must be the first thing after the leading mentions:
 * text before it means the comment talks <em>about</em> the agent rather than to it, so it is ignored.
 * The intent keeps its line breaks and may span many lines. An unknown {@code /word} after a leading mention is
 * {@link ParsedCommand.Unknown} (a helpful reply when the mention names the agent); without a mention it is
 * ignored, as a comment may start with a path.
 */
public final class CommandParser {

    static final String USAGE = "Usage: `/edit [/N] <what to change>`, then in its thread `/refine K <feedback>`, "
            + "`/pick K`, `/retry K [--fresh]`, `/cancel`, `/status`; `/help` explains them.";
    private static final int MAX_UNKNOWN_WORD = 20;

    private static final ParsedCommand NOT_A_COMMAND = new ParsedCommand.NotACommand();
    private static final ParsedCommand HELP = new ParsedCommand.Help();
    private static final ParsedCommand CANCEL = new ParsedCommand.Cancel();
    private static final ParsedCommand STATUS = new ParsedCommand.Status();
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
        int rest = skipWhitespace(text, wordEnd);
        if (isWord(text, i + 1, wordEnd, "help")) {
            return HELP;
        }
        if (isWord(text, i + 1, wordEnd, "edit")) {
            return parseEdit(text, rest);
        }
        if (isWord(text, i + 1, wordEnd, "cancel")) {
            return CANCEL;
        }
        if (isWord(text, i + 1, wordEnd, "status")) {
            return STATUS;
        }
        if (isWord(text, i + 1, wordEnd, "pick")) {
            return parsePick(text, rest);
        }
        if (isWord(text, i + 1, wordEnd, "refine")) {
            return parseRefine(text, rest);
        }
        if (isWord(text, i + 1, wordEnd, "retry")) {
            return parseRetry(text, rest);
        }
        if (text.charAt(skipWhitespace(text, 0)) == '@' && isLetters(text, i + 1, wordEnd)) {
            String word = text.substring(i + 1, wordEnd);
            return new ParsedCommand.Unknown("I do not know the command `/" + shorten(word) + "`. " + USAGE);
        }
        return NOT_A_COMMAND;
    }

    private ParsedCommand parsePick(String text, int i) {
        int end = tokenEnd(text, i);
        Object variant = variant(text, i, end, "/pick 2");
        if (variant instanceof ParsedCommand.Rejected rejected) {
            return rejected;
        }
        if (skipWhitespace(text, end) < text.length()) {
            return new ParsedCommand.Rejected("`/pick` takes only the number of the variant to merge, e.g. "
                    + "`/pick 2`; write anything else in a separate comment.");
        }
        return new ParsedCommand.Pick((Integer) variant);
    }

    private ParsedCommand parseRefine(String text, int i) {
        int end = tokenEnd(text, i);
        Object variant = variant(text, i, end, "/refine 2 keep the old method name");
        if (variant instanceof ParsedCommand.Rejected rejected) {
            return rejected;
        }
        String feedback = text.substring(end).strip();
        if (feedback.isEmpty()) {
            return new ParsedCommand.Rejected("Tell me what to change in variant " + variant + " after the number, "
                    + "e.g. `/refine " + variant + " keep the old method name`.");
        }
        int length = feedback.codePointCount(0, feedback.length());
        if (length > maxIntentLength) {
            return new ParsedCommand.Rejected("The feedback is too long (" + length + " characters; at most "
                    + maxIntentLength + "). Please shorten it and post it as a new comment.");
        }
        return new ParsedCommand.Refine((Integer) variant, feedback);
    }

    private ParsedCommand parseRetry(String text, int i) {
        int end = tokenEnd(text, i);
        Object variant = variant(text, i, end, "/retry 2");
        if (variant instanceof ParsedCommand.Rejected rejected) {
            return rejected;
        }
        int flag = skipWhitespace(text, end);
        int flagEnd = tokenEnd(text, flag);
        if (flag == text.length()) {
            return new ParsedCommand.Retry((Integer) variant, false);
        }
        if (text.substring(flag, flagEnd).equals("--fresh") && skipWhitespace(text, flagEnd) == text.length()) {
            return new ParsedCommand.Retry((Integer) variant, true);
        }
        return new ParsedCommand.Rejected("`/retry` takes the number of the variant and optionally `--fresh` "
                + "(start it again from scratch), e.g. `/retry " + variant + "` or `/retry " + variant
                + " --fresh`.");
    }

    /** The variant number K in {@code text[start, end)} (also "/K" or "#K"), or the rejection saying why not. */
    private Object variant(String text, int start, int end, String example) {
        if (start >= end) {
            return new ParsedCommand.Rejected("Name the variant by its number from the table, e.g. `" + example
                    + "`.");
        }
        String token = text.substring(start, end);
        String digits = token.charAt(0) == '/' || token.charAt(0) == '#' ? token.substring(1) : token;
        if (!isDigits(digits)) {
            return new ParsedCommand.Rejected("`" + shorten(token) + "` is not a variant number. Name the variant "
                    + "by its number from the table, e.g. `" + example + "`.");
        }
        String significant = stripLeadingZeros(digits);
        if (significant.length() > 3 || Integer.parseInt(significant) < 1
                || Integer.parseInt(significant) > maxVariants) {
            return new ParsedCommand.Rejected("Variant numbers go from 1 to at most " + maxVariants + " (got "
                    + shorten(token) + "), e.g. `" + example + "`.");
        }
        return Integer.parseInt(significant);
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

    private static boolean isLetters(String text, int start, int end) {
        if (end <= start || end - start > MAX_UNKNOWN_WORD) {
            return false;
        }
        for (int k = start; k < end; k++) {
            char c = text.charAt(k);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
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
