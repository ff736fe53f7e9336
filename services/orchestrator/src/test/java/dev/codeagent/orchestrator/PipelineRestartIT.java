package dev.codeagent.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.contracts.check.CheckStatus;
import dev.codeagent.contracts.check.TestCounts;
import dev.codeagent.contracts.command.StartJobResponse;
import dev.codeagent.contracts.job.JobView;
import dev.codeagent.contracts.job.RuntimeStatus;
import dev.codeagent.contracts.job.VariantView;
import dev.codeagent.contracts.pipeline.PipelineRunResult;
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
 * {@code CODEAGENT_ADO_CHECK_PIPELINES=Payments-CI}: a job queues one run per variant on the variant's branch; the
 * instance is killed while the runs are in progress, and a new instance on the same database follows the recorded
 * runs to their end without queueing any again, then ranks the variants by the runs' results and test counts.
 */
class PipelineRestartIT {

    final FakeServices fakes = TestFakes.get();

    @Test
    void runsSurviveAnOrchestratorKillWithoutBeingQueuedAgain() {
        fakes.reset();
        fakes.pipelines().define("Payments-CI", 42);
        Map<String, String> database = new HashMap<>(Instances.h2());
        database.put("codeagent.ado-checks.pipelines", "Payments-CI");
        database.put("codeagent.ado-checks.poll-interval", "1s");
        FakeRepository repo = fakes.repository("pipelines-restart");

        ConfigurableApplicationContext first = Instances.start("pipelines-first", database);
        String jobId;
        try {
            OrchestratorTestClient client = new OrchestratorTestClient(Instances.port(first));
            HttpResponse<String> response = client.post("/api/orchestrators/edit-variants",
                    OrchestratorTestClient.edit(repo.name, 9301, 2, "Check with the team's pipeline"));
            assertThat(response.statusCode()).isEqualTo(202);
            jobId = client.read(response, StartJobResponse.class).id();
            AbstractWorkflowIT.awaitCondition(() -> fakes.pipelines().runs().size() == 2);
        } finally {
            first.close();
        }
        AbstractCrashRecoveryIT.leaveAsAfterKill(database);
        assertThat(fakes.pipelines().runs()).extracting(r -> r.branch).allMatch(b -> b.startsWith("agents/edit-"))
                .doesNotHaveDuplicates();

        ConfigurableApplicationContext second = Instances.start("pipelines-second", database);
        try {
            OrchestratorTestClient client = new OrchestratorTestClient(Instances.port(second));
            FakePipelines.Run one = run("-1");
            FakePipelines.Run two = run("-2");
            two.complete(PipelineRunResult.SUCCEEDED, new TestCounts(14, 0, 0));
            one.complete(PipelineRunResult.CANCELED, null);

            JobView job = client.awaitFinished(jobId, Duration.ofSeconds(60));

            assertThat(job.runtimeStatus()).isEqualTo(RuntimeStatus.Completed);
            assertThat(fakes.pipelines().runs()).hasSize(2);
            VariantView canceled = job.variants().get(0);
            VariantView green = job.variants().get(1);
            assertThat(canceled.checks()).singleElement().satisfies(round -> assertThat(round.checks())
                    .singleElement().satisfies(c -> assertThat(c.status()).isEqualTo(CheckStatus.CANCELLED)));
            assertThat(green.checks()).singleElement().satisfies(round -> {
                assertThat(round.passed()).isTrue();
                assertThat(round.tests()).isEqualTo(new TestCounts(14, 0, 0));
            });
            assertThat(green.recommended()).isTrue();
            assertThat(green.rank()).isEqualTo(1);
            assertThat(repo.comments.values().stream().filter(c -> c.contains("kind=summary")).findFirst())
                    .hasValueSatisfying(summary -> assertThat(summary)
                            .contains("[passed](https://dev.azure.com/contoso/Web%20Shop/_build/results?buildId="
                                    + two.runId + ")")
                            .contains("[cancelled](https://dev.azure.com/contoso/Web%20Shop/_build/results?buildId="
                                    + one.runId + ")")
                            .contains("**Recommended: variant 2**"));
        } finally {
            second.close();
        }
    }

    private FakePipelines.Run run(String suffix) {
        return fakes.pipelines().runs().stream().filter(r -> r.branch.endsWith(suffix)).findFirst().orElseThrow();
    }
}
