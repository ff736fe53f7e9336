package dev.codeagent.runner.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codeagent.contracts.check.CheckRunRequest;
import dev.codeagent.contracts.command.RepositoryRef;
import dev.codeagent.platform.http.ServiceHttpClients;
import dev.codeagent.platform.web.ApiProblemException;
import dev.codeagent.runner.FakeAdapter;
import dev.codeagent.runner.config.Isolation;
import dev.codeagent.runner.config.RunnerProperties;
import dev.codeagent.runner.exec.CheckExecutor;
import dev.codeagent.runner.exec.CheckInfrastructureFailure;
import dev.codeagent.runner.exec.Execution;
import dev.codeagent.runner.exec.Invocation;
import dev.codeagent.runner.exec.RunControl;
import dev.codeagent.runner.sandbox.Sandboxes;
import dev.codeagent.runner.sandbox.TreeFetcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.client.RestClient;

/**
 * A check whose infrastructure gave way (an evicted pod) is no result: the run answers 503 with Retry-After, which
 * the orchestrator repeats like any transient failure, instead of a failed check it would try to repair.
 */
class CheckRunnerInfrastructureTest {

    @TempDir
    Path work;

    @Test
    void anInterruptedCheckMakesTheRunRetryableAndLeavesNoSandbox() throws Exception {
        String commit = "a".repeat(40);
        try (FakeAdapter adapter = new FakeAdapter("t");
                ServiceHttpClients clients = new ServiceHttpClients(
                        RestClient.builder().defaultHeader("Authorization", "Bearer t"), Duration.ofSeconds(5),
                        Duration.ofSeconds(5))) {
            adapter.tree(commit, Map.of("Makefile", "all:\n\ttrue\n", ".codeagent.yml",
                    "checks:\n  - name: build\n    run: make\n"));
            RunnerProperties properties = new RunnerProperties(adapter.url(), Isolation.KUBERNETES, "unix:///none", 1,
                    Duration.ofMinutes(1), 1, DataSize.ofGigabytes(1), 64, 2, DataSize.ofKilobytes(64), "img",
                    work, DataSize.ofMegabytes(10), 100, null, Duration.ofSeconds(42),
                    new RunnerProperties.Kubernetes(null, "busybox", 0, null, Duration.ofMinutes(1),
                            Duration.ofMinutes(1), "", DataSize.ofGigabytes(1),
                            RunnerProperties.Kubernetes.Placement.DEFAULT, RunnerProperties.Kubernetes.Cache.NONE));
            CheckExecutor evicting = new CheckExecutor() {
                @Override
                public Isolation isolation() {
                    return Isolation.KUBERNETES;
                }

                @Override
                public Execution run(Invocation invocation) {
                    throw new CheckInfrastructureFailure("the pod was evicted (Evicted: low on ephemeral storage)");
                }

                @Override
                public Readiness readiness() {
                    return new Readiness(true, "");
                }
            };
            CheckRunner runner = new CheckRunner(new TreeFetcher(clients, adapter.url(), Duration.ofSeconds(5),
                    properties.maxTreeSize().toBytes()), new Sandboxes(work), evicting, properties);

            assertThatThrownBy(() -> runner.run(new CheckRunRequest("job-1-0", "job", 1, 0,
                    new RepositoryRef("local", "org", "proj", "repo", null), commit), new RunControl()))
                    .isInstanceOfSatisfying(ApiProblemException.class, problem -> {
                        assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                        assertThat(problem.retryAfter()).isEqualTo(Duration.ofSeconds(42));
                        assertThat(problem.getMessage()).contains("build", "evicted");
                    });
            try (var left = Files.list(work)) {
                assertThat(left).as("the sandbox is removed").isEmpty();
            }
        }
    }
}
