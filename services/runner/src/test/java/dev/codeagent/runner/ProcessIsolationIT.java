package dev.codeagent.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.contracts.check.CheckOutcome;
import dev.codeagent.contracts.check.CheckRunResult;
import dev.codeagent.contracts.check.CheckSource;
import dev.codeagent.contracts.check.CheckStatus;
import dev.codeagent.contracts.check.TestCounts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The runner end to end with process isolation: a loopback adapter serves real zips, the checks are shell commands,
 * and the answers are the contract's {@link CheckRunResult}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "codeagent.platform.internal-token=" + ProcessIsolationIT.TOKEN,
        "codeagent.runner.isolation=process",
        "codeagent.runner.concurrency=1",
        "codeagent.runner.timeout=2m",
        "codeagent.runner.repair=2",
        "codeagent.runner.busy-retry-after=7s"})
class ProcessIsolationIT {

    static final String TOKEN = "runner-test-token-0123456789";
    static final FakeAdapter ADAPTER = start();
    static final AtomicInteger COMMITS = new AtomicInteger();

    @TempDir
    static Path work;

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("codeagent.runner.adapter-url", ADAPTER::url);
        registry.add("codeagent.runner.work-dir", () -> work.resolve("sandboxes").toString());
    }

    @AfterAll
    static void stop() {
        ADAPTER.close();
    }

    @Test
    void configuredChecksPassWithTheirTestCounts() throws Exception {
        String commit = tree(Map.of(".codeagent.yml", """
                checks:
                  - name: build
                    run: ./build.sh
                  - name: test
                    run: mkdir -p reports && cp junit.xml reports/TEST-app.xml && echo tests ran
                    junit: "reports/*.xml"
                repair: 1
                """, "build.sh", "#!/bin/sh\necho compiled\n", "junit.xml", """
                <testsuite><testcase classname="app.AppTest" name="a"/><testcase classname="app.AppTest" name="b"/>
                <testcase classname="app.AppTest" name="c"><skipped/></testcase></testsuite>
                """));

        CheckRunResult result = run("pass", commit);

        assertThat(result.source()).isEqualTo(CheckSource.CONFIGURED);
        assertThat(result.passed()).isTrue();
        assertThat(result.isolation()).isEqualTo("process");
        assertThat(result.image()).isNull();
        assertThat(result.repair()).isEqualTo(1);
        assertThat(result.checks()).extracting(CheckOutcome::name, CheckOutcome::status, CheckOutcome::exitCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("build", CheckStatus.PASSED, 0),
                        org.assertj.core.groups.Tuple.tuple("test", CheckStatus.PASSED, 0));
        assertThat(result.tests()).isEqualTo(new TestCounts(2, 0, 1));
        assertThat(result.log()).contains("$ ./build.sh", "compiled", "tests ran");
        assertThat(Files.list(work.resolve("sandboxes"))).as("sandboxes are removed").isEmpty();
    }

    @Test
    void aFailingTestIsNamedAndLaterChecksAreSkipped() throws Exception {
        String commit = tree(Map.of(".codeagent.yml", """
                checks:
                  - name: test
                    run: mkdir -p out && cp junit.xml out/TEST-login.xml && echo "FAILED tests/test_login.py::t - x" && exit 1
                    junit: "**/out/*.xml"
                  - name: lint
                    run: echo never
                """, "junit.xml", """
                <testsuite><testcase classname="LoginTest" name="ok"/>
                <testcase classname="LoginTest" name="rejectsEmpty"><failure message="expected false"/></testcase>
                </testsuite>
                """));

        CheckRunResult result = run("fail", commit);

        assertThat(result.passed()).isFalse();
        CheckOutcome test = result.checks().get(0);
        assertThat(test.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(test.exitCode()).isEqualTo(1);
        assertThat(test.tests()).isEqualTo(new TestCounts(1, 1, 0));
        assertThat(test.failingTests()).containsExactly("LoginTest.rejectsEmpty: expected false");
        assertThat(test.errors()).containsExactly("FAILED tests/test_login.py::t - x");
        assertThat(result.checks().get(1).status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(result.log()).doesNotContain("never\n");
    }

    @Test
    void aCheckPastItsTimeoutIsKilledAndReported() throws Exception {
        Path pid = work.resolve("sleeper.pid");
        String commit = tree(Map.of(".codeagent.yml", """
                checks:
                  - name: hang
                    run: sleep 300 & echo $! > %s; wait
                timeout: 2s
                """.formatted(pid)));

        CheckRunResult result = run("timeout", commit);

        CheckOutcome hang = result.checks().get(0);
        assertThat(hang.status()).isEqualTo(CheckStatus.TIMED_OUT);
        assertThat(hang.exitCode()).isNull();
        assertThat(hang.errors()).first().asString().startsWith("Killed after 2 s");
        ProcessHandle sleeper = ProcessHandle.of(Long.parseLong(Files.readString(pid).strip())).orElse(null);
        if (sleeper != null) {
            sleeper.onExit().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aRunIsCancelledAndABusyRunnerAnswers503() throws Exception {
        Path started = work.resolve("cancel.started");
        String commit = tree(Map.of(".codeagent.yml", """
                checks:
                  - name: long
                    run: touch %s && sleep 300
                  - name: after
                    run: echo after
                """.formatted(started)));
        CompletableFuture<HttpResponse<String>> pending = http.sendAsync(post("cancel-1", commit),
                HttpResponse.BodyHandlers.ofString());
        Instant deadline = Instant.now().plusSeconds(60);
        while (!Files.exists(started) && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
        }
        assertThat(started).exists();

        HttpResponse<String> busy = http.send(post("other", commit), HttpResponse.BodyHandlers.ofString());
        assertThat(busy.statusCode()).isEqualTo(503);
        assertThat(busy.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(busy.body()).contains("check slots");

        assertThat(delete("cancel-1").statusCode()).isEqualTo(202);
        CheckRunResult result = json.readValue(pending.get(60, TimeUnit.SECONDS).body(), CheckRunResult.class);
        assertThat(result.checks()).extracting(CheckOutcome::status)
                .containsExactly(CheckStatus.CANCELLED, CheckStatus.CANCELLED);
        assertThat(result.passed()).isFalse();
        assertThat(delete("cancel-1").statusCode()).isEqualTo(404);
    }

    @Test
    void aBadConfigurationIsReportedWithItsLineAndRunsNothing() throws Exception {
        String commit = tree(Map.of(".codeagent.yml", "checks:\n  - name: build\n    run: make\ntimout: 5m\n",
                "mvnw", "#!/bin/sh\n"));

        CheckRunResult result = run("bad-config", commit);

        assertThat(result.source()).isEqualTo(CheckSource.NONE);
        assertThat(result.configError()).startsWith("line 4: unknown key \"timout\"");
        assertThat(result.checks()).isEmpty();
        assertThat(result.passed()).isFalse();
        assertThat(result.repair()).isZero();
    }

    @Test
    void aTreeWithNothingToRunRunsNothing() throws Exception {
        CheckRunResult result = run("nothing", tree(Map.of("README.md", "# hello\n")));

        assertThat(result.source()).isEqualTo(CheckSource.NONE);
        assertThat(result.configError()).isNull();
        assertThat(result.checks()).isEmpty();
    }

    @Test
    void aTreeTheAdapterCannotServeIs502AndBadInput400() throws Exception {
        HttpResponse<String> missing = http.send(post("missing", "f".repeat(40)), HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(502);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));

        HttpResponse<String> invalid = http.send(post("bad id!", "abc"), HttpResponse.BodyHandlers.ofString());
        assertThat(invalid.statusCode()).isEqualTo(400);
    }

    private CheckRunResult run(String runId, String commit) throws Exception {
        HttpResponse<String> response = http.send(post(runId, commit), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readValue(response.body(), CheckRunResult.class);
    }

    private HttpRequest post(String runId, String commit) {
        String body = """
                {"runId":"%s","jobId":"job-1","k":1,"round":0,"commit":"%s",
                 "repository":{"provider":"local","organization":"local","project":"local","repository":"demo"}}
                """.formatted(runId, commit);
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/checks/runs"))
                .timeout(Duration.ofMinutes(3))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<String> delete(String runId) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/checks/runs/" + runId))
                .header("Authorization", "Bearer " + TOKEN).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String tree(Map<String, String> files) throws Exception {
        String commit = String.format("%040x", COMMITS.incrementAndGet());
        ADAPTER.tree(commit, files);
        return commit;
    }

    private static FakeAdapter start() {
        try {
            return new FakeAdapter(TOKEN);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
