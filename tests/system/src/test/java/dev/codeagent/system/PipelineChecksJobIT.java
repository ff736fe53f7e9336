package dev.codeagent.system;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.codeagent.system.StackClient.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Azure DevOps pipelines as the checks of a job, across the real gateway, orchestrator, adapter (its
 * {@code azure-devops} provider) and llm-patch (the offline model: three distinct variants), with Azure DevOps played
 * by {@link FakeAzureDevOps} in the REST 7.1 shapes. The job starts as a user's does: a service-hook delivery of a
 * {@code @CodeAgent /edit /3 …} comment to {@code POST /webhook/ado} with the subscription's Basic credentials and
 * secret header. With {@code CODEAGENT_ADO_CHECK_PIPELINES=Payments-CI} and no runner, each variant's commit gets one
 * run of the pipeline (resolved by name through Pipelines - List) queued on its own branch; the orchestrator is
 * killed (SIGKILL) while all three runs are in progress and started again on the same data directory, follows the
 * recorded runs (Runs - Get) without queueing any again, and once Azure DevOps completes them — variant 1 failed with
 * 2 of 40 tests failing, variant 2 succeeded with 40 tests passing, variant 3 succeeded with 38 — reads the test
 * results (Test Runs - List by build, Statistics, the failed Results) and ranks the variants by them: variant 2 first,
 * though variant 3's diff is smaller. The thread's summary, the job API and each variant pull request's
 * {@code codeagent/checks} status say so, and the table's Build cells link to the runs.
 */
@ExtendWith(ServiceJarsBuilt.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineChecksJobIT {

    static final String PIPELINE = "Payments-CI";
    static final long PIPELINE_ID = 42;
    static final String RUNS = FakeAzureDevOps.PROJECT_PATH + "/pipelines/" + PIPELINE_ID + "/runs";
    static final String INTENT = "Add input validation to the login handler";
    static final Map<String, Object> DANA = Map.of("displayName", "Dana Developer",
            "id", "2c9d1e7f-6a4b-4d3c-9e8f-0a1b2c3d4e5f", "uniqueName", "dana@contoso.example");
    static final String HOOK_USER = "azure-devops-service-hook";
    /** How a comment addresses the agent in Azure DevOps: a mention of its identity. */
    static final String MENTION = "@<7F3A2B1C-0D4E-4F5A-8B6C-9D0E1F2A3B4C> ";
    static final String FAILED_TEST = "com.example.auth.AuthenticationTest.blankUserNameIsRejected";
    static final String OTHER_FAILED_TEST = "com.example.auth.AuthenticationTest.blankPasswordIsRejected";
    /** A Maven compile error as the Maven task reports it as an issue of its timeline record. */
    static final String COMPILE_ERROR = "src/main/java/com/example/auth/LoginHandler.java:[14,9] ';' expected";
    /** The same in the failure comment, where brackets are escaped so that nothing becomes a link. */
    static final String COMPILE_ERROR_SHOWN = COMPILE_ERROR.replace("[", "\\[").replace("]", "\\]");

    static FakeAzureDevOps ado;
    static ServiceStack stack;
    static StackClient client;
    static String hookPassword;
    static long pullRequestId;
    static long threadId;
    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void startStack() throws IOException {
        Path root = ServiceStack.root();
        Path dataDir = Files.createTempDirectory(Files.createDirectories(root.resolve("tests/system/target")),
                "PipelineChecksJobIT-");
        ado = new FakeAzureDevOps(dataDir.resolve("azure-devops.git"));
        ado.definePipeline(7, "Docs", "\\docs");
        ado.definePipeline(PIPELINE_ID, PIPELINE, "\\");
        ado.member((String) DANA.get("id"), (String) DANA.get("uniqueName"), (String) DANA.get("displayName"), true);
        openPullRequestWithCommand(DemoSample.files(root));

        hookPassword = UUID.randomUUID().toString();
        Map<String, Map<String, String>> settings = new LinkedHashMap<>();
        settings.put(ServiceStack.ADAPTER, Map.of(
                "CODEAGENT_ADO_BASE_URL", ado.baseUrl(),
                "CODEAGENT_ADO_PAT", FakeAzureDevOps.PAT,
                "CODEAGENT_ADO_RETRY_BACKOFF", "200ms"));
        settings.put(ServiceStack.LLM_PATCH, Map.of("CODEAGENT_LLM_PROVIDERS", "offline"));
        settings.put(ServiceStack.ORCHESTRATOR, Map.of(
                // No runner: the pipeline is the only check, so there is nothing to detect or repair locally.
                "CODEAGENT_RUNNER_URL", "",
                "CODEAGENT_ADO_CHECK_PIPELINES", PIPELINE,
                "CODEAGENT_ADO_CHECK_POLL_INTERVAL", "1s",
                // A step that was running when the process was killed is taken over after 4 s, not a minute.
                "CODEAGENT_SCHEDULER_HEARTBEAT_INTERVAL", "1s",
                "CODEAGENT_SCHEDULER_MISSED_HEARTBEATS", "4"));
        settings.put(ServiceStack.GATEWAY, Map.of(
                "CODEAGENT_WEBHOOK_USERNAME", HOOK_USER,
                "CODEAGENT_WEBHOOK_PASSWORD", hookPassword,
                "CODEAGENT_ADO_ORGANIZATION", FakeAzureDevOps.ORGANIZATION,
                "CODEAGENT_ALLOWED_PROJECTS", FakeAzureDevOps.PROJECT));
        stack = ServiceStack.start(root, dataDir, settings);
        client = new StackClient(stack);
    }

    /**
     * The repository as a team has it: the sample on {@code main}, a feature branch that changes the README, Dana's
     * pull request from it, and her command as the first comment of a new thread.
     */
    private static void openPullRequestWithCommand(Map<String, String> files) {
        FakeAdoGit git = ado.git();
        List<FakeAdoGit.Change> initial = new ArrayList<>();
        files.forEach((path, content) -> initial.add(new FakeAdoGit.Change("add", path, null,
                content.getBytes(StandardCharsets.UTF_8))));
        String main = git.commit(null, initial, "Login handler with its tests",
                FakeAdoGit.ident("Dana Developer", "dana@contoso.example"));
        git.setRef("refs/heads/main", main);
        String feature = git.commit(main, List.of(new FakeAdoGit.Change("edit", "README.md", null,
                (files.get("README.md") + "\nLogins are rate limited.\n").getBytes(StandardCharsets.UTF_8))),
                "Document the rate limit", FakeAdoGit.ident("Dana Developer", "dana@contoso.example"));
        git.setRef("refs/heads/feature/login-rate-limit", feature);
        pullRequestId = ado.openPullRequest("refs/heads/feature/login-rate-limit", "refs/heads/main",
                "Login: rate limiting and audit log", "Adds rate limiting to the login endpoint.", DANA);
        threadId = ado.comment(pullRequestId, DANA, MENTION + "/edit /3 " + INTENT);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
        if (ado != null) {
            ado.close();
        }
    }

    @Test
    @Order(1)
    void pipelineRunsPerVariantSurviveAnOrchestratorKillAndRankTheVariants() throws Exception {
        WireMockServer server = ado.server();
        StackClient.Job job = deliverCommand(threadId);

        await("three runs of " + PIPELINE + " queued", Duration.ofMinutes(2), () -> ado.runs().size() >= 3, job);
        server.verify(getRequestedFor(urlPathEqualTo(FakeAzureDevOps.PROJECT_PATH + "/pipelines"))
                .withQueryParam("api-version", equalTo("7.1")));
        JsonNode running = client.job(job);
        Map<Integer, FakeAdoPipelines.Run> runOf = new HashMap<>();
        for (JsonNode v : running.get("variants")) {
            String ref = "refs/heads/" + v.get("branch").asString();
            assertThat(ref).startsWith("refs/heads/agents/");
            FakeAdoPipelines.Run run = ado.runs().stream().filter(r -> r.refName.equals(ref)).findFirst()
                    .orElseThrow(() -> new AssertionError("no run on " + ref + ": " + ado.runs()));
            // Queued at the variant's commit: the run builds exactly what was checked.
            assertThat(run.version).isEqualTo(ado.git().head(ref).orElseThrow());
            assertThat(run.state).isEqualTo("inProgress");
            server.verify(1, postRequestedFor(urlPathEqualTo(RUNS)).withQueryParam("api-version", equalTo("7.1"))
                    .withRequestBody(matchingJsonPath("$.resources.repositories.self.refName", equalTo(ref))));
            runOf.put(v.get("k").asInt(), run);
        }
        assertThat(runOf).hasSize(3);
        assertThat(runOf.values().stream().map(r -> r.refName).distinct()).hasSize(3);

        // All three runs are in progress in Azure DevOps: the orchestrator dies at once, and comes back on its data.
        stack.kill(ServiceStack.ORCHESTRATOR);
        Map<Long, Integer> readBeforeRestart = new HashMap<>();
        runOf.values().forEach(r -> readBeforeRestart.put(r.id, server.countRequestsMatching(runRead(r).build())
                .getCount()));
        stack.restart(ServiceStack.ORCHESTRATOR, Map.of());
        await("every run read again after the restart", Duration.ofSeconds(60), () -> runOf.values().stream()
                .allMatch(r -> server.countRequestsMatching(runRead(r).build()).getCount()
                        > readBeforeRestart.get(r.id)), job);
        server.verify(3, postRequestedFor(urlPathEqualTo(RUNS)));

        ado.completeRun(runOf.get(1).id, "failed", new FakeAdoPipelines.Published(38,
                List.of(FAILED_TEST, OTHER_FAILED_TEST), "expected: <false> but was: <true>\n\tat com.example.auth"));
        ado.completeRun(runOf.get(2).id, "succeeded", new FakeAdoPipelines.Published(40, List.of(), null));
        ado.completeRun(runOf.get(3).id, "succeeded", new FakeAdoPipelines.Published(38, List.of(), null));
        JsonNode view = client.awaitFinished(job, Duration.ofMinutes(2));

        // Not one run more: neither the restart nor the completion queued again.
        server.verify(3, postRequestedFor(urlPathEqualTo(RUNS)));
        for (FakeAdoPipelines.Run run : runOf.values()) {
            server.verify(getRequestedFor(urlPathEqualTo(FakeAzureDevOps.PROJECT_PATH + "/test/runs"))
                    .withQueryParam("buildUri", equalTo("vstfs:///Build/Build/" + run.id)));
        }
        assertThat(view.get("runtimeStatus").asString()).as("%s", view).isEqualTo("Completed");
        JsonNode failed = view.get("variants").get(0);
        JsonNode best = view.get("variants").get(1);
        JsonNode fewer = view.get("variants").get(2);
        assertRound(failed, runOf.get(1), "failed", 38, 2);
        assertThat(failed.get("checks").get(0).get("checks").get(0).get("failingTests").get(0).asString())
                .isEqualTo(FAILED_TEST + ": expected: <false> but was: <true>");
        assertRound(best, runOf.get(2), "passed", 40, 0);
        assertRound(fewer, runOf.get(3), "passed", 38, 0);
        // Variant 3 changed fewer lines than variant 2; more passing tests rank first all the same.
        assertThat(fewer.get("linesAdded").asInt()).isLessThan(best.get("linesAdded").asInt());
        assertThat(best.get("rank").asInt()).isEqualTo(1);
        assertThat(best.get("recommended").asBoolean()).isTrue();
        assertThat(fewer.get("rank").asInt()).isEqualTo(2);
        assertThat(failed.get("rank").asInt()).isEqualTo(3);
        assertThat(view.get("recommendedVariant").asInt()).isEqualTo(2);
        assertThat(view.get("recommendation").asString()).isEqualTo("checks pass; most tests pass (40)");

        String summary = summary(threadId);
        assertThat(row(summary, 1)).contains("| [failed](" + ado.runWebUrl(runOf.get(1).id) + ") | 38 passed, 2 failed"
                + " | 0 | 3 |");
        assertThat(row(summary, 2)).contains("| [passed](" + ado.runWebUrl(runOf.get(2).id) + ") | 40 passed, 0 failed"
                + " | 0 | 1 · **recommended** |");
        assertThat(row(summary, 3)).contains("| [passed](" + ado.runWebUrl(runOf.get(3).id) + ") | 38 passed, 0 failed"
                + " | 0 | 2 |");
        assertThat(summary).contains("**Recommended: variant 2** — checks pass; most tests pass (40).");

        assertChecksStatus(failed, "failed");
        assertChecksStatus(best, "succeeded");
        assertChecksStatus(fewer, "succeeded");
        assertThat(String.join("\n", ado.comments(failed.get("pullRequestId").asLong())))
                .contains("Code Agent checks failed").contains(FAILED_TEST).contains(OTHER_FAILED_TEST);
        // The original pull request's codeagent/edit status ended as the job did.
        assertThat(ado.pullRequest(pullRequestId).latestStatus("codeagent", "edit").orElseThrow())
                .containsEntry("state", "succeeded");
        assertThat(ado.unmatched()).as("calls the fake does not answer").isEmpty();
    }

    /**
     * A second command in a new thread, {@code /edit /1}: the answer to its Runs - Run Pipeline is lost (the run is
     * queued, the connection reset), so the adapter finds the run through Builds - List instead of queueing a second
     * one; the run is then canceled in Azure DevOps, which the variant's round reports as {@code cancelled}, linked
     * to the run, without test counts, and its pull request's {@code codeagent/checks} as {@code error}.
     */
    @Test
    @Order(2)
    void aLostQueueAnswerQueuesNoSecondRunAndACanceledRunIsReported() throws Exception {
        WireMockServer server = ado.server();
        long thread = ado.comment(pullRequestId, DANA, MENTION + "/edit /1 "
                + "Log each failed login attempt");
        int before = ado.runs().size();
        ado.loseNextQueueAnswer();
        StackClient.Job job = deliverCommand(thread);

        await("the run queued", Duration.ofMinutes(2), () -> ado.runs().size() > before, job);
        FakeAdoPipelines.Run run = ado.runs().get(before);
        await("the run found and read", Duration.ofSeconds(60), () -> server.countRequestsMatching(runRead(run).build())
                .getCount() > 0, job);
        server.verify(1, postRequestedFor(urlPathEqualTo(RUNS))
                .withRequestBody(matchingJsonPath("$.resources.repositories.self.refName", equalTo(run.refName))));
        // Looked for before the queue call and, after the lost answer, found.
        server.verify(2, getRequestedFor(urlPathEqualTo(FakeAzureDevOps.PROJECT_PATH + "/build/builds"))
                .withQueryParam("definitions", equalTo(Long.toString(PIPELINE_ID)))
                .withQueryParam("branchName", equalTo(run.refName)));

        ado.completeRun(run.id, "canceled", null);
        JsonNode view = client.awaitFinished(job, Duration.ofMinutes(2));

        assertThat(ado.runs()).hasSize(before + 1);
        JsonNode variant = view.get("variants").get(0);
        assertThat("refs/heads/" + variant.get("branch").asString()).isEqualTo(run.refName);
        JsonNode round = variant.get("checks").get(0);
        assertThat(round.get("passed").asBoolean()).as("%s", round).isFalse();
        assertThat(round.get("tests").isNull()).as("%s", round).isTrue();
        JsonNode check = round.get("checks").get(0);
        assertThat(check.get("status").asString()).isEqualTo("cancelled");
        assertThat(check.get("url").asString()).isEqualTo(ado.runWebUrl(run.id));
        assertThat(check.get("errors").get(0).asString()).isEqualTo("The run was canceled in Azure DevOps");
        String summary = summary(thread);
        assertThat(row(summary, 1)).contains("| [cancelled](" + ado.runWebUrl(run.id) + ") | — |");
        // A canceled run says nothing about the code: the pull request is not told that it failed.
        long pr = variant.get("pullRequestId").asLong();
        assertThat(ado.pullRequest(pr).latestStatus("codeagent", "checks").orElseThrow())
                .containsEntry("state", "error")
                .containsEntry("description", "Code Agent checks did not finish: Payments-CI was cancelled");
        assertThat(ado.comments(pr)).noneMatch(c -> c.contains("Code Agent checks failed"));
        assertThat(ado.unmatched()).as("calls the fake does not answer").isEmpty();
    }

    /**
     * Why a run failed, and a run cancelled. A third command, {@code /edit /2}: Azure DevOps fails variant 1's run
     * without published test results, the failed task of its timeline carrying the compiler's error, and variant 2's
     * run succeeds; that error (Timeline - Get, {@code step: message}) is the check's error line in the job API and
     * in the failure comment on variant 1's pull request. A fourth, {@code /edit /2} again: variant 2's run fails in a
     * step whose only issue is its exit code, so the end of that step's log (Builds - Get Build Logs, Get Build Log)
     * says why; then, while variant 1's run is in progress, {@code /cancel} in the thread: exactly one Builds - Update
     * ({@code status: cancelling}) for that run and none for a completed one, the progress reply says that the job was
     * cancelled, and the job API records the run stopped and its cancellation.
     */
    @Test
    @Order(3)
    void aRunThatFailedWithoutTestsIsExplainedAndCancelInTheThreadCancelsTheRunningRun() throws Exception {
        StackClient.Job job = deliverCommand(ado.comment(pullRequestId, DANA, MENTION + "/edit /2 "
                + "Reject user names with control characters"));
        Map<Integer, FakeAdoPipelines.Run> runOf = awaitRuns(job, 2);

        ado.failRun(runOf.get(1).id, new FakeAdoPipelines.Failure("Maven pom.xml", List.of(COMPILE_ERROR),
                List.of("[INFO] BUILD FAILURE")));
        ado.completeRun(runOf.get(2).id, "succeeded", new FakeAdoPipelines.Published(40, List.of(), null));
        JsonNode view = client.awaitFinished(job, Duration.ofMinutes(2));

        assertThat(view.get("runtimeStatus").asString()).as("%s", view).isEqualTo("Completed");
        JsonNode failedRound = view.get("variants").get(0).get("checks").get(0);
        assertThat(failedRound.get("passed").asBoolean()).as("%s", failedRound).isFalse();
        assertThat(failedRound.get("tests").isNull()).as("%s", failedRound).isTrue();
        JsonNode failed = failedRound.get("checks").get(0);
        assertThat(failed.get("status").asString()).isEqualTo("failed");
        assertThat(failed.get("failingTests")).isEmpty();
        assertThat(failed.get("errors")).extracting(JsonNode::asString)
                .containsExactly("Maven pom.xml: " + COMPILE_ERROR);
        WireMockServer server = ado.server();
        server.verify(getRequestedFor(urlPathEqualTo(build(runOf.get(1)) + "/timeline"))
                .withQueryParam("api-version", equalTo("7.1")));
        // The issue names the error: no log is read, and a run that succeeded is not asked why.
        server.verify(0, getRequestedFor(urlPathMatching(build(runOf.get(1)) + "/logs.*")));
        server.verify(0, getRequestedFor(urlPathEqualTo(build(runOf.get(2)) + "/timeline")));
        long failedPr = view.get("variants").get(0).get("pullRequestId").asLong();
        assertChecksStatus(view.get("variants").get(0), "failed");
        assertChecksStatus(view.get("variants").get(1), "succeeded");
        assertThat(String.join("\n", ado.comments(failedPr))).contains("Code Agent checks failed")
                .contains("[run](" + ado.runWebUrl(runOf.get(1).id) + ")")
                .contains("First errors").contains("Maven pom.xml: " + COMPILE_ERROR_SHOWN);

        StackClient.Job toCancel = deliverCommand(ado.comment(pullRequestId, DANA, MENTION + "/edit /2 "
                + "Lock the account after five failed logins"));
        long second = toCancel.threadId();
        Map<Integer, FakeAdoPipelines.Run> running = awaitRuns(toCancel, 2);
        FakeAdoPipelines.Run inProgress = running.get(1);
        FakeAdoPipelines.Run completed = running.get(2);
        List<String> log = List.of("+ ./mvnw -B verify", "[INFO] Compiling 4 source files to target/classes",
                "[ERROR] COMPILATION ERROR :",
                "[ERROR] src/main/java/com/example/auth/LoginHandler.java:[21,16] cannot find symbol",
                "[INFO] BUILD FAILURE", "##[error]Bash exited with code '1'.");
        ado.failRun(completed.id, new FakeAdoPipelines.Failure("Build and test", List.of("Bash exited with code '1'."),
                log));
        await("variant 2's failed run recorded with the end of its log", Duration.ofSeconds(60),
                () -> variantFinished(toCancel, 2), toCancel);
        JsonNode before = client.job(toCancel);
        List<String> expected = new ArrayList<>(List.of("Build and test: Bash exited with code '1'.",
                "End of the log of 'Build and test':"));
        expected.addAll(log);
        assertThat(before.get("variants").get(1).get("checks").get(0).get("checks").get(0).get("errors"))
                .extracting(JsonNode::asString).containsExactlyElementsOf(expected);
        server.verify(getRequestedFor(urlPathEqualTo(build(completed) + "/logs"))
                .withQueryParam("api-version", equalTo("7.1")));
        server.verify(getRequestedFor(urlPathEqualTo(build(completed) + "/logs/4"))
                .withQueryParam("api-version", equalTo("7.1")));
        JsonNode waiting = before.get("variants").get(0).get("pipelineRuns").get(0);
        assertThat(waiting.get("runId").asLong()).isEqualTo(inProgress.id);
        assertThat(waiting.get("state").asString()).isEqualTo("running");
        assertThat(inProgress.state).isEqualTo("inProgress");

        long cancelComment = ado.reply(pullRequestId, second, DANA, MENTION + "/cancel");
        StackClient.Job cancel = deliverCommand(second, cancelComment);
        assertThat(client.awaitFinished(cancel, Duration.ofMinutes(1)).get("runtimeStatus").asString())
                .isEqualTo("Completed");
        JsonNode terminated = client.awaitFinished(toCancel, Duration.ofMinutes(1));
        assertThat(terminated.get("runtimeStatus").asString()).as("%s", terminated).isEqualTo("Terminated");
        await("the run's cancellation recorded", Duration.ofSeconds(60), () -> "canceled".equals(view(toCancel)
                .get("variants").get(0).get("pipelineRuns").get(0).path("cancellation").asString(null)), toCancel);

        // One Builds - Update for the run in progress; none for any run that completed, in this job or before.
        server.verify(1, patchRequestedFor(urlPathEqualTo(build(inProgress))).withQueryParam("api-version",
                equalTo("7.1")).withRequestBody(equalToJson("{\"status\":\"cancelling\"}")));
        server.verify(1, patchRequestedFor(urlPathMatching(FakeAzureDevOps.PROJECT_PATH + "/build/builds/.*")));
        assertThat(inProgress.state).isEqualTo("canceling");
        JsonNode after = client.job(toCancel);
        JsonNode stopped = after.get("variants").get(0);
        assertThat(stopped.get("state").asString()).isEqualTo("cancelled");
        assertThat(stopped.get("pipelineRuns")).hasSize(1);
        JsonNode stoppedRun = stopped.get("pipelineRuns").get(0);
        assertThat(stoppedRun.get("state").asString()).isEqualTo("stopped");
        assertThat(stoppedRun.get("finishedAt").isNull()).isFalse();
        JsonNode completedRun = after.get("variants").get(1).get("pipelineRuns").get(0);
        assertThat(completedRun.get("state").asString()).isEqualTo("completed");
        assertThat(completedRun.get("result").asString()).isEqualTo("failed");
        assertThat(completedRun.path("cancellation").isMissingNode() || completedRun.get("cancellation").isNull())
                .as("%s", completedRun).isTrue();
        assertThat(ado.runs().stream().filter(r -> r.refName.startsWith("refs/heads/" + after.get("variants").get(0)
                .get("branch").asString()))).as("nothing queued again").hasSize(1);
        List<String> replies = ado.comments(pullRequestId, second);
        assertThat(replies).anyMatch(c -> c.contains("is cancelling the running job of this thread"));
        await("the progress reply says the job was cancelled", Duration.ofSeconds(30), () -> ado.comments(
                pullRequestId, second).stream().anyMatch(c -> c.contains("The job was cancelled on request")
                && c.contains("⛔ cancelled")), toCancel);
        assertThat(ado.unmatched()).as("calls the fake does not answer").isEmpty();
    }

    /** The run queued for each of the job's {@code count} variants, by variant number, once all are queued. */
    private Map<Integer, FakeAdoPipelines.Run> awaitRuns(StackClient.Job job, int count) throws IOException {
        Map<Integer, FakeAdoPipelines.Run> runOf = new HashMap<>();
        await(count + " runs queued", Duration.ofMinutes(2), () -> {
            runOf.clear();
            for (JsonNode v : view(job).get("variants")) {
                String ref = "refs/heads/" + v.path("branch").asString("");
                ado.runs().stream().filter(r -> r.refName.equals(ref)).findFirst()
                        .ifPresent(r -> runOf.put(v.get("k").asInt(), r));
            }
            return runOf.size() == count;
        }, job);
        return runOf;
    }

    /** Whether variant {@code k} of the job finished (its last check round recorded). */
    private static boolean variantFinished(StackClient.Job job, int k) {
        String state = view(job).get("variants").get(k - 1).get("state").asString();
        return !state.equals("running") && !state.equals("pending");
    }

    /** The job API's view of the job, for conditions awaited. */
    private static JsonNode view(StackClient.Job job) {
        try {
            return client.job(job);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String build(FakeAdoPipelines.Run run) {
        return FakeAzureDevOps.PROJECT_PATH + "/build/builds/" + run.id;
    }

    /** The service-hook delivery of a command comment, as the subscription sends it, answered 202 with the job. */
    private StackClient.Job deliverCommand(long thread) throws IOException, InterruptedException {
        return deliverCommand(thread, 1);
    }

    /** The service-hook delivery of comment {@code comment} of the thread, answered 202 with the job it started. */
    private StackClient.Job deliverCommand(long thread, long comment) throws IOException, InterruptedException {
        String credentials = Base64.getEncoder().encodeToString((HOOK_USER + ":" + hookPassword)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(stack.url(ServiceStack.GATEWAY)
                        + "/webhook/ado"))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Authorization", "Basic " + credentials)
                .header("X-CodeAgent-Secret", stack.webhookSecret())
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(ado.commentEvent(pullRequestId,
                        thread, comment))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("gateway answer %s", answer.body()).isEqualTo(202);
        return new StackClient.Job(json.readTree(answer.body()).get("jobId").asString(), pullRequestId, thread);
    }

    private static RequestPatternBuilder runRead(FakeAdoPipelines.Run run) {
        return getRequestedFor(urlPathEqualTo(RUNS + "/" + run.id));
    }

    /** The variant's one check round: the pipeline's run, with its result, link and the published test counts. */
    private void assertRound(JsonNode variant, FakeAdoPipelines.Run run, String status, int passed, int failedTests) {
        assertThat(variant.get("state").asString()).as("%s", variant).isEqualTo("succeeded");
        assertThat(variant.get("checks")).as("%s", variant).hasSize(1);
        JsonNode round = variant.get("checks").get(0);
        assertThat(round.get("commit").asString()).isEqualTo(run.version);
        assertThat(round.get("passed").asBoolean()).isEqualTo(status.equals("passed"));
        assertThat(round.get("tests").get("passed").asInt()).isEqualTo(passed);
        assertThat(round.get("tests").get("failed").asInt()).isEqualTo(failedTests);
        JsonNode check = round.get("checks").get(0);
        assertThat(check.get("name").asString()).isEqualTo(PIPELINE);
        assertThat(check.get("status").asString()).isEqualTo(status);
        assertThat(check.get("url").asString()).isEqualTo(ado.runWebUrl(run.id));
    }

    /** The variant pull request's latest {@code codeagent/checks} status, as Azure DevOps received it. */
    private static void assertChecksStatus(JsonNode variant, String state) {
        long id = variant.get("pullRequestId").asLong();
        Map<String, Object> status = ado.pullRequest(id).latestStatus("codeagent", "checks")
                .orElseThrow(() -> new AssertionError("no codeagent/checks status on pull request " + id));
        assertThat(status).as("pull request %d", id).containsEntry("state", state);
        ado.server().verify(postRequestedFor(urlPathEqualTo(FakeAzureDevOps.REPO_PATH + "/pullRequests/" + id
                + "/statuses")).withRequestBody(equalToJson("{\"state\":\"" + state + "\",\"context\":"
                + "{\"genre\":\"codeagent\",\"name\":\"checks\"}}", true, true)));
    }

    /** The agent's comment in the command's thread that holds the comparison table. */
    private static String summary(long thread) {
        List<String> comments = ado.comments(pullRequestId, thread);
        return comments.stream().filter(c -> c.contains("| Variant |")).reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no summary table in thread " + thread + ": " + comments));
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition, StackClient.Job job)
            throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what + "; runs " + ado.runs()
                        + ", unmatched calls " + ado.unmatched() + ", job " + client.job(job)
                        + "\norchestrator log:\n" + stack.logTail(ServiceStack.ORCHESTRATOR)
                        + "\nadapter log:\n" + stack.logTail(ServiceStack.ADAPTER));
            }
            ServiceStack.pause(Duration.ofMillis(250));
        }
    }
}
