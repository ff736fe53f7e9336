package dev.codeagent.gateway.text;

/**
 * Text from deliveries (and answers that may echo it) made safe for a log line. In the text log format a
 * line break in a value would start what looks like a log line of its own, and other control and format
 * characters (carriage return, escape sequences, bidi overrides, zero-width characters) can hide or reorder
 * what a person reading the log sees. They are written as escapes instead: {@code \n}, {@code \r},
 * {@code \t}, else {@code \}{@code uXXXX}; a backslash is doubled so that an escape cannot be forged either.
 */
public final class LogText {

    private LogText() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "null";
        }
        int i = 0;
        while (i < text.length() && !needsEscape(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (needsEscape(c)) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean needsEscape(char c) {
        if (c == '\\') {
            return true;
        }
        if (c >= 0x20 && c < 0x7F) {
            return false;
        }
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}
