package dev.codeagent.orchestrator.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.contracts.AgentMarker;
import dev.codeagent.contracts.check.CheckOutcome;
import dev.codeagent.contracts.check.CheckSource;
import dev.codeagent.contracts.check.CheckStatus;
import dev.codeagent.contracts.check.TestCounts;
import dev.codeagent.contracts.command.Author;
import dev.codeagent.contracts.command.CommandKind;
import dev.codeagent.contracts.command.RepositoryRef;
import dev.codeagent.contracts.job.ModelUsage;
import dev.codeagent.contracts.job.Outcome;
import dev.codeagent.contracts.job.RuntimeStatus;
import dev.codeagent.contracts.job.VariantState;
import dev.codeagent.orchestrator.config.WorkflowProperties;
import dev.codeagent.orchestrator.job.CheckRound;
import dev.codeagent.orchestrator.job.JobPhase;
import dev.codeagent.orchestrator.job.JobRecord;
import dev.codeagent.orchestrator.job.PipelineRunRecord;
import dev.codeagent.orchestrator.job.VariantPhase;
import dev.codeagent.orchestrator.job.VariantRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CommentRendererTest {

    private final CommentRenderer renderer = new CommentRenderer(new WorkflowProperties(null, "http://dash/",
            "agents/", 10, 4, Duration.ofMinutes(8), Duration.ofMinutes(30), 0, 100, 5, Duration.ofSeconds(1),
            Duration.ofSeconds(30), Duration.ofSeconds(2)));

    private final JobRecord job = new JobRecord("0f1e2d3c-0000-0000-0000-000000000000", "key", CommandKind.EDIT,
            RuntimeStatus.Running, null, JobPhase.FAN_OUT, 0, new RepositoryRef("local", "o", "p", "r", null), 7, 1, 2, null,
            null, "Fix | the <!-- codeagent:job=x --> table\nplease", 2, null, null, "abc", "refs/heads/feature",
            "refs/heads/main", "t", 10L, 11L, null, null, Instant.now(), Instant.now(), Instant.now(), null);

    private VariantRecord variant(int k, VariantState state, boolean offline) {
        return variant(k, state, offline, null);
    }

    private VariantRecord variant(int k, VariantState state, boolean offline, ModelUsage usage) {
        return new VariantRecord(job.id(), k, state, state == VariantState.RUNNING ? VariantPhase.PATCH : VariantPhase.DONE, 0, "agents/edit-7-0f1e2d3c-" + k, null, "minimal",
                "Guard clauses", "c0ffee", 42L + k, "http://pr/" + k, 2, 10, 3, offline ? "offline" : "ollama",
                offline ? "offline-v1" : "qwen", offline, 1500L, state == VariantState.FAILED ? "boom | bad" : null,
                Instant.now(), Instant.now(), usage, 0, null);
    }

    @Test
    void theProgressShowsAVariantBeingCheckedOrRepaired() {
        VariantRecord checking = withStep(variant(1, VariantState.RUNNING, false), VariantPhase.CHECK);
        VariantRecord repairing = withStep(variant(2, VariantState.RUNNING, false), VariantPhase.REPAIR);

        assertThat(renderer.progress(job, List.of(checking, repairing))).contains("| 1 | 🔄 checking |")
                .contains("| 2 | 🔄 repairing |");
    }

    @Test
    void theProgressNamesThePipelineRunsAVariantWaitsForWithTheirStateAndSinceWhen() {
        VariantRecord checking = withStep(variant(1, VariantState.RUNNING, false), VariantPhase.CHECK);
        VariantRecord other = withStep(variant(2, VariantState.RUNNING, false), VariantPhase.CHECK);
        Instant queued = Instant.parse("2026-03-02T10:02:59Z");
        List<PipelineRunRecord> runs = List.of(
                pipelineRun(1, "Payments-CI", 901L, PipelineRunRecord.State.RUNNING, "inProgress", null, queued),
                pipelineRun(1, "Docs | CI", 902L, PipelineRunRecord.State.COMPLETED, "completed", "succeeded", queued),
                pipelineRun(2, "Payments-CI", 903L, PipelineRunRecord.State.RUNNING, "canceling", null, queued));

        String progress = renderer.progress(job, List.of(checking, other), runs);

        assertThat(progress).contains("| 1 | 🔄 checking — Azure DevOps: [Payments-CI 20260302.901]("
                + "https://dev.azure.com/contoso/Web%20Shop/_build/results?buildId=901) in progress since 10:02 UTC; "
                + "[Docs \\| CI 20260302.902](https://dev.azure.com/contoso/Web%20Shop/_build/results?buildId=902) "
                + "succeeded |")
                .contains("| 2 | 🔄 checking — Azure DevOps: [Payments-CI 20260302.903](")
                .contains("being cancelled since 10:02 UTC |");
        assertThat(renderer.progress(job, List.of(checking), List.of(runs.get(1)))).as("nothing to wait for")
                .contains("| 1 | 🔄 checking |");
    }

    private static PipelineRunRecord pipelineRun(int k, String name, long runId, PipelineRunRecord.State state,
            String runState, String result, Instant queued) {
        return new PipelineRunRecord("0f1e2d3c-0000-0000-0000-000000000000", k, 0, name, "c0ffee", 42L, name, runId,
                "20260302." + runId, "https://dev.azure.com/contoso/Web Shop/_build/results?buildId=" + runId, state,
                result, null, List.of(), null, queued, null, runState, List.of(), null, null, null);
    }

    @Test
    void theChecksColumnsSayHowEachVariantsLastRoundEnded() {
        List<VariantRecord> variants = List.of(variant(1, VariantState.SUCCEEDED, false),
                variant(2, VariantState.SUCCEEDED, false), variant(3, VariantState.SUCCEEDED, false),
                variant(4, VariantState.SUCCEEDED, false));
        Map<Integer, List<CheckRound>> rounds = Map.of(
                1, List.of(round(1, CheckSource.DETECTED, null, new CheckOutcome("test", "mvn test",
                        CheckStatus.TIMED_OUT, null, new TestCounts(3, 0, 1), List.of(), List.of(), 9))),
                2, List.of(round(2, CheckSource.CONFIGURED, "error: runner did not answer")),
                3, List.of(round(3, CheckSource.NONE, null)),
                4, List.of(round(4, CheckSource.CONFIGURED, null, new CheckOutcome("build", "make", CheckStatus.ERROR,
                        null, null, List.of(), List.of(), 1))));

        String summary = renderer.summary(job, variants, Outcome.SUCCESS, Map.of(), rounds);

        assertThat(summary).contains("| ✅ succeeded | timed out (detected) | 3 passed, 0 failed, 1 skipped | 0 | ")
                .contains("| ✅ succeeded | error | — | 0 | ")
                .contains("| ✅ succeeded | — | — | 0 | ")
                .containsPattern("\\| 4 \\| .* \\| ✅ succeeded \\| error \\| — \\| 0 \\| ")
                .doesNotContain("No checks ran for any variant");
        assertThat(renderer.summary(job, variants, Outcome.SUCCESS, Map.of(), Map.of()))
                .contains("**Recommended: variant 1** — as good as variant 2 by every criterion, and first in order.")
                .contains("_No checks ran for any variant");
    }

    private VariantRecord withStep(VariantRecord v, VariantPhase step) {
        return new VariantRecord(v.jobId(), v.k(), v.state(), step, 0, v.branch(), null, v.strategy(), v.approach(),
                v.commitSha(), v.pullRequestId(), v.pullRequestUrl(), v.filesChanged(), v.linesAdded(),
                v.linesRemoved(), v.provider(), v.model(), v.offline(), null, null, v.startedAt(), null, v.usage(), 0, null);
    }

    private CheckRound round(int k, CheckSource source, String error, CheckOutcome... checks) {
        List<CheckOutcome> outcomes = List.of(checks);
        return new CheckRound(job.id(), k, 0, "c0ffee", error == null ? source : null, false, 0,
                outcomes.stream().map(CheckOutcome::tests).filter(Objects::nonNull).findFirst().orElse(null),
                outcomes, null, error, null, null, "process", 10L, Instant.now());
    }

    @Test
    void summaryComparesVariantsAndLabelsOfflineOutput() {
        String summary = renderer.summary(job, List.of(variant(1, VariantState.SUCCEEDED, true),
                variant(2, VariantState.FAILED, false)), Outcome.PARTIAL_SUCCESS);
        assertThat(summary).contains("| Variant | Approach | Files | +/− lines | Pull request | Status | Build | Tests | Repairs | Rank | Duration "
                        + "| Tokens | Cost |")
                .contains("| 1 | Guard clauses _(offline)_ | 2 | +10 / −3 | [!43](http://pr/1) | ✅ succeeded | — | — | — | "
                        + "1 · **recommended** | 1.5 s |  |  |")
                .contains("offline model")
                .contains("boom \\| bad")
                .contains("partial success")
                .contains("`feature`")
                .endsWith(AgentMarker.of("job", job.id(), "kind", "summary"));
    }

    @Test
    void tokensAndCostPerVariantWithTheJobTotalUnknownWhenOnePriceIs() {
        String summary = renderer.summary(job, List.of(
                variant(1, VariantState.SUCCEEDED, false, new ModelUsage(1, 10_000, 2_300, new BigDecimal("0.0416"))),
                variant(2, VariantState.SUCCEEDED, false, new ModelUsage(2, 700, 250, null)),
                variant(3, VariantState.FAILED, false)), Outcome.PARTIAL_SUCCESS);
        assertThat(summary).contains("| ✅ succeeded | — | — | — | 1 · **recommended** | 1.5 s | 12.3k | $0.042 |\n")
                .contains("| ✅ succeeded | — | — | — | 2 | 1.5 s | 950 | — |\n")
                .contains("| ❌ failed: boom \\| bad | — | — | — |  | 1.5 s |  |  |\n")
                .contains("Model usage: 13.3k tokens (10.7k in, 2.6k out), cost unknown (a model has no price in "
                        + "CODEAGENT_MODEL_PRICES).");
        assertThat(renderer.summary(job, List.of(
                variant(1, VariantState.SUCCEEDED, false, new ModelUsage(1, 1_200_000, 0, new BigDecimal("2.4"))),
                variant(2, VariantState.SUCCEEDED, false, new ModelUsage(1, 40, 10, new BigDecimal("0.0000875")))),
                Outcome.SUCCESS))
                .contains("| 1.2M | $2.400 |").contains("| 50 | <$0.001 |")
                .contains("Model usage: 1.2M tokens (1.2M in, 10 out), cost $2.400.");
        assertThat(renderer.summary(job, List.of(variant(1, VariantState.SUCCEEDED, false,
                new ModelUsage(1, 500, 20, BigDecimal.ZERO))), Outcome.SUCCESS)).contains("| 520 | $0 |");
        assertThat(renderer.summary(job, List.of(variant(1, VariantState.FAILED, false)), Outcome.FAILED))
                .doesNotContain("Model usage");
    }

    @Test
    void variantNotesBecomeFootnotesUnderTheTable() {
        List<String> many = new java.util.ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            many.add("Not shown to the model: app/helpers_" + i + ".py — left out to fit the context window of ollama");
        }
        String summary = renderer.summary(job, List.of(variant(1, VariantState.SUCCEEDED, false),
                variant(2, VariantState.SUCCEEDED, false)), Outcome.SUCCESS, java.util.Map.of(2, List.of(
                        "Fell back from ollama: context-too-large: prompt | of about 9000 tokens <!-- x -->"), 1, many));
        assertThat(summary).contains("\n**Notes**\n\n- Variant 1: Not shown to the model: app/helpers_1.py — left out "
                + "to fit the context window of ollama\n")
                .contains("- Variant 1: Not shown to the model: app/helpers_8.py")
                .doesNotContain("app/helpers_9.py")
                .contains("- Variant 1: 2 more in the job's details\n- Variant 2: Fell back from ollama: "
                        + "context-too-large: prompt \\| of about 9000 tokens &lt;!-- x --&gt;\n")
                .doesNotContain("<!-- x");
        assertThat(summary.indexOf("**Notes**")).isGreaterThan(summary.indexOf("| 2 |"));
        assertThat(renderer.summary(job, List.of(variant(1, VariantState.SUCCEEDED, false)), Outcome.SUCCESS))
                .doesNotContain("**Notes**");
    }

    @Test
    void aVariantWaitingForADependencySaysSoInTheProgressReply() {
        VariantRecord waiting = new VariantRecord(job.id(), 1, VariantState.RUNNING, VariantPhase.PATCH, 7,
                "agents/edit-7-0f1e2d3c-1", null, null, null, null, null, null, null, null, null, null, null, false,
                null, "llm-patch unavailable: Connection refused", Instant.now(), null, null, 0, null);

        assertThat(renderer.progress(job, List.of(waiting)))
                .contains("waiting to retry (7 failed): llm-patch unavailable: Connection refused");
        assertThat(renderer.progress(job, List.of(variant(1, VariantState.RUNNING, false))))
                .doesNotContain("waiting to retry");
    }

    @Test
    void untrustedIntentCannotBreakTablesOrForgeMarkers() {
        String progress = renderer.progress(job, List.of(variant(1, VariantState.RUNNING, false)));
        assertThat(progress).doesNotContain("<!-- codeagent:job=x").contains("Fix \\| the &lt;!-- codeagent");
        assertThat(progress.indexOf(AgentMarker.PREFIX)).isEqualTo(progress.lastIndexOf(AgentMarker.PREFIX));
    }

    @Test
    void linksAndImagesInIntentAndModelTextStayInert() {
        String intent = "Fix [Click](https://evil.example/login) ![x](https://beacon.example/p.png) see www.evil.example\n"
                + "[1]: https://evil.example/ref";
        JobRecord linked = new JobRecord(job.id(), "key", CommandKind.EDIT, RuntimeStatus.Running, null, JobPhase.FAN_OUT,
                0, job.repository(), 7, 1, 2, null, null, intent, 2, null, null, "abc", "refs/heads/feature",
                "refs/heads/main", "t", 10L, 11L, null, null, Instant.now(), Instant.now(), Instant.now(), null);
        VariantRecord v = new VariantRecord(job.id(), 1, VariantState.FAILED, VariantPhase.DONE, 0, "agents/edit-7-0f1e2d3c-1",
                null, "minimal", "Adds [docs](https://evil.example/docs) | keeps ![t](https://beacon.example/t.gif)",
                "c0ffee", 43L, "http://pr/1", 2, 10, 3, "ollama", "qwen", false, 1500L,
                "see https://evil.example/error for [help](http://evil.example/h)", Instant.now(), Instant.now(), null, 0, null);
        String marker = AgentMarker.of("job", job.id(), "variant", "1");
        for (String text : List.of(renderer.progress(linked, List.of(v)),
                renderer.summary(linked, List.of(v), Outcome.FAILED),
                renderer.pullRequestDescription(linked, v, marker))) {
            assertThat(activeLinks(text))
                    .as("only the agent's own links in:%n%s", text)
                    .allMatch(url -> url.startsWith("http://dash/jobs/") || url.startsWith("http://pr/"));
            assertThat(bareUrlsOutsideCodeSpans(text)).as(text).isEmpty();
            assertThat(text).contains("Click").contains("evil.example/login");
        }
        assertThat(renderer.summary(linked, List.of(v), Outcome.FAILED))
                .contains("| Variant | Approach | Files | +/− lines | Pull request | Status | Build | Tests | Repairs | Rank | Duration "
                        + "| Tokens | Cost |")
                .contains("Adds \\[docs\\]").contains(" \\| keeps ")
                .contains("[details](http://dash/jobs/" + job.id() + ")");
        assertThat(renderer.pullRequestTitle(linked, 1, false, "minimal")).startsWith("[Code Agent] Fix [Click](");
    }

    /** Inline links and images, and link reference definitions, whose brackets are not escaped; group 1 is the URL. */
    private static final List<Pattern> ACTIVE_LINKS = List.of(
            Pattern.compile("(?<!\\\\)\\[[^\\]\\n]*(?<!\\\\)\\]\\(([^)\\s]*)\\)"),
            Pattern.compile("(?m)^\\s*(?:>\\s*)*(?<!\\\\)\\[[^\\]\\n]+(?<!\\\\)\\]:\\s*(\\S+)"));

    private static List<String> activeLinks(String text) {
        return ACTIVE_LINKS.stream().flatMap(p -> p.matcher(text).results().map(m -> m.group(1))).toList();
    }

    /** URLs that GFM would turn into links by themselves: outside code spans and outside link destinations. */
    private static List<String> bareUrlsOutsideCodeSpans(String text) {
        String outside = text.replaceAll("`[^`\\n]*`", "").replaceAll("\\]\\(http://(dash|pr)/[^)]*\\)", "]");
        return Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+").matcher(outside).results().map(m -> m.group())
                .toList();
    }

    @Test
    void offlinePullRequestsSayTheyAreOffline() {
        VariantRecord offline = variant(1, VariantState.RUNNING, true);
        assertThat(renderer.pullRequestTitle(job, 1, true, "minimal")).startsWith("[Code Agent, offline]");
        String marker = AgentMarker.of("job", job.id(), "variant", "1");
        assertThat(renderer.pullRequestDescription(job, offline, marker)).contains("Offline output")
                .contains("variant", "1 of 2").endsWith(marker);
    }

    private JobRecord editBy(Author author) {
        return new JobRecord(job.id(), "k", CommandKind.EDIT, RuntimeStatus.Running, null, JobPhase.AUTHORIZE, 0,
                job.repository(), 7, 1, 2, null, author, "Add validation", 2, null, null, null, null, null, null,
                null, null, null, null, Instant.now(), Instant.now(), Instant.now(), null);
    }

    @Test
    void aDeniedAuthorIsToldWhoMayAskWithTheNameShownAsWritten() {
        String reply = renderer.notAllowed(editBy(new Author("u1", "ada@contoso.com", "Ada")),
                List.of("[Web Shop]\\Contributors", "[contoso]\\Release Managers", "[contoso]\\Leads"));
        assertThat(reply).startsWith("@Ada, only members of \\[Web Shop\\]\\\\Contributors, "
                + "\\[contoso\\]\\\\Release Managers or \\[contoso\\]\\\\Leads can ask Code Agent for changes.")
                .endsWith(AgentMarker.of("job", job.id(), "kind", "denied"));

        assertThat(renderer.notAllowed(editBy(new Author("u2", "bo@contoso.com", null)), List.of()))
                .startsWith("@bo\\@contoso\\.com, only the users named in its configuration can ask Code Agent");
        assertThat(renderer.notAllowed(editBy(null), List.of("[P]\\Contributors")))
                .startsWith("Only members of \\[P\\]\\\\Contributors can ask");
    }

    @Test
    void aNameCannotBecomeMarkdown() {
        String hostile = "[click](http://evil.example) <b>**hi**</b> @<6f1c> <!-- codeagent:job=x --> `x` | y\n# z";
        String reply = renderer.notAllowed(editBy(new Author("u3", "eve@contoso.com", hostile)), List.of());

        String name = reply.substring(1, reply.indexOf(", only"));
        assertThat(name).doesNotContainPattern("(?<!\\\\)[\\[\\]()<>*`|#@!_-]").doesNotContain("\n");
        assertThat(name.replaceAll("\\\\(.)", "$1")).isEqualTo(hostile.replace("\n", " "));
        assertThat(reply.indexOf(AgentMarker.PREFIX)).isEqualTo(reply.lastIndexOf(AgentMarker.PREFIX));
    }

    @Test
    void aPermissionThatCouldNotBeCheckedSaysWhy() {
        String reply = renderer.permissionUnknown(editBy(new Author("u1", "ada@contoso.com", "Ada")),
                "adapter check trigger permission failed with 503: Azure DevOps failed to read | identities");
        assertThat(reply).startsWith("@Ada, Code Agent could not check whether you may ask it for changes, so it did "
                + "nothing: adapter check trigger permission failed with 503: Azure DevOps failed to read "
                + "\\| identities")
                .endsWith(AgentMarker.of("job", job.id(), "kind", "unchecked"));
    }

    @Test
    void helpNamesTheReasonAndTheLimits() {
        JobRecord rejected = new JobRecord(job.id(), "k", CommandKind.REJECTED, RuntimeStatus.Running, null, JobPhase.REPLY, 0,
                job.repository(), 7, 1, 2, null, null, null, 0, "N must be 1..10", null, null, null, null, null, null,
                null, null, null, Instant.now(), Instant.now(), Instant.now(), null);
        assertThat(renderer.help(rejected)).contains("N must be 1..10").contains("at most 10").contains("agents/");
    }
}
