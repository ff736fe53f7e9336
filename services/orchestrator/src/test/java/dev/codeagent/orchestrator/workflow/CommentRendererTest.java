package dev.codeagent.orchestrator.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.contracts.AgentMarker;
import dev.codeagent.contracts.command.Author;
import dev.codeagent.contracts.command.CommandKind;
import dev.codeagent.contracts.command.RepositoryRef;
import dev.codeagent.contracts.job.Outcome;
import dev.codeagent.contracts.job.RuntimeStatus;
import dev.codeagent.contracts.job.VariantState;
import dev.codeagent.orchestrator.config.WorkflowProperties;
import dev.codeagent.orchestrator.job.JobPhase;
import dev.codeagent.orchestrator.job.JobRecord;
import dev.codeagent.orchestrator.job.VariantPhase;
import dev.codeagent.orchestrator.job.VariantRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
        return new VariantRecord(job.id(), k, state, state == VariantState.RUNNING ? VariantPhase.PATCH : VariantPhase.DONE, 0, "agents/edit-7-0f1e2d3c-" + k, null, "minimal",
                "Guard clauses", "c0ffee", 42L + k, "http://pr/" + k, 2, 10, 3, offline ? "offline" : "ollama",
                offline ? "offline-v1" : "qwen", offline, 1500L, state == VariantState.FAILED ? "boom | bad" : null,
                Instant.now(), Instant.now());
    }

    @Test
    void summaryComparesVariantsAndLabelsOfflineOutput() {
        String summary = renderer.summary(job, List.of(variant(1, VariantState.SUCCEEDED, true),
                variant(2, VariantState.FAILED, false)), Outcome.PARTIAL_SUCCESS);
        assertThat(summary).contains("| Variant | Approach | Files | +/− lines | Pull request | Status | Duration |")
                .contains("| 1 | Guard clauses _(offline)_ | 2 | +10 / −3 | [!43](http://pr/1) | ✅ succeeded | 1.5 s |")
                .contains("offline model")
                .contains("boom \\| bad")
                .contains("partial success")
                .contains("`feature`")
                .endsWith(AgentMarker.of("job", job.id(), "kind", "summary"));
    }

    @Test
    void untrustedIntentCannotBreakTablesOrForgeMarkers() {
        String progress = renderer.progress(job, List.of(variant(1, VariantState.RUNNING, false)));
        assertThat(progress).doesNotContain("<!-- codeagent:job=x").contains("Fix \\| the &lt;!-- codeagent");
        assertThat(progress.indexOf(AgentMarker.PREFIX)).isEqualTo(progress.lastIndexOf(AgentMarker.PREFIX));
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
