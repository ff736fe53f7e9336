package dev.codeagent.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.contracts.check.TestCounts;
import dev.codeagent.contracts.command.CommandKind;
import dev.codeagent.contracts.command.StartJobResponse;
import dev.codeagent.contracts.job.JobView;
import dev.codeagent.contracts.job.PipelineRunView;
import dev.codeagent.contracts.job.RuntimeStatus;
import dev.codeagent.contracts.job.VariantState;
import dev.codeagent.contracts.pipeline.PipelineRunResult;
import dev.codeagent.contracts.pipeline.PipelineRunState;
import dev.codeagent.orchestrator.fake.FakePipelines;
import dev.codeagent.orchestrator.fake.FakeRepository;
import dev.codeagent.orchestrator.fake.FakeServices;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code /cancel} in the thread while a variant waits for its Azure DevOps pipeline run and the other variant's run
 * has completed: the running run is cancelled in Azure DevOps exactly once, the completed one is left alone, nothing
 * is queued again, and the status API shows which run each variant waited for and how its cancellation went.
 */
class PipelineCancelIT {

    final FakeServices fakes = TestFakes.get();

    @Test
    void cancelInTheThreadCancelsTheRunningRunOnceAndLeavesTheCompletedOneAlone() {
        fakes.reset();
        fakes.pipelines().define("Payments-CI", 42);
        Map<String, String> settings = new HashMap<>(Instances.h2());
        settings.put("codeagent.ado-checks.pipelines", "Payments-CI");
        settings.put("codeagent.ado-checks.poll-interval", "1s");
        FakeRepository repo = fakes.repository("pipelines-cancel");

        ConfigurableApplicationContext instance = Instances.start("pipelines-cancel", settings);
        try {
            OrchestratorTestClient client = new OrchestratorTestClient(Instances.port(instance));
            HttpResponse<String> response = client.post("/api/orchestrators/edit-variants",
                    OrchestratorTestClient.edit(repo.name, 9401, 2, "Cancel while the pipelines run"));
            assertThat(response.statusCode()).isEqualTo(202);
            String jobId = client.read(response, StartJobResponse.class).id();
            AbstractWorkflowIT.awaitCondition(() -> fakes.pipelines().runs().size() == 2);
            FakePipelines.Run running = run("-1");
            FakePipelines.Run completed = run("-2");
            completed.complete(PipelineRunResult.SUCCEEDED, new TestCounts(9, 0, 0));
            AbstractWorkflowIT.awaitCondition(() -> client.job(jobId).variants().get(1).state()
                    == VariantState.SUCCEEDED);

            PipelineRunView waiting = client.job(jobId).variants().get(0).pipelineRuns().get(0);
            assertThat(waiting.runId()).isEqualTo(running.runId);
            assertThat(waiting.pipeline()).isEqualTo("Payments-CI");
            assertThat(waiting.state()).isEqualTo("running");
            assertThat(waiting.runState()).isEqualTo("inProgress");
            assertThat(waiting.url()).endsWith("buildId=" + running.runId);
            assertThat(waiting.elapsedMs()).isNotNull();
            // The progress reply names the run the variant waits for (rewritten shortly after the change).
            AbstractWorkflowIT.awaitCondition(() -> repo.comments.values().stream().anyMatch(c ->
                    c.contains("kind=progress") && c.contains("Azure DevOps: [Payments-CI 20260302." + running.runId
                            + "]") && c.contains("in progress since")));

            HttpResponse<String> cancel = client.post("/api/orchestrators/edit-variants",
                    OrchestratorTestClient.followUp(repo.name, 9402, CommandKind.CANCEL, null, null));
            assertThat(cancel.statusCode()).isEqualTo(202);
            JobView job = client.awaitFinished(jobId, Duration.ofSeconds(60));
            assertThat(job.runtimeStatus()).isEqualTo(RuntimeStatus.Terminated);
            AbstractWorkflowIT.awaitCondition(() -> "canceled".equals(client.job(jobId).variants().get(0)
                    .pipelineRuns().get(0).cancellation()));

            assertThat(running.cancels()).isEqualTo(1);
            assertThat(running.state()).isEqualTo(PipelineRunState.CANCELING);
            assertThat(completed.cancels()).isZero();
            assertThat(fakes.pipelines().runs()).hasSize(2);
            assertThat(fakes.pipelines().queueRequests()).as("nothing queued again").hasSize(2);
            JobView after = client.job(jobId);
            assertThat(after.variants().get(0).state()).isEqualTo(VariantState.CANCELLED);
            assertThat(after.variants().get(0).pipelineRuns()).singleElement().satisfies(run -> {
                assertThat(run.state()).isEqualTo("stopped");
                assertThat(run.cancellation()).isEqualTo("canceled");
                assertThat(run.finishedAt()).isNotNull();
            });
            assertThat(after.variants().get(1).pipelineRuns()).singleElement().satisfies(run -> {
                assertThat(run.state()).isEqualTo("completed");
                assertThat(run.result()).isEqualTo("succeeded");
                assertThat(run.cancellation()).isNull();
            });
        } finally {
            instance.close();
        }
    }

    private FakePipelines.Run run(String suffix) {
        return fakes.pipelines().runs().stream().filter(r -> r.branch.endsWith(suffix)).findFirst().orElseThrow();
    }
}
