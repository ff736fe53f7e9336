package dev.codeagent.adapter.provider;

import java.util.Locale;

/**
 * Validates file paths coming from callers: relative, forward slashes, no {@code .}/{@code ..} segments,
 * nothing under {@code .git}, no control characters. The same rule holds for every provider so that
 * what passes locally passes on Azure DevOps.
 */
public final class RepositoryPaths {

    private static final int MAX_LENGTH = 4096;

    private RepositoryPaths() {
    }

    /** The path unchanged when it is safe; otherwise a 400 problem naming it. */
    public static String requireSafe(String path) {
        String problem = problemWith(path);
        if (problem != null) {
            throw GitProblems.invalid("Invalid path '" + printable(path) + "': " + problem);
        }
        return path;
    }

    private static String problemWith(String path) {
        if (path == null || path.isEmpty()) {
            return "empty";
        }
        if (path.length() > MAX_LENGTH) {
            return "longer than " + MAX_LENGTH + " characters";
        }
        if (path.startsWith("/")) {
            return "absolute paths are not allowed (use a path relative to the repository root)";
        }
        if (path.endsWith("/")) {
            return "must name a file, not a folder";
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return "control characters are not allowed";
            }
            if (c == '\\') {
                return "backslashes are not allowed (use '/')";
            }
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty()) {
                return "empty path segment";
            }
            if (segment.equals(".") || segment.equals("..")) {
                return "'.' and '..' segments are not allowed";
            }
            if (segment.toLowerCase(Locale.ROOT).equals(".git")) {
                return "paths under .git are not allowed";
            }
        }
        return null;
    }

    private static String printable(String path) {
        if (path == null) {
            return "";
        }
        String cut = path.length() > 200 ? path.substring(0, 200) + "…" : path;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
