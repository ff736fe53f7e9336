package dev.codeagent.orchestrator.workflow;

import dev.codeagent.contracts.AgentMarker;
import dev.codeagent.contracts.check.CheckOutcome;
import dev.codeagent.contracts.check.CheckSource;
import dev.codeagent.contracts.check.CheckStatus;
import dev.codeagent.contracts.check.TestCounts;
import dev.codeagent.orchestrator.job.CheckRound;
import dev.codeagent.orchestrator.job.JobRecord;
import dev.codeagent.orchestrator.job.VariantRanking;
import dev.codeagent.orchestrator.job.VariantRecord;
import java.util.List;

/**
 * What the agent writes about checks: the {@code Build}, {@code Tests}, {@code Repairs} and {@code Rank} cells of
 * the comparison, the ranking's footnote, the {@code codeagent/checks} status of a variant's pull request, the
 * comment there on a failed round, and the reply about an unusable {@code .codeagent.yml}. Check output is untrusted
 * (it echoes the model's code), so it goes through {@link Markdown} like any other text.
 */
final class CheckText {

    static final String STATUS_NAME = "checks";
    private static final int LIST_ITEMS = 10;

    private CheckText() {
    }

    /** {@code passed}, {@code failed}, {@code timed out}, {@code error} or {@code —}; {@code (detected)} when so. */
    static String build(CheckRound last) {
        if (last == null) {
            return "—";
        }
        if (last.error() != null) {
            return "error";
        }
        if (!last.ran()) {
            return "—";
        }
        String outcome = last.passed() ? "passed"
                : has(last, CheckStatus.TIMED_OUT) ? "timed out"
                : has(last, CheckStatus.FAILED) ? "failed"
                : has(last, CheckStatus.CANCELLED) ? "cancelled"
                : "error";
        String text = last.source() == CheckSource.DETECTED ? outcome + " (detected)" : outcome;
        String url = runUrl(last);
        return url == null ? text : "[" + text + "](" + url + ")";
    }

    /**
     * The page of the round's pipeline run that tells most — the first that did not pass, else the first — for the
     * {@code Build} cell; null when no check of the round has a page (the runner's checks keep their log in the job).
     */
    static String runUrl(CheckRound last) {
        String first = null;
        for (CheckOutcome check : last.checks()) {
            String url = safeUrl(check.url());
            if (url != null && check.status() != CheckStatus.PASSED && check.status() != CheckStatus.SKIPPED) {
                return url;
            }
            first = first == null ? url : first;
        }
        return first;
    }

    /** An http(s) link that cannot end the Markdown link early; null for anything else. */
    static String safeUrl(String url) {
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
            return null;
        }
        return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C")
                .replace(">", "%3E").replace("]", "%5D").replace("[", "%5B");
    }

    /** {@code 41 passed, 2 failed} (and skipped ones when there are), or {@code —}. */
    static String tests(CheckRound last) {
        if (last == null || !last.ran() || last.tests() == null) {
            return "—";
        }
        TestCounts t = last.tests();
        return t.passed() + " passed, " + t.failed() + " failed" + (t.skipped() > 0 ? ", " + t.skipped() + " skipped" : "");
    }

    static String repairs(VariantRecord v, List<CheckRound> rounds) {
        return rounds.isEmpty() ? "—" : Integer.toString(v.repairs());
    }

    static String rank(VariantRecord v, VariantRanking.Result ranking) {
        Integer rank = ranking.rankOf(v.k());
        if (rank == null) {
            return "";
        }
        return ranking.isRecommended(v.k()) ? rank + " · **recommended**" : rank.toString();
    }

    /** The lines under the table: the recommendation with its reason, and the rule. */
    static String footnote(VariantRanking.Result ranking) {
        if (ranking.recommended() == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder("\n**Recommended: variant ").append(ranking.recommended()).append("** — ")
                .append(ranking.reason()).append(".\n\n_Ranking: ").append(VariantRanking.RULE.replace(">", "&gt;"))
                .append("._");
        if (!ranking.checksRan()) {
            sb.append(" _No checks ran for any variant (no `.codeagent.yml` and no build tool detected, or the runner "
                    + "was unavailable), so the ranking rests on the other criteria._");
        }
        return sb.append('\n').toString();
    }

    /** The description of a variant PR's {@code codeagent/checks} status. */
    static String statusDescription(CheckRound last) {
        if (last.error() != null) {
            return "Code Agent checks could not run: " + Markdown.line(last.error().replaceFirst("^error: ", ""), 200);
        }
        TestCounts t = last.tests();
        String tests = t == null ? "" : " (" + t.passed() + " tests passed, " + t.failed() + " failed)";
        if (last.passed()) {
            return "Code Agent checks passed" + tests;
        }
        CheckOutcome first = last.firstFailing();
        return (last.repairable() ? "Code Agent checks failed" : "Code Agent checks did not finish")
                + (first == null ? "" : ": " + Markdown.line(first.name(), 60) + " " + VariantRepairer.describe(first))
                + tests;
    }

    /** The comment on a variant's pull request after its last round failed: failing tests and first errors. */
    static String failures(JobRecord job, VariantRecord v, CheckRound last, String jobUrl) {
        StringBuilder sb = new StringBuilder("**Code Agent checks failed** on this variant");
        if (v.repairs() > 0) {
            sb.append(" after ").append(v.repairs()).append(v.repairs() == 1 ? " repair" : " repairs");
        }
        sb.append(".\n\n");
        for (CheckOutcome check : last.checks()) {
            if (check.status() == CheckStatus.PASSED || check.status() == CheckStatus.SKIPPED) {
                continue;
            }
            sb.append("- `").append(Markdown.line(check.name(), 60)).append("` ").append(VariantRepairer.describe(check))
                    .append(": `").append(Markdown.line(check.command(), 200)).append("`")
                    .append(safeUrl(check.url()) == null ? "" : " · [run](" + safeUrl(check.url()) + ")").append('\n');
            list(sb, "Failing tests", check.failingTests());
            list(sb, "First errors", check.errors());
        }
        sb.append("\nFull log: [job details](").append(jobUrl).append(") · Job `").append(job.id()).append("`\n\n")
                .append(AgentMarker.of("job", job.id(), "variant", String.valueOf(v.k()), "kind", "checks"));
        return sb.toString();
    }

    /** The one reply in the command's thread when {@code .codeagent.yml} could not be used. */
    static String configError(JobRecord job, String error) {
        return "**Code Agent** could not use `.codeagent.yml`: " + Markdown.inline(error, 600)
                + "\n\nThe variants are produced without checks. Fix the file on the pull request's source branch to "
                + "have them built and tested.\n\n" + AgentMarker.of("job", job.id(), "kind", "check-config");
    }

    private static void list(StringBuilder sb, String title, List<String> lines) {
        if (lines == null || lines.isEmpty()) {
            return;
        }
        sb.append("  - ").append(title).append(":\n");
        lines.stream().limit(LIST_ITEMS).forEach(l -> sb.append("    - ").append(Markdown.inline(l, 300)).append('\n'));
        if (lines.size() > LIST_ITEMS) {
            sb.append("    - … ").append(lines.size() - LIST_ITEMS).append(" more in the log\n");
        }
    }

    private static boolean has(CheckRound round, CheckStatus status) {
        return round.checks().stream().anyMatch(c -> c.status() == status);
    }
}
