package dev.codeagent.llmpatch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.contracts.patch.EditFormat;
import dev.codeagent.contracts.patch.FileResult;
import dev.codeagent.llmpatch.patch.UnifiedDiffWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of the engine over generated files and blocks. */
class PatchEnginePropertiesTest {

    private final PatchEngine engine = new PatchEngine(PathPolicy.defaults(), 1_048_576);

    record Scenario(List<String> file, int from, int length, List<String> replacement) {
        String content(String eol) {
            return String.join(eol, file) + eol;
        }

        List<String> search() {
            return file.subList(from, from + length);
        }

        String expected(String eol) {
            List<String> out = new ArrayList<>(file.subList(0, from));
            out.addAll(replacement);
            out.addAll(file.subList(from + length, file.size()));
            return out.isEmpty() ? "" : String.join(eol, out) + eol;
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        // Distinct statement-like lines with indentation, so a window is unique.
        Arbitrary<List<String>> files = Arbitraries.integers().between(3, 40).flatMap(n -> Arbitraries.integers()
                .between(0, 3).list().ofSize(n).map(indents -> {
                    List<String> lines = new ArrayList<>();
                    for (int i = 0; i < indents.size(); i++) {
                        lines.add("    ".repeat(indents.get(i)) + "call" + i + "(value" + (i * 7 % 13) + ");");
                    }
                    return lines;
                }));
        return files.flatMap(file -> Combinators.combine(
                Arbitraries.integers().between(0, file.size() - 1),
                Arbitraries.integers().between(1, 6),
                Arbitraries.integers().between(0, 4).list().ofMaxSize(6))
                .as((from, len, repl) -> {
                    int length = Math.min(len, file.size() - from);
                    List<String> replacement = new ArrayList<>();
                    for (int i = 0; i < repl.size(); i++) {
                        replacement.add("    ".repeat(repl.get(i)) + "added" + i + "();");
                    }
                    return new Scenario(file, from, length, replacement);
                }));
    }

    private static String block(String path, List<String> search, List<String> replace) {
        return "Here you go:\n\n" + path + "\n```\n<<<<<<< SEARCH\n" + join(search) + "=======\n" + join(replace)
                + ">>>>>>> REPLACE\n```\n";
    }

    private static String join(List<String> lines) {
        StringBuilder out = new StringBuilder();
        lines.forEach(l -> out.append(l).append('\n'));
        return out.toString();
    }

    @Property(tries = 300)
    void exactBlockGivesTheNaiveReplacement(@ForAll("scenarios") Scenario s) {
        EngineResult r = engine.apply(Map.of("a.java", s.content("\n")), block("a.java", s.search(), s.replacement()),
                EditFormat.AUTO);
        assertThat(r.failures()).isEmpty();
        String expected = s.expected("\n");
        if (expected.isEmpty()) {
            assertThat(r.results().get(0).status()).isEqualTo(FileResult.DELETED);
        } else {
            assertThat(r.changed().get("a.java")).isEqualTo(expected);
        }
    }

    @Property(tries = 200)
    void crlfFilesStayCrlfAndMatchLfBlocks(@ForAll("scenarios") Scenario s) {
        Assume.that(!s.expected("\n").isEmpty());
        EngineResult r = engine.apply(Map.of("a.java", s.content("\r\n")), block("a.java", s.search(), s.replacement()),
                EditFormat.AUTO);
        assertThat(r.failures()).isEmpty();
        assertThat(r.changed().get("a.java")).isEqualTo(s.expected("\r\n"));
    }

    @Property(tries = 200)
    void indentationShiftOfTheWholeBlockIsTolerated(@ForAll("scenarios") Scenario s, @ForAll @IntRange(min = 1, max = 3) int shift) {
        Assume.that(!s.expected("\n").isEmpty());
        String pad = "  ".repeat(shift);
        List<String> search = s.search().stream().map(l -> pad + l).toList();
        // Replacement lines copied from SEARCH keep the file's bytes; new lines are shifted back.
        List<String> replace = s.replacement().stream().map(l -> pad + l).toList();
        EngineResult r = engine.apply(Map.of("a.java", s.content("\n")), block("a.java", search, replace), EditFormat.AUTO);
        assertThat(r.failures()).isEmpty();
        assertThat(r.changed().get("a.java")).isEqualTo(s.expected("\n"));
    }

    @Property(tries = 200)
    void sameInputSameOutput(@ForAll("scenarios") Scenario s) {
        String answer = block("a.java", s.search(), s.replacement());
        EngineResult a = engine.apply(Map.of("a.java", s.content("\n")), answer, EditFormat.AUTO);
        EngineResult b = engine.apply(Map.of("a.java", s.content("\n")), answer, EditFormat.AUTO);
        assertThat(a).isEqualTo(b);
    }

    @Property(tries = 200)
    void generatedDiffAppliesBackToTheSameResult(@ForAll("scenarios") Scenario s) {
        String before = s.content("\n");
        String after = s.expected("\n");
        Assume.that(!after.isEmpty() && !after.equals(before));
        String diff = new UnifiedDiffWriter().diff("a.java", before, after).text();
        EngineResult r = engine.apply(Map.of("a.java", before), diff, EditFormat.UNIFIED_DIFF);
        assertThat(r.failures()).as(diff).isEmpty();
        assertThat(r.changed().get("a.java")).isEqualTo(after);
    }

    @Property(tries = 300)
    void pathsWithTraversalOrGitAreAlwaysRejected(@ForAll("unsafePaths") String path) {
        EngineResult r = engine.apply(Map.of(), path + "\n<<<<<<< SEARCH\n=======\nx\n>>>>>>> REPLACE\n", EditFormat.AUTO);
        assertThat(r.changed()).isEmpty();
        assertThat(r.results()).allMatch(f -> f.status().equals(FileResult.FAILED));
    }

    @Provide
    Arbitrary<String> unsafePaths() {
        Arbitrary<String> segment = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6);
        Arbitrary<String> bad = Arbitraries.of("..", ".git", ".GIT", "");
        return Combinators.combine(segment.list().ofMaxSize(3), bad, segment.list().ofMaxSize(3), Arbitraries.of("", "/"))
                .as((a, b, c, prefix) -> {
                    List<String> parts = new ArrayList<>(a);
                    parts.add(b);
                    parts.addAll(c);
                    parts.add("f.txt");
                    return prefix + String.join("/", parts);
                });
    }

    @Property(tries = 200)
    void resultNeverContainsNewConflictMarkers(@ForAll("scenarios") Scenario s, @ForAll @IntRange(min = 0, max = 5) int at) {
        List<String> replacement = new ArrayList<>(s.replacement());
        replacement.add(Math.min(at, replacement.size()), "<<<<<<< HEAD");
        EngineResult r = engine.apply(Map.of("a.java", s.content("\n")), block("a.java", s.search(), replacement),
                EditFormat.AUTO);
        assertThat(r.changed()).isEmpty();
        assertThat(r.results().get(0).status()).isEqualTo(FileResult.FAILED);
    }

    @Provide
    Arbitrary<String> answers() {
        Arbitrary<String> line = Arbitraries.oneOf(
                Arbitraries.of("<<<<<<< SEARCH", "=======", ">>>>>>> REPLACE", "```", "```java", "--- a/a.java",
                        "+++ b/a.java", "--- /dev/null", "+++ /dev/null", "@@ -1,2 +1,3 @@", "@@ @@", "...",
                        "// ... existing code ...", "a.java", "b/c.txt", "../x", "", " ", "\t", "\r"),
                Arbitraries.strings().ofMaxLength(12).map(t -> t),
                Arbitraries.strings().withChars(" +-\\@").ofMaxLength(4).flatMap(p -> Arbitraries.of("call1(value7);", "x", "").map(t -> p + t)));
        return line.list().ofMaxSize(30).map(lines -> String.join(Math.abs(lines.hashCode()) % 3 == 0 ? "\r\n" : "\n", lines));
    }

    @Property(tries = 1000)
    void anyAnswerGivesAResultNeverAnException(@ForAll("answers") String answer, @ForAll("scenarios") Scenario s) {
        for (EditFormat format : EditFormat.values()) {
            EngineResult r = engine.apply(Map.of("a.java", s.content("\n"), "b/c.txt", ""), answer, format);
            assertThat(r.results()).isNotEmpty();
            r.changed().keySet().forEach(p -> assertThat(p.split("/")).doesNotContain("..", ".git", "").isNotEmpty());
        }
    }
}
