package dev.codeagent.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.contracts.command.StartJobResponse;
import dev.codeagent.contracts.job.JobView;
import dev.codeagent.contracts.job.Outcome;
import dev.codeagent.contracts.job.RuntimeStatus;
import dev.codeagent.orchestrator.fake.FakeRepository;
import dev.codeagent.orchestrator.fake.FakeServices;
import dev.codeagent.orchestrator.fake.Fault;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An instance stops in the middle of a job, after the git host applied its commits but before it recorded
 * them; a new instance on the same database resumes the job, and the git host ends up with exactly N
 * branches, N commits and N draft pull requests.
 */
abstract class AbstractCrashRecoveryIT {

    final FakeServices fakes = TestFakes.get();

    abstract Map<String, String> database();

    /**
     * A graceful stop lets interrupted steps record their failure; kill -9 does not. Put the variant
     * executions back in the state a killed replica leaves behind (picked, heartbeat stale) so that the
     * new instance has to take them over through db-scheduler's dead-execution handling.
     */
    static int leaveAsAfterKill(Map<String, String> database) {
        try (Connection c = DriverManager.getConnection(database.get("spring.datasource.url"),
                database.getOrDefault("spring.datasource.username", "sa"),
                database.getOrDefault("spring.datasource.password", ""));
                PreparedStatement update = c.prepareStatement("update scheduled_tasks set picked = true, "
                        + "picked_by = 'killed-replica', last_heartbeat = ?, version = version + 1 "
                        + "where task_name = 'codeagent-job-variant'")) {
            update.setObject(1, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(10));
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    abstract String name();

    @Test
    void jobResumesAfterTheInstanceStopsMidJob() {
        fakes.reset();
        Map<String, String> database = database();
        FakeRepository repo = fakes.repository("crash-" + name());
        CountDownLatch gate = new CountDownLatch(1);
        Fault held = Fault.gate("POST", "/" + repo.name + "/commits", null, 3, gate, true);
        fakes.addFault(held);

        ConfigurableApplicationContext first = Instances.start("first-" + name(), database);
        String jobId;
        try {
            OrchestratorTestClient client = new OrchestratorTestClient(Instances.port(first));
            HttpResponse<String> response = client.post("/api/orchestrators/edit-variants",
                    OrchestratorTestClient.edit(repo.name, 9001, 3, "Survive a crash"));
            assertThat(response.statusCode()).isEqualTo(202);
            jobId = client.read(response, StartJobResponse.class).id();
            AbstractWorkflowIT.awaitCondition(() -> held.hits() == 3);
        } finally {
            first.close();
            gate.countDown();
        }
        assertThat(repo.commits.values().stream().mapToInt(java.util.List::size).sum()).isEqualTo(3);
        assertThat(repo.pullRequests).isEmpty();
        assertThat(leaveAsAfterKill(database)).as("variant executions left in flight").isEqualTo(3);

        ConfigurableApplicationContext second = Instances.start("second-" + name(), database);
        try {
            OrchestratorTestClient client = new OrchestratorTestClient(Instances.port(second));
            JobView job = client.awaitFinished(jobId, Duration.ofSeconds(60));
            assertThat(job.runtimeStatus()).isEqualTo(RuntimeStatus.Completed);
            assertThat(job.outcome()).isEqualTo(Outcome.SUCCESS);
            assertThat(repo.agentBranches()).hasSize(3);
            assertThat(repo.branchCreations.values()).containsOnly(1);
            assertThat(repo.commits).hasSize(3);
            repo.commits.values().forEach(commits -> assertThat(commits).hasSize(1));
            assertThat(repo.pullRequests).hasSize(3);
            assertThat(repo.comments.values().stream().filter(c -> c.contains("kind=summary")).count()).isEqualTo(1);
            assertThat(repo.comments.values().stream().filter(c -> c.contains("kind=progress")).count()).isEqualTo(1);
        } finally {
            second.close();
        }
    }
}
