package dev.codeagent.llmpatch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.contracts.patch.EditFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs every case of bench/patch-corpus through the engine: each applicable answer must give exactly the
 * expected files (target ≥ 98 %), and every unsafe, ambiguous or malformed one must be rejected without
 * touching anything. Writes target/patch-corpus-report.txt with the rates.
 */
class PatchCorpusTest {

    private final PatchEngine engine = new PatchEngine(PathPolicy.defaults(), 1_048_576);

    @Test
    void corpusAppliesAndRejectsAsExpected() throws IOException {
        List<PatchCorpus.Case> cases = PatchCorpus.load();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(100);
        int applicable = 0;
        int applied = 0;
        int rejectable = 0;
        int rejected = 0;
        int diffCases = 0;
        int diffOk = 0;
        List<String> failures = new ArrayList<>();
        for (PatchCorpus.Case c : cases) {
            String problem = PatchCorpus.check(c, engine.apply(c.before(), c.answer(), c.format()));
            if (c.expectApplied()) {
                applicable++;
            } else {
                rejectable++;
            }
            if (problem == null) {
                if (c.expectApplied()) {
                    applied++;
                } else {
                    rejected++;
                }
            } else {
                failures.add(c.name() + ": " + problem);
            }
            if (c.diff() != null) {
                diffCases++;
                String diffProblem = PatchCorpus.check(c, engine.apply(c.before(), c.diff(), EditFormat.UNIFIED_DIFF));
                if (diffProblem == null) {
                    diffOk++;
                } else {
                    failures.add(c.name() + " (answer.diff): " + diffProblem);
                }
            }
        }
        String report = String.format("cases %d%napplicable %d applied %d (%.1f %%)%nrejectable %d rejected %d%n"
                + "diff cases %d correct %d (%.1f %%)%n%s%n", cases.size(), applicable, applied,
                100.0 * applied / applicable, rejectable, rejected, diffCases, diffOk, 100.0 * diffOk / diffCases,
                String.join("\n", failures));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/patch-corpus-report.txt"), report);
        System.out.println(report);
        assertThat(rejected).as("every unsafe, ambiguous or malformed answer is rejected:\n%s", report)
                .isEqualTo(rejectable);
        assertThat((double) applied / applicable).as("apply rate\n%s", report).isGreaterThanOrEqualTo(0.98);
        assertThat(failures).as(report).isEmpty();
    }
}
