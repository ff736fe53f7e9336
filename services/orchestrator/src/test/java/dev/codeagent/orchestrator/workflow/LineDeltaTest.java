package dev.codeagent.orchestrator.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The net lines of a variant's file against the base, counted as {@code git diff --numstat} counts them. */
class LineDeltaTest {

    @Test
    void countsTheLinesOutsideTheLongestCommonSubsequence() {
        assertThat(LineDelta.between("a\nb\nc\n", "a\nB\nc\nd\n")).isEqualTo(new LineDelta(2, 1));
        assertThat(LineDelta.between("a\nb\nc\n", "a\nb\nc\n")).isEqualTo(new LineDelta(0, 0));
        assertThat(LineDelta.between("x\na\nb\n", "a\nb\ny\n")).isEqualTo(new LineDelta(1, 1));
    }

    @Test
    void aMissingSideIsAnAddedOrDeletedFile() {
        assertThat(LineDelta.between(null, "a\nb\n")).isEqualTo(new LineDelta(2, 0));
        assertThat(LineDelta.between("a\nb\nc\n", null)).isEqualTo(new LineDelta(0, 3));
    }

    @Test
    void aLineAddedThenChangedAgainCountsOnce() {
        String base = "class Login {}\n";
        String first = "class Login {\n  // check\n}\n";
        String refined = "class Login {\n  // check the name\n}\n";
        assertThat(LineDelta.between(base, first)).isEqualTo(new LineDelta(3, 1));
        assertThat(LineDelta.between(base, refined)).isEqualTo(new LineDelta(3, 1));
    }

    @Test
    void pastTheEditLimitTheDifferingMiddleCountsAsReplaced() {
        String before = IntStream.range(0, 20_000).mapToObj(i -> "old " + i).collect(Collectors.joining("\n"));
        String after = IntStream.range(0, 20_000).mapToObj(i -> "new " + i).collect(Collectors.joining("\n"));
        assertThat(LineDelta.between(before, after)).isEqualTo(new LineDelta(20_000, 20_000));
    }
}
