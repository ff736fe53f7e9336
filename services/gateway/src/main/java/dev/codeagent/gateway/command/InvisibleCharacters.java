package dev.codeagent.gateway.command;

/**
 * Normalises comment text before parsing: format characters (zero-width spaces and joiners, BOM, soft
 * hyphen, bidi controls) and stray control characters are removed, so that {@code /ed\u200Bit} cannot
 * hide a command from a human reviewer or break one a human typed; exotic spaces become plain spaces
 * and every line break becomes {@code \n}.
 */
final class InvisibleCharacters {

    private InvisibleCharacters() {
    }

    static String normalize(String text) {
        if (isPlain(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int length = text.length();
        for (int i = 0; i < length; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\r') {
                out.append('\n');
                if (i < length && text.charAt(i) == '\n') {
                    i++;
                }
            } else if (cp == '\n' || cp == '\t') {
                out.append((char) cp);
            } else if (cp == 0x2028 || cp == 0x2029 || cp == 0x85) {
                out.append('\n');
            } else if (Character.getType(cp) == Character.SPACE_SEPARATOR) {
                out.append(' ');
            } else if (!isInvisible(cp)) {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    /** Fast path: printable ASCII with tabs and newlines needs no copy. */
    private static boolean isPlain(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\t') || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    private static boolean isInvisible(int cp) {
        int type = Character.getType(cp);
        return type == Character.FORMAT
                || type == Character.CONTROL
                || cp == 0x034F // combining grapheme joiner
                || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 // Hangul fillers render blank
                || (cp >= 0xFE00 && cp <= 0xFE0F); // variation selectors
    }
}
