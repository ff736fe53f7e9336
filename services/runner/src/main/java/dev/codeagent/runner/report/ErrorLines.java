package dev.codeagent.runner.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first error lines of a check's output, for the repair prompt and the PR comment: compiler and build tool
 * errors in the forms the detected tools print them. Lines are kept in order, without duplicates. javac (alone, or
 * through Gradle) names what it could not find only on indented lines under the error, after the source line and its
 * caret; those are folded into the error's line ({@code …: error: cannot find symbol (symbol: method x(); location:
 * class A)}), since "cannot find symbol" alone tells a model nothing to repair.
 */
public final class ErrorLines {

    public static final int MAX = 20;
    private static final int MAX_LINE = 300;
    private static final Pattern JAVAC_ERROR = Pattern.compile("^\\S+\\.java:\\d+: error: .+");
    private static final Pattern JAVAC_DETAIL =
            Pattern.compile("^\\s+(symbol|location|required|found|reason):\\s+(.+)");

    private static final List<Pattern> PATTERNS = List.of(
            // Maven ([ERROR] …, but not its closing help text) and javac (Foo.java:12: error: …)
            Pattern.compile("^\\[ERROR\\] (?!(To see the full|Re-run Maven|For more information|\\[Help|->|$)).+"),
            JAVAC_ERROR,
            // Gradle / Kotlin
            Pattern.compile("^e: \\S+\\.kt.+"),
            // TypeScript (src/a.ts(3,5): error TS2322: …, or src/a.ts:3:5 - error TS2322: …)
            Pattern.compile("^\\S+\\.tsx?[(:]\\d+.*error TS\\d+: .+"),
            // Go (./main.go:12:5: undefined: x) and its test failures
            Pattern.compile("^\\S+\\.go:\\d+:\\d+: .+"),
            Pattern.compile("^--- FAIL: .+"),
            // Python: the last line of a traceback (ValueError: …), pytest's summary (FAILED tests/x.py::t - …)
            Pattern.compile("^[A-Za-z_][\\w.]*(Error|Exception): .+"),
            Pattern.compile("^(FAILED|ERROR) \\S+::\\S+.*"),
            Pattern.compile("^\\s*File \"[^\"]+\", line \\d+.*"),
            // npm
            Pattern.compile("^npm ERR! .+"));

    private ErrorLines() {
    }

    public static List<String> of(String output) {
        Set<String> found = new LinkedHashSet<>();
        String javacError = null;
        List<String> details = new ArrayList<>();
        for (String raw : output.split("\\R")) {
            String line = raw.stripTrailing();
            if (javacError != null) {
                Matcher detail = JAVAC_DETAIL.matcher(line);
                if (detail.matches()) {
                    details.add(detail.group(1) + ": " + detail.group(2).strip());
                    continue;
                }
                boolean error = PATTERNS.stream().anyMatch(p -> p.matcher(line).matches());
                if (!error && details.isEmpty()) {
                    // The source line and its caret, between the error and its details.
                    continue;
                }
                add(found, folded(javacError, details));
                javacError = null;
                details.clear();
                if (found.size() >= MAX) {
                    break;
                }
            }
            for (Pattern pattern : PATTERNS) {
                if (pattern.matcher(line).matches()) {
                    if (pattern == JAVAC_ERROR) {
                        javacError = line.strip();
                    } else {
                        add(found, line.strip());
                    }
                    break;
                }
            }
            if (found.size() >= MAX) {
                break;
            }
        }
        if (javacError != null && found.size() < MAX) {
            add(found, folded(javacError, details));
        }
        return new ArrayList<>(found);
    }

    private static String folded(String error, List<String> details) {
        return details.isEmpty() ? error : error + " (" + String.join("; ", details) + ")";
    }

    private static void add(Set<String> found, String line) {
        found.add(line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "…" : line);
    }
}
