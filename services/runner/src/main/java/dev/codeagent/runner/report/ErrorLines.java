package dev.codeagent.runner.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The first error lines of a check's output, for the repair prompt and the PR comment: compiler and build tool
 * errors in the forms the detected tools print them. Lines are kept in order, without duplicates.
 */
public final class ErrorLines {

    public static final int MAX = 20;
    private static final int MAX_LINE = 300;

    private static final List<Pattern> PATTERNS = List.of(
            // Maven ([ERROR] …, but not its closing help text) and javac (Foo.java:12: error: …)
            Pattern.compile("^\\[ERROR\\] (?!(To see the full|Re-run Maven|For more information|\\[Help|->|$)).+"),
            Pattern.compile("^\\S+\\.java:\\d+: error: .+"),
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
        for (String raw : output.split("\\R")) {
            String line = raw.stripTrailing();
            for (Pattern pattern : PATTERNS) {
                if (pattern.matcher(line).matches()) {
                    String trimmed = line.strip();
                    found.add(trimmed.length() > MAX_LINE ? trimmed.substring(0, MAX_LINE) + "…" : trimmed);
                    break;
                }
            }
            if (found.size() >= MAX) {
                break;
            }
        }
        return new ArrayList<>(found);
    }
}
