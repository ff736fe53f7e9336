package dev.codeagent.orchestrator.job;

import dev.codeagent.contracts.job.VariantState;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranks the succeeded variants of a job and recommends the first: all checks pass &gt; more tests pass &gt; fewer
 * failing checks &gt; fewer repairs &gt; smaller diff (lines added + removed) &gt; lower model cost (an unknown
 * cost after any known one); ties keep variant order. Each variant is judged by its last round of checks. Variants
 * that did not succeed are not ranked. Derived from the recorded rows on every read, so it needs no storage of its
 * own and is the same in the table, the status API and the dashboard.
 */
public final class VariantRanking {

    /** The rule in words, for the table's footnote and the docs. */
    public static final String RULE = "all checks pass > more tests pass > fewer failing checks > fewer repairs > "
            + "smaller diff > lower model cost; ties keep variant order";

    /**
     * The ranking.
     *
     * @param ranks       rank by k (1 = best) of the succeeded variants
     * @param recommended k of the recommended variant, null when none succeeded
     * @param reason      one line on why it is recommended, null when none is
     * @param checksRan   false when no succeeded variant's checks ran (the ranking then rests on the other criteria)
     */
    public record Result(Map<Integer, Integer> ranks, Integer recommended, String reason, boolean checksRan) {

        public Integer rankOf(int k) {
            return ranks.get(k);
        }

        public boolean isRecommended(int k) {
            return recommended != null && recommended == k;
        }
    }

    /** What a variant is ranked by. */
    record Standing(int k, boolean passed, int testsPassed, int failingChecks, int repairs, long diff,
            BigDecimal cost, boolean ran) {
    }

    private enum Criterion {
        PASSED(Comparator.comparing((Standing s) -> !s.passed())),
        TESTS(Comparator.comparingInt((Standing s) -> -s.testsPassed())),
        FAILING(Comparator.comparingInt(Standing::failingChecks)),
        REPAIRS(Comparator.comparingInt(Standing::repairs)),
        DIFF(Comparator.comparingLong(Standing::diff)),
        COST(Comparator.comparing(Standing::cost, Comparator.nullsLast(Comparator.naturalOrder()))),
        ORDER(Comparator.comparingInt(Standing::k));

        private final Comparator<Standing> order;

        Criterion(Comparator<Standing> order) {
            this.order = order;
        }
    }

    private static final Comparator<Standing> ORDER = chain();

    private VariantRanking() {
    }

    public static Result rank(List<VariantRecord> variants, Map<Integer, List<CheckRound>> rounds) {
        List<Standing> standings = new ArrayList<>();
        for (VariantRecord v : variants) {
            if (v.state() == VariantState.SUCCEEDED) {
                List<CheckRound> own = rounds.getOrDefault(v.k(), List.of());
                standings.add(standing(v, own.isEmpty() ? null : own.get(own.size() - 1)));
            }
        }
        standings.sort(ORDER);
        Map<Integer, Integer> ranks = new LinkedHashMap<>();
        for (int i = 0; i < standings.size(); i++) {
            ranks.put(standings.get(i).k(), i + 1);
        }
        boolean ran = standings.stream().anyMatch(Standing::ran);
        if (standings.isEmpty()) {
            return new Result(Map.of(), null, null, false);
        }
        return new Result(ranks, standings.get(0).k(), reason(standings), ran);
    }

    static Standing standing(VariantRecord v, CheckRound last) {
        boolean ran = last != null && last.ran();
        long diff = v.linesAdded() == null ? Long.MAX_VALUE
                : (long) v.linesAdded() + (v.linesRemoved() == null ? 0 : v.linesRemoved());
        return new Standing(v.k(), ran && last.passed(),
                ran && last.tests() != null ? last.tests().passed() : 0, ran ? last.failingChecks() : 0,
                v.repairs(), diff, v.usage() == null ? null : v.usage().costUsd(), ran);
    }

    private static Comparator<Standing> chain() {
        Comparator<Standing> all = null;
        for (Criterion c : Criterion.values()) {
            all = all == null ? c.order : all.thenComparing(c.order);
        }
        return all;
    }

    /** Why the first beats the second: the first criterion that tells them apart. */
    private static String reason(List<Standing> ranked) {
        Standing best = ranked.get(0);
        if (ranked.size() == 1) {
            return "only variant that succeeded" + (best.passed() ? "; its checks pass" : "");
        }
        Standing next = ranked.get(1);
        Criterion decisive = Criterion.ORDER;
        for (Criterion c : Criterion.values()) {
            if (c.order.compare(best, next) != 0) {
                decisive = c;
                break;
            }
        }
        if (decisive == Criterion.PASSED) {
            return "only variant whose checks pass";
        }
        String why = switch (decisive) {
            case TESTS -> "most tests pass (" + best.testsPassed() + ")";
            case FAILING -> "fewest failing checks (" + best.failingChecks() + ")";
            case REPAIRS -> best.repairs() == 0 ? "needed no repair" : "fewest repairs (" + best.repairs() + ")";
            case DIFF -> "smallest diff (" + best.diff() + (best.diff() == 1 ? " line" : " lines") + " changed)";
            case COST -> "lowest model cost";
            default -> "as good as variant " + next.k() + " by every criterion, and first in order";
        };
        return (best.passed() ? "checks pass; " : "") + why;
    }
}
