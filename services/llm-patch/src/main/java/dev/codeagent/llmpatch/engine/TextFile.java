package dev.codeagent.llmpatch.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A text file as lines without terminators plus the layout needed to write it back unchanged: its line
 * ending (the dominant one) and whether it ends with one. Edits work on lines so that CRLF files stay CRLF.
 */
public record TextFile(List<String> lines, String eol, boolean finalNewline) {

    public static TextFile parse(String content) {
        if (content.isEmpty()) {
            return new TextFile(new ArrayList<>(), "\n", false);
        }
        int lf = 0;
        int crlf = 0;
        for (int i = 0; i < content.length(); i++) {
            if (content.charAt(i) == '\n') {
                lf++;
                if (i > 0 && content.charAt(i - 1) == '\r') {
                    crlf++;
                }
            }
        }
        String eol = crlf > 0 && crlf * 2 >= lf ? "\r\n" : "\n";
        boolean finalNewline = content.endsWith("\n");
        List<String> lines = new ArrayList<>(splitLines(content));
        if (finalNewline) {
            lines.remove(lines.size() - 1);
        }
        return new TextFile(lines, eol, finalNewline);
    }

    /** Splits on LF and drops one CR before each LF, so model text and files compare line by line. */
    public static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                int end = i > start && text.charAt(i - 1) == '\r' ? i - 1 : i;
                lines.add(text.substring(start, end));
                start = i + 1;
            }
        }
        String last = text.substring(start);
        lines.add(last.endsWith("\r") ? last.substring(0, last.length() - 1) : last);
        return lines;
    }

    /** Model text as lines, without the empty line a trailing newline would produce. */
    public static List<String> modelLines(String text) {
        if (text.isEmpty()) {
            return new ArrayList<>();
        }
        List<String> lines = splitLines(text);
        if (text.endsWith("\n")) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    public String render() {
        if (lines.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                out.append(eol);
            }
            out.append(lines.get(i));
        }
        if (finalNewline) {
            out.append(eol);
        }
        return out.toString();
    }

    public TextFile withLines(List<String> newLines) {
        return new TextFile(newLines, eol, finalNewline || lines.isEmpty());
    }
}
