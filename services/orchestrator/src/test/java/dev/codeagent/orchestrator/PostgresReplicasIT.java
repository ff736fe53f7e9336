package dev.codeagent.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.contracts.command.StartJobRequest;
import dev.codeagent.contracts.command.StartJobResponse;
import dev.codeagent.contracts.job.JobView;
import dev.codeagent.contracts.job.Outcome;
import dev.codeagent.orchestrator.fake.FakeRepository;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * PostgreSQL: crash recovery by a replacement instance (inherited), and two live replicas sharing one
 * database without running any step twice.
 */
class PostgresReplicasIT extends AbstractCrashRecoveryIT {

    @Override
    Map<String, String> database() {
        return Instances.postgres();
    }

    @Override
    String name() {
        return "pg";
    }

    @Test
    void twoReplicasShareTheWorkWithoutDuplicates() {
        fakes.reset();
        Map<String, String> database = Instances.postgres();
        FakeRepository repo = fakes.repository("replicas-pg");
        ConfigurableApplicationContext a = Instances.start("replica-a", database);
        ConfigurableApplicationContext b = Instances.start("replica-b", database);
        try {
            OrchestratorTestClient clientA = new OrchestratorTestClient(Instances.port(a));
            OrchestratorTestClient clientB = new OrchestratorTestClient(Instances.port(b));
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                StartJobRequest request = OrchestratorTestClient.edit(repo.name, 9100 + i, 3, "Shared work " + i);
                // The same command reaches both replicas at once: one job, one 202, one 200.
                CompletableFuture<HttpResponse<String>> viaA = CompletableFuture.supplyAsync(
                        () -> clientA.post("/api/orchestrators/edit-variants", request));
                CompletableFuture<HttpResponse<String>> viaB = CompletableFuture.supplyAsync(
                        () -> clientB.post("/api/orchestrators/edit-variants", request));
                HttpResponse<String> ra = viaA.join();
                HttpResponse<String> rb = viaB.join();
                assertThat(List.of(ra.statusCode(), rb.statusCode())).containsExactlyInAnyOrder(200, 202);
                String idA = clientA.read(ra, StartJobResponse.class).id();
                assertThat(clientB.read(rb, StartJobResponse.class).id()).isEqualTo(idA);
                ids.add(idA);
            }
            for (String id : ids) {
                JobView job = (ids.indexOf(id) % 2 == 0 ? clientA : clientB).awaitFinished(id, Duration.ofSeconds(60));
                assertThat(job.outcome()).isEqualTo(Outcome.SUCCESS);
            }
            assertThat(repo.agentBranches()).hasSize(12);
            assertThat(repo.pullRequests).hasSize(12);
            assertThat(repo.branchCreations.values()).containsOnly(1);
            repo.commits.values().forEach(commits -> assertThat(commits).hasSize(1));
            // Every step ran exactly once: one patch generation and one commit per variant.
            assertThat(fakes.count("POST", "/api/patches")).isEqualTo(12);
            assertThat(fakes.count("POST", "/" + repo.name + "/commits")).isEqualTo(12);
            // Two selection calls per job: the first names the contents the repository map needs, the second ranks.
            assertThat(fakes.count("POST", "/api/context/select")).isEqualTo(8);
        } finally {
            a.close();
            b.close();
        }
    }
}
