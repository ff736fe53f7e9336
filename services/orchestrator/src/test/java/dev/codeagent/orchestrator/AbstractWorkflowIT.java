package dev.codeagent.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import dev.codeagent.contracts.AgentMarker;
import dev.codeagent.contracts.check.CheckOutcome;
import dev.codeagent.contracts.check.CheckSource;
import dev.codeagent.contracts.check.TestCounts;
import dev.codeagent.contracts.command.CommandKind;
import dev.codeagent.contracts.command.StartJobBatchItem;
import dev.codeagent.contracts.command.StartJobBatchRequest;
import dev.codeagent.contracts.command.StartJobBatchResponse;
import dev.codeagent.contracts.command.StartJobBatchResult;
import dev.codeagent.contracts.command.StartJobRequest;
import dev.codeagent.contracts.command.StartJobResponse;
import dev.codeagent.contracts.git.StatusState;
import dev.codeagent.contracts.job.CheckRoundView;
import dev.codeagent.contracts.job.JobPage;
import dev.codeagent.contracts.job.JobView;
import dev.codeagent.contracts.job.ModelUsage;
import dev.codeagent.contracts.job.Outcome;
import dev.codeagent.contracts.job.RuntimeStatus;
import dev.codeagent.contracts.job.VariantState;
import dev.codeagent.contracts.job.VariantView;
import dev.codeagent.contracts.patch.PatchRequest;
import dev.codeagent.contracts.patch.SourceFile;
import dev.codeagent.orchestrator.artifact.ArtifactStore;
import dev.codeagent.orchestrator.config.RetentionProperties;
import dev.codeagent.orchestrator.fake.FakePullRequest;
import dev.codeagent.orchestrator.fake.FakeRepository;
import dev.codeagent.orchestrator.fake.FakeServices;
import dev.codeagent.orchestrator.fake.FakeServices.CheckBehaviour;
import dev.codeagent.orchestrator.fake.Fault;
import dev.codeagent.orchestrator.job.JobRecord;
import dev.codeagent.orchestrator.job.JobAudit;
import dev.codeagent.orchestrator.job.JobStore;
import dev.codeagent.orchestrator.job.VariantStore;
import dev.codeagent.orchestrator.retention.RetentionPurge;
import dev.codeagent.orchestrator.workflow.JobTasks;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The workflow scenarios, run against each database (subclasses choose H2 or PostgreSQL) with the stateful
 * fake adapter and llm-patch. Each test works on its own repository of the fake, so the tests do not see
 * each other's branches, pull requests and comments.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "codeagent.platform.internal-token=" + OrchestratorTestClient.TOKEN,
        "codeagent.scheduler.polling-interval=50ms",
        "codeagent.scheduler.heartbeat-interval=500ms",
        "codeagent.scheduler.shutdown-max-wait=1s",
        "codeagent.workflow.initial-backoff=50ms",
        "codeagent.workflow.max-backoff=300ms",
        "codeagent.workflow.max-attempts=4",
        "codeagent.workflow.variant-timeout=4s",
        "codeagent.workflow.variant-parallelism=2",
        "codeagent.workflow.progress-interval=200ms",
        "codeagent.services.model-timeout=1500ms",
        "codeagent.services.adapter-timeout=1500ms",
        "codeagent.artifacts.directory=target/it-data/artifacts"})
abstract class AbstractWorkflowIT {

    static final Duration FINISH = Duration.ofSeconds(40);

    @LocalServerPort
    int port;

    @Autowired
    JobStore store;

    @Autowired
    VariantStore variants;

    @Autowired
    JobAudit audit;

    @Autowired
    Clock clock;

    @Autowired
    ArtifactStore artifactStore;

    @Autowired
    Scheduler scheduler;

    final FakeServices fakes = TestFakes.get();
    OrchestratorTestClient client;

    static void fakeServices(DynamicPropertyRegistry registry) {
        registry.add("codeagent.services.adapter-url", () -> TestFakes.get().baseUrl());
        registry.add("codeagent.services.llm-patch-url", () -> TestFakes.get().baseUrl());
        registry.add("codeagent.services.runner-url", () -> TestFakes.get().baseUrl());
    }

    /** Distinguishes the repositories of the H2 and PostgreSQL runs in the shared fake. */
    abstract String database();

    @BeforeEach
    void setUp() {
        client = new OrchestratorTestClient(port);
        fakes.reset();
    }

    String repo(String scenario) {
        return scenario + "-" + database();
    }

    StartJobResponse start(StartJobRequest request, int expectedStatus) {
        HttpResponse<String> response = client.post("/api/orchestrators/edit-variants", request);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return client.read(response, StartJobResponse.class);
    }

    @Test
    void happyPathCreatesThreeDraftPullRequestsAndASummary() throws Exception {
        FakeRepository repo = fakes.repository(repo("happy"));
        StartJobRequest request = OrchestratorTestClient.edit(repo.name, 1001, 3, "Add input validation");

        HttpResponse<String> first = client.post("/api/orchestrators/edit-variants", request);
        assertThat(first.statusCode()).isEqualTo(202);
        StartJobResponse started = client.read(first, StartJobResponse.class);
        assertThat(started.created()).isTrue();
        assertThat(started.statusQueryGetUri()).isEqualTo("http://127.0.0.1:" + port + "/api/orchestrators/" + started.id());
        assertThat(started.terminatePostUri()).isEqualTo(started.statusQueryGetUri() + "/terminate");
        assertThat(first.headers().firstValue("Location")).contains(started.statusQueryGetUri());

        StartJobResponse again = start(request, 200);
        assertThat(again.id()).isEqualTo(started.id());
        assertThat(again.created()).isFalse();

        JobView job = client.awaitFinished(started.id(), FINISH);
        assertThat(job.runtimeStatus()).isEqualTo(RuntimeStatus.Completed);
        assertThat(job.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(job.completedTime()).isNotNull();
        String shortId = started.id().substring(started.id().length() - 8);
        assertThat(job.variants()).hasSize(3);
        for (VariantView v : job.variants()) {
            assertThat(v.state()).isEqualTo(VariantState.SUCCEEDED);
            assertThat(v.branch()).isEqualTo("agents/edit-7-" + shortId + "-" + v.k());
            assertThat(v.commit()).matches("[0-9a-f]{40}");
            assertThat(v.pullRequestId()).isNotNull();
            assertThat(v.pullRequestUrl()).startsWith("http://fake/pr/");
            assertThat(v.filesChanged()).isEqualTo(1);
            assertThat(v.linesAdded()).isEqualTo(2);
            assertThat(v.linesRemoved()).isEqualTo(1);
            assertThat(v.strategy()).isEqualTo("strategy-" + v.k());
            assertThat(v.provider()).isEqualTo("ollama");
            assertThat(v.durationMs()).isNotNull();
        }
        assertThat(job.variants()).extracting(VariantView::usage).containsExactly(
                new ModelUsage(1, 1000, 200, new BigDecimal("0.00360000")),
                new ModelUsage(2, 2300, 400, new BigDecimal("0.00790000")),
                new ModelUsage(1, 600, 50, null));
        assertThat(job.usage()).as("one variant's price is unknown, so the job's cost is too")
                .isEqualTo(new ModelUsage(4, 3900, 650, null));

        assertThat(repo.agentBranches()).hasSize(3);
        assertThat(repo.pullRequests).hasSize(3);
        for (FakePullRequest pr : repo.pullRequests) {
            assertThat(pr.request().draft()).isTrue();
            assertThat(pr.request().targetBranch()).isEqualTo("refs/heads/feature");
            assertThat(pr.request().description()).contains(pr.request().marker()).contains("Add input validation");
            assertThat(pr.request().title()).contains("Add input validation").contains("/3");
        }
        assertThat(repo.pullRequests.stream().map(p -> p.request().marker()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(AgentMarker.of("job", started.id(), "variant", "1"),
                        AgentMarker.of("job", started.id(), "variant", "2"),
                        AgentMarker.of("job", started.id(), "variant", "3"));
        repo.commits.values().forEach(commits -> assertThat(commits).hasSize(1));

        assertThat(repo.comments).hasSize(2);
        assertThat(repo.comments.values()).allMatch(AgentMarker::isPresentIn);
        String summary = repo.comments.values().stream().filter(c -> c.contains("kind=summary")).findFirst().orElseThrow();
        assertThat(summary).contains("| Variant | Approach | Files | +/− lines | Pull request | Status | Build | Tests | Repairs "
                        + "| Rank | Duration | Tokens | Cost |")
                .contains("success").contains("[!")
                .containsPattern("\\| 1 \\| .* \\| 1\\.2k \\| \\$0\\.004 \\|\n")
                .containsPattern("\\| 2 \\| .* \\| 2\\.7k \\| \\$0\\.008 \\|\n")
                .containsPattern("\\| 3 \\| .* \\| 650 \\| — \\|\n")
                .contains("Model usage: 4.6k tokens (3.9k in, 650 out), cost unknown");
        String progress = repo.comments.values().stream().filter(c -> c.contains("kind=progress")).findFirst().orElseThrow();
        assertThat(progress).contains("finished").contains("✅ succeeded");

        assertThat(repo.statuses.get(0).state()).isEqualTo(StatusState.PENDING);
        assertThat(repo.statuses.get(0).targetUrl()).endsWith("/jobs/" + started.id());
        assertThat(repo.lastStatus().state()).isEqualTo(StatusState.SUCCEEDED);
        assertThat(repo.lastStatus().genre() + "/" + repo.lastStatus().name()).isEqualTo("codeagent/edit");

        Path artifacts = Path.of("target/it-data/artifacts/jobs", started.id());
        // The report is written right after the job is marked finished, which the status API shows first.
        awaitCondition(() -> Files.exists(artifacts.resolve("report.json")));
        assertThat(artifacts.resolve("context.json")).exists();
        for (String file : List.of("request.json", "response.json", "diff.patch", "report.json")) {
            assertThat(artifacts.resolve("variant-2").resolve(file)).exists();
        }
        assertThat(Files.readString(artifacts.resolve("variant-2/request.json"))).contains("Add input validation");

        JobPage page = client.read(client.get("/api/orchestrators?repository=" + repo.name + "&runtimeStatus=Completed"),
                JobPage.class);
        assertThat(page.items()).extracting(JobView::id).containsExactly(started.id());
    }

    @Test
    void concurrentStartsWithOneKeyCreateOneJob() throws Exception {
        FakeRepository repo = fakes.repository(repo("concurrent"));
        StartJobRequest request = OrchestratorTestClient.edit(repo.name, 2001, 1, "Concurrent start");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(pool.submit(() -> client.post("/api/orchestrators/edit-variants", request)));
            }
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> call : calls) {
                responses.add(call.get());
            }
            assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(200, 202);
            assertThat(responses.stream().filter(r -> r.statusCode() == 202)).hasSize(1);
            Set<String> ids = responses.stream().map(r -> client.read(r, StartJobResponse.class).id())
                    .collect(Collectors.toSet());
            assertThat(ids).hasSize(1);
            JobView job = client.awaitFinished(ids.iterator().next(), FINISH);
            assertThat(job.outcome()).isEqualTo(Outcome.SUCCESS);
            assertThat(job.usage()).as("every call priced: the job's cost is known")
                    .isEqualTo(new ModelUsage(1, 1000, 200, new BigDecimal("0.00360000")));
            assertThat(repo.pullRequests).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void batchStartAnswersEachItemAsTheSingleStartWould() {
        FakeRepository repo = fakes.repository(repo("batch"));
        StartJobRequest a = OrchestratorTestClient.edit(repo.name, 2101, 2, "Batch item A");
        StartJobRequest earlier = OrchestratorTestClient.edit(repo.name, 2102, 1, "Started before the batch");
        StartJobResponse earlierJob = start(earlier, 202);
        StartJobRequest noVariants = OrchestratorTestClient.edit(repo.name, 2103, 0, "Zero variants");
        StartJobRequest missingRepository = new StartJobRequest(a.idempotencyKey() + "-x", null, 7, 1, 2104, null,
                null, CommandKind.EDIT, "No repository", 1, null, null, null, null, null, null);
        StartJobRequest rejected = OrchestratorTestClient.rejected(repo.name, 2105, "unknown command /edt");

        HttpResponse<String> answer = client.post("/api/orchestrators/edit-variants/batch", new StartJobBatchRequest(List.of(
                new StartJobBatchItem("corr-batch-a", a), new StartJobBatchItem(null, noVariants),
                new StartJobBatchItem("corr-batch-a-again", a), new StartJobBatchItem(null, earlier),
                new StartJobBatchItem(null, missingRepository), new StartJobBatchItem("corr-batch-r", rejected))));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        List<StartJobBatchResult> results = client.read(answer, StartJobBatchResponse.class).results();
        assertThat(results).extracting(StartJobBatchResult::status).containsExactly(202, 400, 200, 200, 400, 202);
        assertThat(results.get(0).job().created()).isTrue();
        assertThat(results.get(0).job().statusQueryGetUri())
                .isEqualTo("http://127.0.0.1:" + port + "/api/orchestrators/" + results.get(0).job().id());
        assertThat(results.get(1).detail()).contains("variants must be between 1 and 10");
        assertThat(results.get(1).job()).isNull();
        assertThat(results.get(2).job().id()).isEqualTo(results.get(0).job().id());
        assertThat(results.get(2).job().created()).isFalse();
        assertThat(results.get(3).job().id()).isEqualTo(earlierJob.id());
        assertThat(results.get(4).detail()).contains("repository");
        assertThat(store.find(results.get(0).job().id())).get().extracting(JobRecord::corrId).isEqualTo("corr-batch-a");

        JobView jobA = client.awaitFinished(results.get(0).job().id(), FINISH);
        assertThat(jobA.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(jobA.variants()).hasSize(2);
        assertThat(client.awaitFinished(results.get(5).job().id(), FINISH).runtimeStatus())
                .isEqualTo(RuntimeStatus.Completed);
        assertThat(client.awaitFinished(earlierJob.id(), FINISH).outcome()).isEqualTo(Outcome.SUCCESS);
        // A, the earlier job and the rejected command: 2 + 1 PRs, one reply for the rejected command.
        assertThat(repo.pullRequests).hasSize(3);
    }

    @Test
    void batchOfNoneOrTooManyCommandsIsRefused() {
        HttpResponse<String> empty = client.post("/api/orchestrators/edit-variants/batch", new StartJobBatchRequest(List.of()));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("1 to 100 commands");
        StartJobRequest one = OrchestratorTestClient.edit(repo("batch-cap"), 2201, 1, "Cap");
        HttpResponse<String> tooMany = client.post("/api/orchestrators/edit-variants/batch",
                new StartJobBatchRequest(Collections.nCopies(101, new StartJobBatchItem(null, one))));
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(store.findByKey(one.idempotencyKey())).isEmpty();
        assertThat(client.post("/api/orchestrators/edit-variants/batch", "{\"items\": 3}").statusCode()).isEqualTo(400);
    }

    @Test
    void batchThatIsNotJsonGetsAProblemNotAServerError() {
        String path = "/api/orchestrators/edit-variants/batch";
        HttpResponse<String> truncated = client.postRaw(path, "application/json", "{\"items\": [");
        assertThat(truncated.statusCode()).isEqualTo(400);
        assertThat(truncated.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(truncated.body()).contains("not valid JSON for this endpoint");
        HttpResponse<String> wrongShape = client.postRaw(path, "application/json", "{\"items\": 3}");
        assertThat(wrongShape.statusCode()).isEqualTo(400);
        assertThat(wrongShape.body()).contains("not valid JSON for this endpoint");
        assertThat(client.postRaw(path, "application/json", "").statusCode()).isEqualTo(400);
        HttpResponse<String> nothing = client.postRaw(path, "application/json", "null");
        assertThat(nothing.statusCode()).isEqualTo(400);
        assertThat(nothing.body()).contains("1 to 100 commands");
        assertThat(client.postRaw(path, "text/plain", "{\"items\": []}").statusCode()).isEqualTo(415);
    }

    /**
     * Pairs of batches that share new keys in opposite orders, sent at once: one job per key, every item
     * answered with it. On PostgreSQL this needs the inserts in one key order, or the two batches wait for
     * each other's uncommitted keys until the deadlock detector fails one of them.
     */
    @Test
    void concurrentBatchesWithSharedKeysCreateOneJobPerKey() throws Exception {
        FakeRepository repo = fakes.repository(repo("batch-race"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                List<StartJobBatchItem> forward = new ArrayList<>();
                for (int c = 0; c < StartJobBatchRequest.MAX_ITEMS; c++) {
                    forward.add(new StartJobBatchItem(null,
                            OrchestratorTestClient.rejected(repo.name, 23_000 + round * 1000 + c, "race")));
                }
                List<StartJobBatchItem> backward = new ArrayList<>(forward);
                Collections.reverse(backward);
                CountDownLatch ready = new CountDownLatch(2);
                List<Future<HttpResponse<String>>> calls = new ArrayList<>();
                for (List<StartJobBatchItem> order : List.of(forward, backward)) {
                    calls.add(pool.submit(() -> {
                        ready.countDown();
                        ready.await();
                        return client.post("/api/orchestrators/edit-variants/batch", new StartJobBatchRequest(order));
                    }));
                }
                Map<String, Set<String>> idsByKey = new HashMap<>();
                int created = 0;
                for (int i = 0; i < 2; i++) {
                    HttpResponse<String> response = calls.get(i).get();
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                    List<StartJobBatchResult> results = client.read(response, StartJobBatchResponse.class).results();
                    List<StartJobBatchItem> order = i == 0 ? forward : backward;
                    assertThat(results).hasSize(order.size());
                    for (int n = 0; n < order.size(); n++) {
                        assertThat(results.get(n).status()).isIn(200, 202);
                        created += results.get(n).status() == 202 ? 1 : 0;
                        idsByKey.computeIfAbsent(order.get(n).command().idempotencyKey(), k -> new HashSet<>())
                                .add(results.get(n).job().id());
                    }
                }
                assertThat(created).isEqualTo(forward.size());
                assertThat(idsByKey).hasSize(forward.size()).allSatisfy((key, ids) -> assertThat(ids).hasSize(1));
                for (StartJobBatchItem item : forward) {
                    assertThat(store.findByKey(item.command().idempotencyKey())).get().extracting(JobRecord::id)
                            .isEqualTo(idsByKey.get(item.command().idempotencyKey()).iterator().next());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rejectedCommandGetsAHelpfulReply() {
        FakeRepository repo = fakes.repository(repo("rejected"));
        StartJobResponse started = start(OrchestratorTestClient.rejected(repo.name, 3001,
                "N must be between 1 and 10 (got 11)"), 202);
        JobView job = client.awaitFinished(started.id(), FINISH);
        assertThat(job.runtimeStatus()).isEqualTo(RuntimeStatus.Completed);
        assertThat(job.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(repo.comments).hasSize(1);
        String reply = repo.comments.values().iterator().next();
        assertThat(reply).contains("N must be between 1 and 10 (got 11)").contains("/edit [/N]").contains("/help")
                .contains("agents/");
        assertThat(AgentMarker.isPresentIn(reply)).isTrue();
        assertThat(repo.agentBranches()).isEmpty();
    }

    @Test
    void anAuthorWhoMayNotTriggerGetsOneReplyAndNoWork() {
        FakeRepository repo = fakes.repository(repo("denied"));
        repo.deny("dev@example.com");
        StartJobResponse started = start(OrchestratorTestClient.edit(repo.name, 3501, 3, "Not for you"), 202);
        JobView job = client.awaitFinished(started.id(), FINISH);
        assertThat(job.runtimeStatus()).isEqualTo(RuntimeStatus.Completed);
        assertThat(job.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(job.error()).startsWith("not allowed: ");
        assertThat(job.variants()).extracting(VariantView::state).containsOnly(VariantState.CANCELLED);
        assertThat(repo.comments.values()).singleElement().asString().contains("only members of")
                .contains("kind=denied");
        assertThat(repo.agentBranches()).isEmpty();
        assertThat(repo.pullRequests).isEmpty();
        assertThat(repo.statuses).isEmpty();
        assertThat(fakes.count("POST", "/api/patches")).isZero();
        assertThat(audit.trail(started.id())).extracting(e -> e.event()).containsExactly("rejected");
    }

    @Test
    void checksRankTheVariantsRepairWhatFailsAndRecommendOne() throws Exception {
        FakeRepository repo = fakes.repository(repo("checks"));
        CheckOutcome build = CheckBehaviour.passed("build", null);
        CheckOutcome tests = CheckBehaviour.passed("test", new TestCounts(41, 0, 0));
        fakes.checkBehaviour(request -> {
            if (!request.repository().repository().equals(repo.name)) {
                return CheckBehaviour.NONE.answer(request);
            }
            List<CheckOutcome> outcomes = switch (request.k()) {
                // Variant 1 breaks the build, repaired or not; variant 3 fails one test until its first repair.
                case 1 -> List.of(CheckBehaviour.failed("build", null, List.of(),
                        List.of("[ERROR] Login.java:[3,5] cannot find symbol")), CheckBehaviour.skipped("test"));
                case 3 -> request.round() == 0 ? List.of(build, CheckBehaviour.failed("test", new TestCounts(40, 1, 0),
                        List.of("LoginTest.rejectsEmptyPassword: expected 400"), List.of())) : List.of(build, tests);
                default -> List.of(build, tests);
            };
            return new FakeServices.Response(200, CheckBehaviour.result(request, CheckSource.CONFIGURED, null, 1,
                    outcomes));
        });
        StartJobResponse started = start(OrchestratorTestClient.edit(repo.name, 4101, 3, "Checked " + database()), 202);

        JobView job = client.awaitFinished(started.id(), FINISH);

        assertThat(job.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(job.variants()).extracting(VariantView::state).containsOnly(VariantState.SUCCEEDED);
        assertThat(job.variants()).extracting(v -> v.checks().stream().map(CheckRoundView::passed).toList())
                .containsExactly(List.of(false, false), List.of(true), List.of(false, true));
        assertThat(job.variants()).extracting(VariantView::rank).containsExactly(3, 1, 2);
        assertThat(job.variants()).extracting(VariantView::recommended).containsExactly(false, true, false);
        assertThat(job.recommendedVariant()).isEqualTo(2);
        assertThat(job.recommendation()).isEqualTo("checks pass; needed no repair");
        CheckRoundView repaired = job.variants().get(2).checks().get(1);
        assertThat(repaired.tests()).isEqualTo(new TestCounts(41, 0, 0));
        assertThat(repaired.commit()).isEqualTo(job.variants().get(2).commit());
        assertThat(repaired.logUrl()).isEqualTo("/api/orchestrators/" + started.id() + "/variants/3/checks/1/log");

        String summary = repo.comments.values().stream().filter(c -> c.contains("kind=summary")).findFirst().orElseThrow();
        assertThat(summary)
                .containsPattern("\\| 1 \\| .* \\| ✅ succeeded \\| failed \\| — \\| 1 \\| 3 \\| ")
                .containsPattern("\\| 2 \\| .* \\| ✅ succeeded \\| passed \\| 41 passed, 0 failed \\| 0 \\| "
                        + "1 · \\*\\*recommended\\*\\* \\| ")
                .containsPattern("\\| 3 \\| .* \\| ✅ succeeded \\| passed \\| 41 passed, 0 failed \\| 1 \\| 2 \\| ")
                .contains("**Recommended: variant 2** — checks pass; needed no repair.")
                .contains("_Ranking: all checks pass &gt; more tests pass &gt; fewer failing checks");

        Map<Integer, FakePullRequest> prs = new HashMap<>();
        for (VariantView v : job.variants()) {
            prs.put(v.k(), repo.pullRequests.stream().filter(p -> p.id() == v.pullRequestId()).findFirst().orElseThrow());
        }
        assertThat(List.of(1, 2, 3)).extracting(k -> repo.statusesByPullRequest.get(prs.get(k).id()).stream()
                        .filter(s -> s.name().equals("checks")).reduce((a, b) -> b).orElseThrow().state())
                .containsExactly(StatusState.FAILED, StatusState.SUCCEEDED, StatusState.SUCCEEDED);
        assertThat(repo.threads.get(prs.get(1).id())).singleElement().asString()
                .contains("cannot find symbol").contains("after 1 repair");
        String branch3 = job.variants().get(2).branch();
        assertThat(repo.commits.get(branch3)).hasSize(2);
        assertThat(repo.commits.get(branch3).get(1).message()).startsWith("Repair 1: test");
        assertThat(repo.branches.get(branch3)).isEqualTo(job.variants().get(2).commit());
        assertThat(repo.commits.get(job.variants().get(1).branch())).as("no repair of a passing variant").hasSize(1);

        HttpResponse<String> log = client.get(repaired.logUrl());
        assertThat(log.statusCode()).isEqualTo(200);
        assertThat(log.headers().firstValue("Content-Type")).get().asString().startsWith("text/plain");
        assertThat(log.body()).contains("run " + started.id() + "-3-1");
        assertThat(client.get("/api/orchestrators/" + started.id() + "/variants/3/checks/7/log").statusCode())
                .isEqualTo(404);
    }

    @Test
    void partialFailureKeepsTheGoodVariants() {
        FakeRepository repo = fakes.repository(repo("partial"));
        fakes.patchBehaviour(FakeServices.PatchBehaviour.failing(r -> r.intent().equals("Partial " + database())
                && r.k() == 2));
        StartJobResponse started = start(OrchestratorTestClient.edit(repo.name, 4001, 3, "Partial " + database()), 202);
        JobView job = client.awaitFinished(started.id(), FINISH);
        assertThat(job.runtimeStatus()).isEqualTo(RuntimeStatus.Completed);
        assertThat(job.outcome()).isEqualTo(Outcome.PARTIAL_SUCCESS);
        assertThat(job.variants()).extracting(VariantView::state)
                .containsExactly(VariantState.SUCCEEDED, VariantState.FAILED, VariantState.SUCCEEDED);
        assertThat(job.variants().get(1).error()).contains("422").contains("edits did not apply for variant 2");
        assertThat(repo.pullRequests).hasSize(2);
        assertThat(fakes.count("POST", "/api/patches")).isGreaterThanOrEqualTo(3);
        assertThat(repo.lastStatus().state()).isEqualTo(StatusState.SUCCEEDED);
        String summary = repo.comments.values().stream().filter(c -> c.contains("kind=summary")).findFirst().orElseThrow();
        assertThat(summary).contains("partial success").contains("❌ failed");
    }

    @Test
    void allVariantsFailingFailsTheJob() {
        FakeRepository repo = fakes.repository(repo("allfail"));
        fakes.patchBehaviour(FakeServices.PatchBehaviour.failing(r -> r.intent().equals("Nothing works " + database())));
        StartJobResponse started = start(OrchestratorTestClient.edit(repo.name, 5001, 2, "Nothing works " + database()), 202);
        JobView job = client.awaitFinished(started.id(), FINISH);
        assertThat(job.runtimeStatus()).isEqualTo(RuntimeStatus.Failed);
        assertThat(job.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(job.error()).contains("edits did not apply");
        assertThat(job.variants()).extracting(VariantView::state).containsOnly(VariantState.FAILED);
        assertThat(repo.pullRequests).isEmpty();
        assertThat(repo.lastStatus().state()).isEqualTo(StatusState.FAILED);
    }

    @Test
    void anAnswerEditingAFileItWasNotShownGetsThatFileInOneExtraRound() {
        FakeRepository repo = fakes.repository(repo("askformore"));
        String intent = "Ask for more " + database();
        List<PatchRequest> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        fakes.patchBehaviour(r -> {
            if (!r.intent().equals(intent)) {
                return FakeServices.PatchBehaviour.DEFAULT.answer(r);
            }
            seen.add(r);
            if (r.askedForOrNone().isEmpty()) {
                return new FakeServices.Response(422, Map.of("type", "https://codeagent.dev/problems/unprocessable",
                        "title", "Files not shown", "status", 422, "detail", "The answer edited docs/guide.md",
                        "unseenFiles", List.of("docs/guide.md"), "calls", FakeServices.PatchBehaviour.calls(1, false)));
            }
            return FakeServices.PatchBehaviour.DEFAULT.answer(r);
        });
        StartJobResponse started = start(OrchestratorTestClient.edit(repo.name, 7501, 1, intent), 202);
        JobView job = client.awaitFinished(started.id(), FINISH);
        assertThat(job.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(seen).hasSize(2);
        assertThat(seen.get(1).askedFor()).containsExactly("docs/guide.md");
        assertThat(seen.get(1).files()).extracting(SourceFile::path).contains("docs/guide.md")
                .containsAll(seen.get(0).files().stream().map(SourceFile::path).toList());
        assertThat(job.variants().get(0).usage().calls()).as("the first round was spent too").isEqualTo(2);

        assertThat(seen.get(0).repositoryMap()).as("the map built from the contents the selection asked for")
                .contains("src/Login.java:\n  class Login");
        HttpResponse<String> context = client.get("/api/orchestrators/" + started.id() + "/context");
        assertThat(context.statusCode()).isEqualTo(200);
        assertThat(context.body()).contains("\"paths\"").contains("src/Login.java").contains("changed in the PR");
        assertThat(client.get("/api/orchestrators/no-such-job/context").statusCode()).isEqualTo(404);
    }

    @Test
    void permanentFailureEndsTheVariantAtOnce() {
        FakeRepository repo = fakes.repository(repo("forbidden"));
        fakes.addFault(Fault.status("POST", "/" + repo.name + "/pull-requests", 5, 403, null));
        StartJobResponse started = start(OrchestratorTestClient.edit(repo.name, 5501, 1, "Forbidden"), 202);
        JobView job = client.awaitFinished(started.id(), FINISH);
        assertThat(job.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(job.variants().get(0).error()).contains("403");
        assertThat(fakes.requests()).filteredOn(r -> r.equals("POST /api/v1/repositories/local/local/local/"
                + repo.name + "/pull-requests")).hasSize(1);
    }

    @Test
    void cancellationStopsRunningVariantsAndSaysSo() {
        FakeRepository repo = fakes.repository(repo("cancel"));
        String intent = "Cancel me " + database();
        CountDownLatch gate = new CountDownLatch(1);
        Fault held = Fault.gate("POST", "/api/patches", intent, 10, gate, false);
        fakes.addFault(held);
        StartJobResponse started = start(OrchestratorTestClient.edit(repo.name, 6001, 3, intent), 202);
        awaitCondition(() -> held.hits() >= 1);
        HttpResponse<String> terminated = client.post("/api/orchestrators/" + started.id() + "/terminate", null);
        assertThat(terminated.statusCode()).isEqualTo(202);
        gate.countDown();

        JobView job = client.awaitFinished(started.id(), FINISH);
        assertThat(job.runtimeStatus()).isEqualTo(RuntimeStatus.Terminated);
        assertThat(job.variants()).extracting(VariantView::state).containsOnly(VariantState.CANCELLED);
        assertThat(repo.pullRequests).isEmpty();
        assertThat(repo.lastStatus().state()).isEqualTo(StatusState.FAILED);
        assertThat(repo.lastStatus().description()).contains("cancelled");
        String progress = repo.comments.values().stream().filter(c -> c.contains("kind=progress")).findFirst().orElseThrow();
        assertThat(progress).contains("cancelled");
        assertThat(client.post("/api/orchestrators/" + started.id() + "/terminate", null).statusCode()).isEqualTo(410);
    }

    @Test
    void editRefinePickMergesTheRefinedVariantAndCleansUpTheOthers() {
        FakeRepository repo = fakes.repository(repo("pick"));
        StartJobResponse edit = start(OrchestratorTestClient.edit(repo.name, 8001, 3, "Pick " + database()), 202);
        assertThat(client.awaitFinished(edit.id(), FINISH).outcome()).isEqualTo(Outcome.SUCCESS);

        StartJobResponse refine = start(OrchestratorTestClient.followUp(repo.name, 8002, CommandKind.REFINE, 2,
                "keep the old method name"), 202);
        assertThat(client.awaitFinished(refine.id(), FINISH).outcome()).isEqualTo(Outcome.SUCCESS);
        // The refined variant is checked again: the edit job runs until its summary is rewritten.
        JobView refined = client.awaitFinished(edit.id(), FINISH);
        assertThat(refined.outcome()).isEqualTo(Outcome.SUCCESS);
        String refinedCommit = refined.variants().get(1).commit();
        assertThat(repo.commits.get(refined.variants().get(1).branch())).hasSize(2);
        VariantView v2 = refined.variants().get(1);
        assertThat(repo.descriptionUpdates.get(v2.pullRequestId())).as("variant 2's pull request, refined")
                .singleElement().asString().contains("**Refined** (round 1): keep the old method name")
                .contains("| Files | " + v2.filesChanged() + " (+" + v2.linesAdded() + " / −" + v2.linesRemoved()
                        + ") |");

        StartJobRequest pickRequest = OrchestratorTestClient.followUp(repo.name, 8003, CommandKind.PICK, 2, null);
        StartJobResponse pick = start(pickRequest, 202);
        assertThat(start(pickRequest, 200).id()).isEqualTo(pick.id());
        assertThat(client.awaitFinished(pick.id(), FINISH).outcome()).isEqualTo(Outcome.SUCCESS);

        JobView job = client.job(edit.id());
        assertThat(job.picked()).isEqualTo(2);
        assertThat(job.mergeCommit()).isEqualTo(repo.branches.get("feature"));
        assertThat(job.abandoned()).containsExactly(1, 3);
        assertThat(job.followUps()).extracting(f -> f.kind()).containsExactly(CommandKind.REFINE, CommandKind.PICK);
        assertThat(repo.completions).singleElement().extracting(c -> c.lastMergeSourceCommit())
                .isEqualTo(refinedCommit);
        assertThat(repo.pullRequestStatus.values()).containsExactlyInAnyOrder("completed", "abandoned", "abandoned");
        assertThat(repo.agentBranches()).isEmpty();
        assertThat(repo.comments.values()).anyMatch(c -> c.contains("refined variant 2 (round 1)"))
                .anyMatch(c -> c.contains("merged variant 2") && c.contains(job.mergeCommit()));
        assertThat(client.job(pick.id()).parentJobId()).isEqualTo(edit.id());
    }

    @Test
    void cancelInTheThreadStopsASlowModelCallsJobAndNothingIsPushedAfter() {
        FakeRepository repo = fakes.repository(repo("thread-cancel"));
        String intent = "Cancel in the thread " + database();
        // The model answers long after the orchestrator's model timeout (1500 ms here), every time it is asked.
        Duration slowAnswer = Duration.ofSeconds(10);
        Fault slow = Fault.delay("POST", "/api/patches", intent, 20, slowAnswer, false);
        fakes.addFault(slow);
        StartJobResponse edit = start(OrchestratorTestClient.edit(repo.name, 8101, 2, intent), 202);
        awaitCondition(() -> slow.hits() >= 2);
        Set<String> branchesAtCancel = Set.copyOf(repo.branches.keySet());
        int requestsAtCancel = fakes.requests().size();

        StartJobResponse cancel = start(OrchestratorTestClient.followUp(repo.name, 8102, CommandKind.CANCEL, null,
                null), 202);
        assertThat(client.awaitFinished(cancel.id(), FINISH).outcome()).isEqualTo(Outcome.SUCCESS);
        int modelCallsAtCancel = slow.hits();

        // Stopped by the model call's timeout, well before the model would have answered.
        JobView job = client.awaitFinished(edit.id(), slowAnswer.minusSeconds(4));
        assertThat(job.runtimeStatus()).isEqualTo(RuntimeStatus.Terminated);
        assertThat(job.variants()).extracting(VariantView::state).containsOnly(VariantState.CANCELLED);
        assertThat(repo.commits).isEmpty();
        assertThat(repo.pullRequests).isEmpty();
        assertThat(Set.copyOf(repo.branches.keySet())).isEqualTo(branchesAtCancel);
        assertThat(fakes.requests().subList(requestsAtCancel, fakes.requests().size()))
                .filteredOn(r -> r.contains("/" + repo.name + "/"))
                .noneMatch(r -> r.startsWith("POST") && (r.endsWith("/branches") || r.endsWith("/commits")
                        || r.endsWith("/pull-requests")));
        assertThat(slow.hits()).as("no model call after the cancel").isEqualTo(modelCallsAtCancel);
        assertThat(repo.comments.values()).anyMatch(c -> c.contains("cancelling the running job"))
                .anyMatch(c -> c.contains("kind=progress") && c.contains("cancelled"));
    }

    @Test
    void progressReplyShowsFinishedVariantsWhileOthersRunInFewEdits() throws Exception {
        FakeRepository repo = fakes.repository(repo("progress"));
        String intent = "Progress " + database();
        CountDownLatch second = new CountDownLatch(1);
        // Variant 2 waits (less than the model timeout per call) until the test has seen the progress reply.
        fakes.patchBehaviour(r -> {
            if (r.intent().equals(intent) && r.k() == 2) {
                try {
                    second.await(1, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return FakeServices.PatchBehaviour.DEFAULT.answer(r);
        });
        StartJobResponse started = start(OrchestratorTestClient.edit(repo.name, 5501, 3, intent), 202);

        awaitCondition(() -> repo.comments.values().stream()
                .anyMatch(c -> c.contains("kind=progress") && c.split("✅ succeeded", -1).length - 1 == 2));
        assertThat(client.read(client.get("/api/orchestrators/" + started.id()), JobView.class).runtimeStatus())
                .isEqualTo(RuntimeStatus.Running);
        second.countDown();

        JobView job = client.awaitFinished(started.id(), FINISH);
        assertThat(job.outcome()).isEqualTo(Outcome.SUCCESS);
        String progress = repo.comments.values().stream().filter(c -> c.contains("kind=progress")).findFirst().orElseThrow();
        assertThat(progress).contains("finished");
        // Variants 1 and 3 ended while 2 ran (one or two edits), 2's end is left to the final rewrite: one
        // edit per variant plus the final one would be four.
        assertThat(fakes.count("PATCH", "/" + repo.name + "/pull-requests/7/threads/")).isBetween(2L, 3L);
    }

    @Test
    void jobDeadlineStopsRunningVariants() {
        FakeRepository repo = fakes.repository(repo("deadline"));
        String intent = "Deadline " + database();
        CountDownLatch gate = new CountDownLatch(1);
        Fault held = Fault.gate("POST", "/api/patches", intent, 10, gate, false);
        fakes.addFault(held);
        StartJobResponse started = start(OrchestratorTestClient.edit(repo.name, 6501, 2, intent), 202);
        awaitCondition(() -> held.hits() >= 1);
        // The deadline task of the job fires now instead of after the job timeout.
        scheduler.reschedule(JobTasks.DEADLINE.instanceId(started.id()), Instant.now());
        awaitCondition(() -> store.find(started.id()).orElseThrow().cancelRequested());
        gate.countDown();

        JobView job = client.awaitFinished(started.id(), FINISH);
        assertThat(job.runtimeStatus()).isEqualTo(RuntimeStatus.Failed);
        assertThat(job.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(job.variants()).extracting(VariantView::state).containsOnly(VariantState.FAILED);
        assertThat(job.variants()).allSatisfy(v -> assertThat(v.error()).contains("ran out of time"));
        assertThat(repo.pullRequests).isEmpty();
        assertThat(repo.lastStatus().state()).isEqualTo(StatusState.FAILED);
        assertThat(audit.trail(started.id())).extracting(e -> e.event()).contains("timeout");
    }

    @Test
    void slowModelCallsTimeOutTheVariant() {
        FakeRepository repo = fakes.repository(repo("timeout"));
        String intent = "Slow " + database();
        fakes.patchBehaviour(r -> {
            if (r.intent().equals(intent) && r.k() == 2) {
                OrchestratorTestClient.sleep(2500);
            }
            return FakeServices.PatchBehaviour.DEFAULT.answer(r);
        });
        StartJobResponse started = start(OrchestratorTestClient.edit(repo.name, 7001, 2, intent), 202);
        JobView job = client.awaitFinished(started.id(), FINISH);
        assertThat(job.outcome()).isEqualTo(Outcome.PARTIAL_SUCCESS);
        assertThat(job.variants().get(0).state()).isEqualTo(VariantState.SUCCEEDED);
        assertThat(job.variants().get(1).state()).isEqualTo(VariantState.FAILED);
        assertThat(job.variants().get(1).error()).containsAnyOf("timed out", "did not answer");
        assertThat(repo.pullRequests).hasSize(1);
    }

    @Test
    void transientFaultsAreRetriedWithoutDuplicates() {
        FakeRepository repo = fakes.repository(repo("retry"));
        String intent = "Retry " + database();
        fakes.addFault(Fault.status("POST", "/" + repo.name + "/branches", 2, 503, null));
        fakes.addFault(Fault.status("POST", "/api/patches", 1, 429, 0));
        fakes.addFault(Fault.status("GET", "/" + repo.name + "/pull-requests/7", 1, 502, null));
        // The commit lands but its answer comes too late: the retry must find it instead of committing again.
        fakes.addFault(Fault.delay("POST", "/" + repo.name + "/commits", null, 1, Duration.ofMillis(2500), true));
        fakes.addFault(Fault.status("POST", "/" + repo.name + "/pull-requests", 1, 500, null));

        StartJobResponse started = start(OrchestratorTestClient.edit(repo.name, 8001, 2, intent), 202);
        JobView job = client.awaitFinished(started.id(), FINISH);
        assertThat(job.outcome()).as(job.toString()).isEqualTo(Outcome.SUCCESS);
        assertThat(repo.agentBranches()).hasSize(2);
        assertThat(repo.pullRequests).hasSize(2);
        repo.commits.values().forEach(commits -> assertThat(commits).hasSize(1));
        assertThat(fakes.count("POST", "/" + repo.name + "/branches")).isGreaterThanOrEqualTo(4);
        // Two commits plus the replay of the one whose answer was lost, refused by the expectedHead guard.
        assertThat(fakes.count("POST", "/" + repo.name + "/commits")).isEqualTo(3);
        assertThat(client.get("/actuator/prometheus").body()).contains("codeagent_step_retries_total");
    }

    @Test
    void retentionPurgesFinishedJobsWithTheirArtifacts() {
        FakeRepository repo = fakes.repository(repo("retention"));
        StartJobResponse started = start(OrchestratorTestClient.edit(repo.name, 9901, 1, "Purge me"), 202);
        client.awaitFinished(started.id(), FINISH);
        Path artifacts = Path.of("target/it-data/artifacts/jobs", started.id());
        // The report is written right after the job is marked finished, which the status API shows first.
        awaitCondition(() -> Files.exists(artifacts.resolve("report.json")));

        RetentionPurge.purge(store, artifactStore, new RetentionProperties(Duration.ofDays(1), Duration.ofHours(1), 100),
                clock);
        assertThat(client.get("/api/orchestrators/" + started.id()).statusCode()).isEqualTo(200);

        int purged = RetentionPurge.purge(store, artifactStore,
                new RetentionProperties(Duration.ZERO, Duration.ofHours(1), 10_000), clock);
        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(client.get("/api/orchestrators/" + started.id()).statusCode()).isEqualTo(404);
        assertThat(artifacts).doesNotExist();
    }

    @Test
    void listingPagesNewestFirstWithAContinuationToken() {
        FakeRepository repo = fakes.repository(repo("listing"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(start(OrchestratorTestClient.rejected(repo.name, 9950 + i, "bad " + i), 202).id());
        }
        JobPage first = client.read(client.get("/api/orchestrators?repository=local/local/" + repo.name + "&top=2"),
                JobPage.class);
        assertThat(first.items()).extracting(JobView::id).containsExactly(ids.get(2), ids.get(1));
        assertThat(first.continuationToken()).isNotNull();
        JobPage second = client.read(client.get("/api/orchestrators?repository=local/local/" + repo.name
                + "&top=2&continuationToken=" + first.continuationToken()), JobPage.class);
        assertThat(second.items()).extracting(JobView::id).containsExactly(ids.get(0));
        assertThat(second.continuationToken()).isNull();
        assertThat(client.get("/api/orchestrators?runtimeStatus=Sleeping").statusCode()).isEqualTo(400);
        assertThat(client.get("/api/orchestrators?continuationToken=garbage!").statusCode()).isEqualTo(400);
        assertThat(client.get("/api/orchestrators/no-such-job").statusCode()).isEqualTo(404);
        assertThat(client.get("/admin/host/ping").statusCode()).isEqualTo(200);
        assertThat(client.post("/api/orchestrators/edit-variants", java.util.Map.of("kind", "edit")).statusCode())
                .isEqualTo(400);
    }

    static void awaitCondition(java.util.function.BooleanSupplier condition) {
        long end = System.currentTimeMillis() + 20_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("condition not met in 20 s");
            }
            OrchestratorTestClient.sleep(20);
        }
    }
}
