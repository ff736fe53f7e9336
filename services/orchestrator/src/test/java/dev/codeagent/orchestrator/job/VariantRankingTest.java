package dev.codeagent.orchestrator.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.contracts.check.CheckOutcome;
import dev.codeagent.contracts.check.CheckSource;
import dev.codeagent.contracts.check.CheckStatus;
import dev.codeagent.contracts.check.TestCounts;
import dev.codeagent.contracts.job.ModelUsage;
import dev.codeagent.contracts.job.VariantState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class VariantRankingTest {

    @Test
    void passingChecksBeatMoreTestsAndASmallerDiff() {
        List<VariantRecord> variants = List.of(variant(1, 2, 0, "0.01"), variant(2, 200, 0, "0.50"),
                variant(3, 1, 0, "0.001"));
        Map<Integer, List<CheckRound>> rounds = Map.of(
                1, List.of(round(1, 0, false, 90, 1, failed("test"))),
                2, List.of(round(2, 0, true, 41, 0, passed("build"), passed("test"))),
                3, List.of(round(3, 0, false, 0, 0, failed("build"), skipped("test"))));

        VariantRanking.Result result = VariantRanking.rank(variants, rounds);

        assertThat(result.recommended()).isEqualTo(2);
        assertThat(result.reason()).isEqualTo("only variant whose checks pass");
        assertThat(List.of(result.rankOf(1), result.rankOf(2), result.rankOf(3))).containsExactly(2, 1, 3);
        assertThat(result.checksRan()).isTrue();
    }

    @Test
    void eachCriterionDecidesWhenTheOnesBeforeItTie() {
        // More tests pass.
        assertThat(best(List.of(variant(1, 5, 0, null), variant(2, 5, 0, null)),
                Map.of(1, List.of(round(1, 0, true, 10, 0, passed("test"))),
                        2, List.of(round(2, 0, true, 12, 0, passed("test"))))))
                .isEqualTo("2: checks pass; most tests pass (12)");
        // Fewer failing checks.
        assertThat(best(List.of(variant(1, 5, 0, null), variant(2, 5, 0, null)),
                Map.of(1, List.of(round(1, 0, false, 0, 0, failed("build"), failed("lint"))),
                        2, List.of(round(2, 0, false, 0, 0, failed("build"), passed("lint"))))))
                .isEqualTo("2: fewest failing checks (1)");
        // Fewer repairs.
        assertThat(best(List.of(variant(1, 5, 1, null), variant(2, 5, 0, null)),
                Map.of(1, List.of(round(1, 0, false, 3, 1, failed("test")), round(1, 1, true, 4, 0, passed("test"))),
                        2, List.of(round(2, 0, true, 4, 0, passed("test"))))))
                .isEqualTo("2: checks pass; needed no repair");
        // Smaller diff.
        assertThat(best(List.of(variant(1, 30, 0, null), variant(2, 12, 0, null)),
                Map.of(1, List.of(round(1, 0, true, 4, 0, passed("test"))),
                        2, List.of(round(2, 0, true, 4, 0, passed("test"))))))
                .isEqualTo("2: checks pass; smallest diff (12 lines changed)");
        // One line: the demo's offline variants differ by their comment alone.
        assertThat(best(List.of(variant(1, 1, 0, null), variant(2, 2, 0, null)),
                Map.of(1, List.of(round(1, 0, true, 4, 0, passed("test"))),
                        2, List.of(round(2, 0, true, 4, 0, passed("test"))))))
                .isEqualTo("1: checks pass; smallest diff (1 line changed)");
        // Lower cost; an unknown cost comes after every known one.
        assertThat(best(List.of(variant(1, 5, 0, null), variant(2, 5, 0, "0.20"), variant(3, 5, 0, "0.10")),
                Map.of()))
                .isEqualTo("3: lowest model cost");
        // Variant order.
        assertThat(best(List.of(variant(1, 5, 0, "0.1"), variant(2, 5, 0, "0.1")), Map.of()))
                .isEqualTo("1: as good as variant 2 by every criterion, and first in order");
    }

    @Test
    void onlySucceededVariantsAreRankedAndNoneMeansNoRecommendation() {
        VariantRecord failed = withState(variant(1, 1, 0, null), VariantState.FAILED);
        VariantRecord ok = variant(2, 50, 0, null);

        VariantRanking.Result one = VariantRanking.rank(List.of(failed, ok), Map.of());
        assertThat(one.rankOf(1)).isNull();
        assertThat(one.rankOf(2)).isEqualTo(1);
        assertThat(one.reason()).isEqualTo("only variant that succeeded");
        assertThat(one.checksRan()).as("no checks ran for any variant").isFalse();

        VariantRanking.Result none = VariantRanking.rank(List.of(failed), Map.of());
        assertThat(none.recommended()).isNull();
        assertThat(none.reason()).isNull();
        assertThat(none.ranks()).isEmpty();
    }

    @Test
    void aRoundThatRanNoCheckCountsAsNotPassingAndNotRun() {
        CheckRound error = new CheckRound("job", 1, 0, "c", null, false, 0, null, List.of(), null,
                "error: runner did not answer", null, null, null, null, Instant.EPOCH);
        CheckRound none = new CheckRound("job", 2, 0, "c", CheckSource.NONE, false, 0, null, List.of(), null, null,
                null, null, null, null, Instant.EPOCH);
        VariantRanking.Result result = VariantRanking.rank(List.of(variant(1, 3, 0, null), variant(2, 9, 0, null)),
                Map.of(1, List.of(error), 2, List.of(none)));
        assertThat(result.checksRan()).isFalse();
        assertThat(result.recommended()).isEqualTo(1);
        assertThat(result.reason()).isEqualTo("smallest diff (3 lines changed)");
    }

    /** The ranking depends on the variants, never on the order they are listed in. */
    @Property(tries = 300)
    void theOrderOfTheInputDoesNotMatter(@ForAll("jobs") List<Candidate> job, @ForAll long seed) {
        VariantRanking.Result ranked = VariantRanking.rank(records(job), rounds(job));
        List<Candidate> shuffled = new ArrayList<>(job);
        Collections.shuffle(shuffled, new Random(seed));

        VariantRanking.Result again = VariantRanking.rank(records(shuffled), rounds(shuffled));

        assertThat(again.ranks()).isEqualTo(ranked.ranks());
        assertThat(again.recommended()).isEqualTo(ranked.recommended());
        assertThat(again.reason()).isEqualTo(ranked.reason());
    }

    /** Ranks are 1..n, one each; exactly the first is recommended; variants equal on every criterion keep k order. */
    @Property(tries = 300)
    void ranksArePermutationsAndTiesKeepVariantOrder(@ForAll("jobs") List<Candidate> job) {
        VariantRanking.Result ranked = VariantRanking.rank(records(job), rounds(job));

        assertThat(ranked.ranks().values()).containsExactlyInAnyOrderElementsOf(
                IntStream.rangeClosed(1, job.size()).boxed().toList());
        assertThat(ranked.rankOf(ranked.recommended())).isEqualTo(1);
        assertThat(job.stream().filter(c -> ranked.isRecommended(c.k()))).hasSize(1);
        for (Candidate a : job) {
            for (Candidate b : job) {
                if (a.k() < b.k() && a.sameAs(b)) {
                    assertThat(ranked.rankOf(a.k())).as("tie of %s and %s", a, b).isLessThan(ranked.rankOf(b.k()));
                }
            }
        }
    }

    /** A variant that improves on one criterion, the others unchanged, never drops in rank. */
    @Property(tries = 300)
    void improvingAVariantNeverLowersItsRank(@ForAll("jobs") List<Candidate> job, @ForAll("indexes") int which,
            @ForAll("improvements") int improvement) {
        Candidate before = job.get(which % job.size());
        Candidate after = before.improved(improvement);
        List<Candidate> improved = new ArrayList<>(job);
        improved.set(job.indexOf(before), after);

        int rankBefore = VariantRanking.rank(records(job), rounds(job)).rankOf(before.k());
        int rankAfter = VariantRanking.rank(records(improved), rounds(improved)).rankOf(after.k());

        assertThat(rankAfter).isLessThanOrEqualTo(rankBefore);
    }

    @Provide
    Arbitrary<List<Candidate>> jobs() {
        Arbitrary<Candidate> candidate = Combinators.combine(Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 2),
                        Arbitraries.integers().between(0, 2), Arbitraries.integers().between(1, 4),
                        Arbitraries.of("0.01", "0.02", ""))
                .as((passed, tests, failing, repairs, diff, cost) -> new Candidate(0, passed, tests,
                        passed ? 0 : Math.max(1, failing), repairs, diff * 10, cost.isEmpty() ? null : cost));
        return candidate.list().ofMinSize(1).ofMaxSize(6).map(list -> {
            List<Candidate> numbered = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                numbered.add(list.get(i).numbered(i + 1));
            }
            return numbered;
        });
    }

    @Provide
    Arbitrary<Integer> indexes() {
        return Arbitraries.integers().between(0, 5);
    }

    @Provide
    Arbitrary<Integer> improvements() {
        return Arbitraries.integers().between(0, 5);
    }

    /** A succeeded variant as the ranking sees it. */
    record Candidate(int k, boolean passed, int tests, int failing, int repairs, int diff, String cost) {

        Candidate numbered(int number) {
            return new Candidate(number, passed, tests, failing, repairs, diff, cost);
        }

        boolean sameAs(Candidate o) {
            return passed == o.passed && tests == o.tests && failing == o.failing && repairs == o.repairs
                    && diff == o.diff && Objects.equals(cost, o.cost);
        }

        Candidate improved(int how) {
            return switch (how) {
                case 0 -> passed ? this : new Candidate(k, true, tests, 0, repairs, diff, cost);
                case 1 -> new Candidate(k, passed, tests + 1, failing, repairs, diff, cost);
                case 2 -> failing <= 1 ? this : new Candidate(k, passed, tests, failing - 1, repairs, diff, cost);
                case 3 -> repairs == 0 ? this : new Candidate(k, passed, tests, failing, repairs - 1, diff, cost);
                case 4 -> diff <= 1 ? this : new Candidate(k, passed, tests, failing, repairs, diff - 1, cost);
                default -> new Candidate(k, passed, tests, failing, repairs, diff, "0.001");
            };
        }
    }

    private static List<VariantRecord> records(List<Candidate> job) {
        return job.stream().map(c -> new VariantRecord("job", c.k(), VariantState.SUCCEEDED, VariantPhase.DONE, 0,
                "b", null, "s", "a", "c", 1L, "u", 1, c.diff(), 0, "p", "m", false, 1L, null, Instant.EPOCH,
                Instant.EPOCH, c.cost() == null ? new ModelUsage(1, 1, 1, null)
                        : new ModelUsage(1, 1, 1, new BigDecimal(c.cost())), c.repairs(), null)).toList();
    }

    private static Map<Integer, List<CheckRound>> rounds(List<Candidate> job) {
        Map<Integer, List<CheckRound>> rounds = new HashMap<>();
        for (Candidate c : job) {
            List<CheckOutcome> checks = new ArrayList<>();
            checks.add(new CheckOutcome("test", "t", c.passed() ? CheckStatus.PASSED : CheckStatus.FAILED,
                    c.passed() ? 0 : 1, new TestCounts(c.tests(), c.passed() ? 0 : 1, 0), List.of(), List.of(), 1));
            for (int i = 1; i < c.failing(); i++) {
                checks.add(failed("lint-" + i));
            }
            rounds.put(c.k(), List.of(round(c.k(), c.repairs(), c.passed(), c.tests(), c.passed() ? 0 : 1,
                    checks.toArray(CheckOutcome[]::new))));
        }
        return rounds;
    }

    private static String best(List<VariantRecord> variants, Map<Integer, List<CheckRound>> rounds) {
        VariantRanking.Result result = VariantRanking.rank(variants, rounds);
        return result.recommended() + ": " + result.reason();
    }

    private static VariantRecord variant(int k, int diff, int repairs, String cost) {
        return new VariantRecord("job", k, VariantState.SUCCEEDED, VariantPhase.DONE, 0, "b", null, "s", "a", "c",
                1L, "u", 1, diff / 2 + diff % 2, diff / 2, "p", "m", false, 1L, null, Instant.EPOCH, Instant.EPOCH,
                new ModelUsage(1, 1, 1, cost == null ? null : new BigDecimal(cost)), repairs, null);
    }

    private static VariantRecord withState(VariantRecord v, VariantState state) {
        return new VariantRecord(v.jobId(), v.k(), state, v.step(), v.attempts(), v.branch(), v.headCommit(),
                v.strategy(), v.approach(), v.commitSha(), v.pullRequestId(), v.pullRequestUrl(), v.filesChanged(),
                v.linesAdded(), v.linesRemoved(), v.provider(), v.model(), v.offline(), v.durationMs(), v.error(),
                v.startedAt(), v.finishedAt(), v.usage(), v.checkRound(), v.refineCheckRounds());
    }

    private static CheckRound round(int k, int round, boolean passed, int testsPassed, int testsFailed,
            CheckOutcome... checks) {
        return new CheckRound("job", k, round, "c", CheckSource.CONFIGURED, passed, 2,
                new TestCounts(testsPassed, testsFailed, 0), List.of(checks), null, null, null, null, "process", 1L,
                Instant.EPOCH);
    }

    private static CheckOutcome passed(String name) {
        return new CheckOutcome(name, name, CheckStatus.PASSED, 0, null, List.of(), List.of(), 1);
    }

    private static CheckOutcome failed(String name) {
        return new CheckOutcome(name, name, CheckStatus.FAILED, 1, null, List.of(), List.of(), 1);
    }

    private static CheckOutcome skipped(String name) {
        return new CheckOutcome(name, name, CheckStatus.SKIPPED, null, null, List.of(), List.of(), 1);
    }
}
