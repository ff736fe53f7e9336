package dev.codeagent.adapter.ado;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.codeagent.contracts.ProblemTypes;
import dev.codeagent.contracts.check.TestCounts;
import dev.codeagent.contracts.pipeline.PipelineFailure;
import dev.codeagent.contracts.pipeline.PipelineRef;
import dev.codeagent.contracts.pipeline.PipelineRun;
import dev.codeagent.contracts.pipeline.PipelineRunCancellation;
import dev.codeagent.contracts.pipeline.PipelineRunResult;
import dev.codeagent.contracts.pipeline.PipelineRunState;
import dev.codeagent.contracts.pipeline.PipelineTests;
import dev.codeagent.contracts.pipeline.QueuePipelineRunRequest;
import dev.codeagent.platform.web.ApiProblemException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Pipelines as checks against a fake Azure DevOps in the shapes of the Pipelines, Build and Test Results 7.1
 * specifications ({@code specification/pipelines/7.1/pipelines.json}, {@code build/7.1/build.json},
 * {@code test/7.1/test.json} of MicrosoftDocs/vsts-rest-api-specs): lists as {@code {"count", "value"}}, the
 * pipelines list paged by the {@code x-ms-continuationtoken} header, runs with {@code _links.web.href}, builds with
 * {@code status} ({@code BuildStatus}) and {@code result}, timelines as {@code {"records": [TimelineRecord]}} with
 * {@code issues} and {@code log.id}, logs as text.
 */
class AzureDevOpsPipelinesTest {

    static final String PROJECT = "/contoso/Web%20Shop/_apis";
    static final String PIPELINES = PROJECT + "/pipelines";
    static final String RUNS = PIPELINES + "/42/runs";
    static final String BUILDS = PROJECT + "/build/builds";
    static final String COMMIT = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";
    static final String BRANCH = "agents/edit-7-ab12cd34-1";
    static final String WEB = "https://dev.azure.com/contoso/Web%20Shop/_build/results?buildId=901";

    @RegisterExtension
    static WireMockExtension ado = AdoTestSupport.fakeAzureDevOps();

    AdoTestSupport support = new AdoTestSupport("http://localhost:" + ado.getPort());

    static String pipeline(long id, String name, String folder) {
        return "{\"_links\":{\"self\":{\"href\":\"https://dev.azure.com/contoso/_apis/pipelines/" + id + "\"}},"
                + "\"url\":\"https://dev.azure.com/contoso/_apis/pipelines/" + id + "?revision=3\",\"id\":" + id
                + ",\"revision\":3,\"name\":\"" + name + "\",\"folder\":\"" + folder.replace("\\", "\\\\") + "\"}";
    }

    static String run(long id, String state, String result) {
        return "{\"_links\":{\"self\":{\"href\":\"https://dev.azure.com/contoso/_apis/pipelines/42/runs/" + id + "\"},"
                + "\"web\":{\"href\":\"" + WEB.replace("901", Long.toString(id)) + "\"},"
                + "\"pipeline\":{\"href\":\"https://dev.azure.com/contoso/_apis/pipelines/42?revision=3\"}},"
                + "\"pipeline\":{\"url\":\"https://dev.azure.com/contoso/_apis/pipelines/42?revision=3\",\"id\":42,"
                + "\"revision\":3,\"name\":\"Payments-CI\",\"folder\":\"\\\\\"},"
                + "\"state\":\"" + state + "\"," + (result == null ? "" : "\"result\":\"" + result + "\",")
                + "\"createdDate\":\"2026-12-07T01:02:03.4567891Z\","
                + (state.equals("completed") ? "\"finishedDate\":\"2026-12-07T01:12:03.1Z\"," : "")
                + "\"url\":\"https://dev.azure.com/contoso/_apis/pipelines/42/runs/" + id + "\","
                + "\"resources\":{\"repositories\":{\"self\":{\"repository\":{\"id\":\"e8a1\",\"type\":\"azureReposGit\"},"
                + "\"refName\":\"refs/heads/" + BRANCH + "\",\"version\":\"" + COMMIT + "\"}}},"
                + "\"id\":" + id + ",\"name\":\"20261207." + id + "\"}";
    }

    static String builds(String... builds) {
        return "{\"count\":" + builds.length + ",\"value\":[" + String.join(",", builds) + "]}";
    }

    static String build(long id, String sourceVersion) {
        return "{\"id\":" + id + ",\"buildNumber\":\"20261207." + id + "\",\"status\":\"inProgress\","
                + "\"uri\":\"vstfs:///Build/Build/" + id + "\",\"definition\":{\"id\":42,\"name\":\"Payments-CI\"},"
                + "\"sourceBranch\":\"refs/heads/" + BRANCH + "\",\"sourceVersion\":\"" + sourceVersion + "\","
                + "\"reason\":\"manual\"}";
    }

    static MappingBuilder lookup() {
        return get(urlPathEqualTo(BUILDS)).withQueryParam("definitions", equalTo("42"))
                .withQueryParam("branchName", equalTo("refs/heads/" + BRANCH));
    }

    static MappingBuilder queue() {
        return post(urlPathEqualTo(RUNS)).withQueryParam("api-version", equalTo("7.1"))
                .withRequestBody(equalToJson("{\"resources\":{\"repositories\":{\"self\":{\"refName\":\"refs/heads/"
                        + BRANCH + "\",\"version\":\"" + COMMIT + "\"}}}}"));
    }

    PipelineRun queueRun() {
        return support.provider.queueRun(AdoTestSupport.repo(), 42, new QueuePipelineRunRequest(BRANCH, COMMIT));
    }

    @Test
    void findsAPipelineByNameOnALaterPage() {
        ado.stubFor(get(urlPathEqualTo(PIPELINES)).withQueryParam("continuationToken", absent())
                .willReturn(okJson("{\"count\":2,\"value\":[" + pipeline(7, "Docs", "\\") + ","
                        + pipeline(9, "Payments-Nightly", "\\") + "]}").withHeader("x-ms-continuationtoken", "p2")));
        ado.stubFor(get(urlPathEqualTo(PIPELINES)).withQueryParam("continuationToken", equalTo("p2"))
                .willReturn(okJson("{\"count\":1,\"value\":[" + pipeline(42, "Payments-CI", "\\") + "]}")));

        PipelineRef ref = support.provider.pipeline(AdoTestSupport.repo(), "payments-ci");

        assertThat(ref).isEqualTo(new PipelineRef(42, "Payments-CI", "\\"));
        ado.verify(getRequestedFor(urlPathEqualTo(PIPELINES)).withQueryParam("api-version", equalTo("7.1"))
                .withHeader("Authorization", equalTo(AdoTestSupport.BASIC)));
    }

    @Test
    void readsAPipelineByIdAndNamesTheMissingOne() {
        ado.stubFor(get(urlPathEqualTo(PIPELINES + "/42")).willReturn(okJson(pipeline(42, "Payments-CI", "\\ci"))));
        ado.stubFor(get(urlPathEqualTo(PIPELINES)).willReturn(okJson("{\"count\":0,\"value\":[]}")));

        assertThat(support.provider.pipeline(AdoTestSupport.repo(), "42").folder()).isEqualTo("\\ci");
        assertThatThrownBy(() -> support.provider.pipeline(AdoTestSupport.repo(), "Payments-CI"))
                .isInstanceOfSatisfying(ApiProblemException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemTypes.NOT_FOUND);
                    assertThat(e.getMessage()).contains("no pipeline named 'Payments-CI'").contains("Web Shop");
                });
    }

    @Test
    void twoPipelinesOfOneNameNeedTheFolder() {
        ado.stubFor(get(urlPathEqualTo(PIPELINES)).willReturn(okJson("{\"count\":2,\"value\":["
                + pipeline(42, "Payments-CI", "\\") + "," + pipeline(43, "Payments-CI", "\\legacy") + "]}")));

        assertThatThrownBy(() -> support.provider.pipeline(AdoTestSupport.repo(), "Payments-CI"))
                .isInstanceOfSatisfying(ApiProblemException.class,
                        e -> assertThat(e.status().value()).isEqualTo(422));
        assertThat(support.provider.pipeline(AdoTestSupport.repo(), "legacy\\Payments-CI").id()).isEqualTo(43);
    }

    @Test
    void queuesARunOnTheBranchAtTheCommit() {
        ado.stubFor(lookup().willReturn(okJson(builds(build(880, "ffffffffffffffffffffffffffffffffffffffff")))));
        ado.stubFor(queue().willReturn(okJson(run(901, "inProgress", null))));

        PipelineRun run = queueRun();

        assertThat(run.created()).isTrue();
        assertThat(run.runId()).isEqualTo(901);
        assertThat(run.pipelineId()).isEqualTo(42);
        assertThat(run.state()).isEqualTo(PipelineRunState.IN_PROGRESS);
        assertThat(run.result()).isNull();
        assertThat(run.webUrl()).isEqualTo(WEB);
        assertThat(run.createdAt()).isEqualTo(Instant.parse("2026-12-07T01:02:03.4567891Z"));
        ado.verify(1, postRequestedFor(urlPathEqualTo(RUNS)));
    }

    @Test
    void reusesARunThatBuildsTheCommitAlready() {
        ado.stubFor(lookup().willReturn(okJson(builds(build(905, COMMIT)))));
        ado.stubFor(get(urlPathEqualTo(RUNS + "/905")).willReturn(okJson(run(905, "inProgress", null))));

        PipelineRun run = queueRun();

        assertThat(run.created()).isFalse();
        assertThat(run.runId()).isEqualTo(905);
        ado.verify(0, postRequestedFor(urlPathEqualTo(RUNS)));
    }

    @Test
    void aLostAnswerOnTheQueueFindsTheRunInsteadOfQueueingASecond() {
        lostAnswer(aResponse().withStatus(503));
        PipelineRun first = queueRun();
        PipelineRun again = queueRun();

        assertThat(first.runId()).isEqualTo(901);
        assertThat(first.created()).isFalse();
        assertThat(again.runId()).isEqualTo(901);
        ado.verify(1, postRequestedFor(urlPathEqualTo(RUNS)));
    }

    @Test
    void aDroppedConnectionOnTheQueueIsNotRepeated() {
        lostAnswer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThat(queueRun().runId()).isEqualTo(901);
        ado.verify(1, postRequestedFor(urlPathEqualTo(RUNS)));
    }

    @Test
    void aLostAnswerWithTheRunNotVisibleYetIsUnavailableAndTheRepeatFindsIt() {
        ado.stubFor(lookup().inScenario("queue").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(builds())));
        ado.stubFor(queue().inScenario("queue").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("hidden"));
        ado.stubFor(lookup().inScenario("queue").whenScenarioStateIs("hidden")
                .willReturn(okJson(builds())).willSetStateTo("visible"));
        ado.stubFor(lookup().inScenario("queue").whenScenarioStateIs("visible")
                .willReturn(okJson(builds(build(901, COMMIT)))));
        ado.stubFor(get(urlPathEqualTo(RUNS + "/901")).willReturn(okJson(run(901, "inProgress", null))));

        assertThatThrownBy(this::queueRun).isInstanceOfSatisfying(ApiProblemException.class,
                e -> assertThat(e.status().value()).isEqualTo(503));
        assertThat(queueRun().runId()).isEqualTo(901);
        ado.verify(1, postRequestedFor(urlPathEqualTo(RUNS)));
    }

    /** The queue is applied (the fake's scenario moves on) but its answer is {@code lost}. */
    private void lostAnswer(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder lost) {
        ado.stubFor(lookup().inScenario("queue").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(builds())));
        ado.stubFor(queue().inScenario("queue").whenScenarioStateIs(Scenario.STARTED).willReturn(lost)
                .willSetStateTo("queued"));
        ado.stubFor(lookup().inScenario("queue").whenScenarioStateIs("queued")
                .willReturn(okJson(builds(build(901, COMMIT)))));
        ado.stubFor(get(urlPathEqualTo(RUNS + "/901")).willReturn(okJson(run(901, "inProgress", null))));
    }

    @Test
    void aRefusedQueueNamesTheBuildExecuteScope() {
        ado.stubFor(lookup().willReturn(okJson(builds())));
        ado.stubFor(queue().willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"TF215106: Access denied. needs Queue builds permissions\"}")));

        assertThatThrownBy(this::queueRun).isInstanceOfSatisfying(ApiProblemException.class, e -> {
            assertThat(e.type()).isEqualTo(ProblemTypes.PERMISSION);
            assertThat(e.getMessage()).contains("vso.build_execute").doesNotContain(AdoTestSupport.PAT);
            assertThat(e.properties()).containsEntry("requiredScope", "vso.build_execute");
        });
    }

    @Test
    void refusedTestResultsNameTheTestScope() {
        ado.stubFor(get(urlPathEqualTo(PROJECT + "/test/runs")).willReturn(aResponse().withStatus(403)));

        assertThatThrownBy(() -> support.provider.tests(AdoTestSupport.repo(), 42, 901))
                .isInstanceOfSatisfying(ApiProblemException.class, e -> {
                    assertThat(e.getMessage()).contains("vso.test");
                    assertThat(e.properties()).containsEntry("requiredScope", "vso.test");
                });
    }

    @Test
    void readsACompletedRunAfterThrottlingAndAnOutage() {
        ado.stubFor(get(urlPathEqualTo(RUNS + "/901")).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")).willSetStateTo("down"));
        ado.stubFor(get(urlPathEqualTo(RUNS + "/901")).inScenario("busy").whenScenarioStateIs("down")
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "3")).willSetStateTo("up"));
        ado.stubFor(get(urlPathEqualTo(RUNS + "/901")).inScenario("busy").whenScenarioStateIs("up")
                .willReturn(okJson(run(901, "completed", "canceled"))));

        PipelineRun run = support.provider.run(AdoTestSupport.repo(), 42, 901);

        assertThat(run.completed()).isTrue();
        assertThat(run.result()).isEqualTo(PipelineRunResult.CANCELED);
        assertThat(run.finishedAt()).isEqualTo(Instant.parse("2026-12-07T01:12:03.1Z"));
        assertThat(support.waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(3));
    }

    @Test
    void sumsTheTestRunsOfTheBuildAndNamesTheFailedTests() {
        ado.stubFor(get(urlPathEqualTo(PROJECT + "/test/runs"))
                .withQueryParam("buildUri", equalTo("vstfs:///Build/Build/901"))
                .willReturn(okJson("{\"value\":[{\"id\":16,\"name\":\"VSTest Test Run release any cpu\","
                        + "\"url\":\"https://dev.azure.com/contoso/Web%20Shop/_apis/test/Runs/16\",\"isAutomated\":true,"
                        + "\"state\":\"Completed\"},{\"id\":17,\"name\":\"JUnit\",\"isAutomated\":true,"
                        + "\"state\":\"Completed\"}],\"count\":2}")));
        ado.stubFor(get(urlPathEqualTo(PROJECT + "/test/runs/16/Statistics")).willReturn(okJson(
                "{\"run\":{\"id\":\"16\",\"name\":\"VSTest\"},\"runStatistics\":[{\"state\":\"Completed\","
                        + "\"outcome\":\"Passed\",\"count\":40},{\"state\":\"Completed\",\"outcome\":\"Failed\","
                        + "\"count\":2},{\"state\":\"Completed\",\"outcome\":\"NotExecuted\",\"count\":1}]}")));
        ado.stubFor(get(urlPathEqualTo(PROJECT + "/test/runs/17/Statistics")).willReturn(okJson(
                "{\"run\":{\"id\":\"17\"},\"runStatistics\":[{\"state\":\"Completed\",\"outcome\":\"Passed\","
                        + "\"count\":1}]}")));
        ado.stubFor(get(urlPathEqualTo(PROJECT + "/test/Runs/16/results"))
                .withQueryParam("outcomes", equalTo("Failed,Error,Timeout,Aborted"))
                .willReturn(okJson("{\"count\":2,\"value\":[{\"id\":100001,\"outcome\":\"Failed\","
                        + "\"testCaseTitle\":\"Fail1\",\"automatedTestName\":\"shop.CartTest.total\","
                        + "\"errorMessage\":\"expected 3 but was 4\\n at shop.CartTest\"},{\"id\":100002,"
                        + "\"outcome\":\"Failed\",\"testCaseTitle\":\"Fail2\"}]}")));

        PipelineTests tests = support.provider.tests(AdoTestSupport.repo(), 42, 901);

        assertThat(tests.published()).isTrue();
        assertThat(tests.counts()).isEqualTo(new TestCounts(41, 2, 1));
        assertThat(tests.failingTests()).containsExactly("shop.CartTest.total: expected 3 but was 4", "Fail2");
        ado.verify(0, getRequestedFor(urlPathEqualTo(PROJECT + "/test/Runs/17/results")));
    }

    @Test
    void aRunWithoutPublishedTestsHasNoCounts() {
        ado.stubFor(get(urlPathEqualTo(PROJECT + "/test/runs")).willReturn(okJson("{\"value\":[],\"count\":0}")));

        assertThat(support.provider.tests(AdoTestSupport.repo(), 42, 901)).isEqualTo(PipelineTests.none());
    }

    static final String BUILD = BUILDS + "/901";
    static final String CANCEL_BODY = "{\"status\":\"cancelling\"}";

    /** A {@code Build} of the Build 7.1 spec, with the fields the adapter reads. */
    static String buildWithStatus(String status, String result) {
        return "{\"id\":901,\"buildNumber\":\"20261207.901\",\"status\":\"" + status + "\","
                + (result == null ? "" : "\"result\":\"" + result + "\",")
                + "\"uri\":\"vstfs:///Build/Build/901\",\"definition\":{\"id\":42,\"name\":\"Payments-CI\"},"
                + "\"sourceBranch\":\"refs/heads/" + BRANCH + "\",\"sourceVersion\":\"" + COMMIT + "\"}";
    }

    PipelineRunCancellation cancel() {
        return support.provider.cancelRun(AdoTestSupport.repo(), 42, 901);
    }

    @Test
    void cancelsARunningRunByUpdatingItsBuild() {
        ado.stubFor(get(urlPathEqualTo(BUILD)).willReturn(okJson(buildWithStatus("inProgress", null))));
        ado.stubFor(patch(urlPathEqualTo(BUILD)).withQueryParam("api-version", equalTo("7.1"))
                .withRequestBody(equalToJson(CANCEL_BODY))
                .willReturn(okJson(buildWithStatus("cancelling", null))));

        PipelineRunCancellation cancellation = cancel();

        assertThat(cancellation).isEqualTo(new PipelineRunCancellation(42, 901, true, PipelineRunState.CANCELING,
                null));
        ado.verify(1, patchRequestedFor(urlPathEqualTo(BUILD)).withHeader("Authorization",
                equalTo(AdoTestSupport.BASIC)).withHeader("Content-Type", equalTo("application/json")));
    }

    @Test
    void aCompletedRunOrOneBeingCancelledIsNotAskedAgain() {
        ado.stubFor(get(urlPathEqualTo(BUILD)).inScenario("done").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(buildWithStatus("completed", "succeeded"))).willSetStateTo("cancelling"));
        ado.stubFor(get(urlPathEqualTo(BUILD)).inScenario("done").whenScenarioStateIs("cancelling")
                .willReturn(okJson(buildWithStatus("cancelling", null))));

        assertThat(cancel()).isEqualTo(new PipelineRunCancellation(42, 901, false, PipelineRunState.COMPLETED,
                PipelineRunResult.SUCCEEDED));
        assertThat(cancel().requested()).isTrue();
        ado.verify(0, patchRequestedFor(urlPathEqualTo(BUILD)));
    }

    @Test
    void aCancelThrottledAndUnavailableIsRetriedAfterRetryAfter() {
        ado.stubFor(get(urlPathEqualTo(BUILD)).willReturn(okJson(buildWithStatus("notStarted", null))));
        ado.stubFor(patch(urlPathEqualTo(BUILD)).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")).willSetStateTo("down"));
        ado.stubFor(patch(urlPathEqualTo(BUILD)).inScenario("busy").whenScenarioStateIs("down")
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "3")).willSetStateTo("up"));
        ado.stubFor(patch(urlPathEqualTo(BUILD)).inScenario("busy").whenScenarioStateIs("up")
                .willReturn(okJson(buildWithStatus("cancelling", null))));

        assertThat(cancel().state()).isEqualTo(PipelineRunState.CANCELING);
        assertThat(support.waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(3));
        ado.verify(3, patchRequestedFor(urlPathEqualTo(BUILD)));
    }

    @Test
    void aLostAnswerOnTheCancelIsSettledByReadingTheBuild() {
        AdoTestSupport once = new AdoTestSupport("http://localhost:" + ado.getPort(), 1, Duration.ofSeconds(30),
                Duration.ofMillis(500), null);
        ado.stubFor(get(urlPathEqualTo(BUILD)).inScenario("lost").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(buildWithStatus("inProgress", null))));
        ado.stubFor(patch(urlPathEqualTo(BUILD)).inScenario("lost").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("applied"));
        ado.stubFor(get(urlPathEqualTo(BUILD)).inScenario("lost").whenScenarioStateIs("applied")
                .willReturn(okJson(buildWithStatus("completed", "canceled"))));

        PipelineRunCancellation cancellation = once.provider.cancelRun(AdoTestSupport.repo(), 42, 901);

        assertThat(cancellation).isEqualTo(new PipelineRunCancellation(42, 901, true, PipelineRunState.COMPLETED,
                PipelineRunResult.CANCELED));
        ado.verify(1, patchRequestedFor(urlPathEqualTo(BUILD)));
    }

    @Test
    void aLostAnswerWithTheRunStillRunningIsUnavailable() {
        AdoTestSupport once = new AdoTestSupport("http://localhost:" + ado.getPort(), 1, Duration.ofSeconds(30),
                Duration.ofMillis(500), null);
        ado.stubFor(get(urlPathEqualTo(BUILD)).willReturn(okJson(buildWithStatus("inProgress", null))));
        ado.stubFor(patch(urlPathEqualTo(BUILD)).willReturn(aResponse().withStatus(502)));

        assertThatThrownBy(() -> once.provider.cancelRun(AdoTestSupport.repo(), 42, 901))
                .isInstanceOfSatisfying(ApiProblemException.class, e -> assertThat(e.status().value())
                        .isEqualTo(503));
    }

    @Test
    void aCancelRefusedBecauseTheRunCompletedMeanwhileIsFine() {
        ado.stubFor(get(urlPathEqualTo(BUILD)).inScenario("race").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(buildWithStatus("inProgress", null))).willSetStateTo("completed"));
        ado.stubFor(get(urlPathEqualTo(BUILD)).inScenario("race").whenScenarioStateIs("completed")
                .willReturn(okJson(buildWithStatus("completed", "failed"))));
        ado.stubFor(patch(urlPathEqualTo(BUILD)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"The build 901 has already completed and cannot be canceled.\"}")));

        assertThat(cancel()).isEqualTo(new PipelineRunCancellation(42, 901, false, PipelineRunState.COMPLETED,
                PipelineRunResult.FAILED));
    }

    @Test
    void aRefusedCancelNamesTheBuildExecuteScope() {
        ado.stubFor(get(urlPathEqualTo(BUILD)).willReturn(okJson(buildWithStatus("inProgress", null))));
        ado.stubFor(patch(urlPathEqualTo(BUILD)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"TF215106: Access denied. needs Stop builds permissions\"}")));

        assertThatThrownBy(this::cancel).isInstanceOfSatisfying(ApiProblemException.class, e -> {
            assertThat(e.type()).isEqualTo(ProblemTypes.PERMISSION);
            assertThat(e.getMessage()).contains("vso.build_execute").doesNotContain(AdoTestSupport.PAT);
            assertThat(e.properties()).containsEntry("requiredScope", "vso.build_execute");
        });
    }

    static String record(String type, String name, String result, Integer logId, String... issues) {
        StringBuilder list = new StringBuilder();
        for (String issue : issues) {
            list.append(list.isEmpty() ? "" : ",").append("{\"type\":\"error\",\"category\":\"General\","
                    + "\"message\":\"").append(issue).append("\",\"data\":{\"type\":\"error\"}}");
        }
        return "{\"id\":\"" + java.util.UUID.nameUUIDFromBytes(name.getBytes()) + "\",\"parentId\":null,\"type\":\""
                + type + "\",\"name\":\"" + name + "\",\"startTime\":\"2026-12-07T01:03:00Z\",\"state\":\"completed\","
                + "\"result\":\"" + result + "\",\"errorCount\":" + issues.length + ",\"warningCount\":0,"
                + (logId == null ? "" : "\"log\":{\"id\":" + logId + ",\"type\":\"Container\",\"url\":"
                        + "\"https://dev.azure.com/contoso/_apis/build/builds/901/logs/" + logId + "\"},")
                + "\"issues\":[" + list + "]}";
    }

    static String timeline(String... records) {
        return "{\"records\":[" + String.join(",", records) + "],\"lastChangedBy\":"
                + "\"00000002-0000-8888-8000-000000000000\",\"lastChangedOn\":\"2026-12-07T01:12:03Z\","
                + "\"id\":\"8e1f4e3b-0000-0000-0000-000000000001\",\"changeId\":42,"
                + "\"url\":\"https://dev.azure.com/contoso/_apis/build/builds/901/Timeline\"}";
    }

    @Test
    void aFailedRunIsExplainedByTheErrorIssuesOfItsTimeline() {
        ado.stubFor(get(urlPathEqualTo(BUILD + "/timeline")).withQueryParam("api-version", equalTo("7.1"))
                .willReturn(okJson(timeline(
                        record("Job", "Build job", "failed", 3, "src/Cart.cs(12,5): error CS1002: ; expected"),
                        record("Task", "Checkout", "succeeded", 4),
                        record("Task", "dotnet build", "failed", 7, "src/Cart.cs(12,5): error CS1002: ; expected",
                                "Multi\\nline"),
                        record("Stage", "Build", "failed", null)))));

        PipelineFailure failure = support.provider.failure(AdoTestSupport.repo(), 42, 901);

        assertThat(failure.errors()).containsExactly("dotnet build: src/Cart.cs(12,5): error CS1002: ; expected",
                "dotnet build: Multi line");
        assertThat(failure.failedTask()).isNull();
        assertThat(failure.logTail()).isEmpty();
        ado.verify(0, getRequestedFor(urlPathEqualTo(BUILD + "/logs/7")));
    }

    @Test
    void aFailedStepThatOnlySaysItsExitCodeIsExplainedByTheEndOfItsLog() {
        ado.stubFor(get(urlPathEqualTo(BUILD + "/timeline")).willReturn(okJson(timeline(
                record("Task", "Run tests", "failed", 9, "Bash exited with code '1'.")))));
        ado.stubFor(get(urlPathEqualTo(BUILD + "/logs")).willReturn(okJson("{\"count\":2,\"value\":["
                + "{\"lineCount\":12,\"createdOn\":\"2026-12-07T01:03:00Z\",\"id\":8,\"type\":\"Container\"},"
                + "{\"lineCount\":400,\"createdOn\":\"2026-12-07T01:04:00Z\",\"id\":9,\"type\":\"Container\"}]}")));
        StringBuilder log = new StringBuilder();
        for (int i = 340; i <= 397; i++) {
            log.append("2026-12-07T01:05:").append(String.format("%02d", i % 60)).append(".1234567Z line ").append(i)
                    .append('\n');
        }
        log.append("2026-12-07T01:06:00.1234567Z \n2026-12-07T01:06:00.2Z ##[error]npm ERR! Test failed.\n"
                + "2026-12-07T01:06:00.3Z ##[section]Finishing: Run tests\n");
        ado.stubFor(get(urlPathEqualTo(BUILD + "/logs/9")).withQueryParam("startLine", equalTo("340"))
                .withHeader("Accept", equalTo("text/plain"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain")
                        .withBody(log.toString())));

        PipelineFailure failure = support.provider.failure(AdoTestSupport.repo(), 42, 901);

        assertThat(failure.errors()).containsExactly("Run tests: Bash exited with code '1'.");
        assertThat(failure.failedTask()).isEqualTo("Run tests");
        assertThat(failure.logTail()).hasSize(15).endsWith("line 397", "##[error]npm ERR! Test failed.")
                .startsWith("line 384");
    }

    @Test
    void aLogWithoutALineCountIsReadWhole() {
        ado.stubFor(get(urlPathEqualTo(BUILD + "/timeline")).willReturn(okJson(timeline(
                record("Task", "Maven", "failed", 5)))));
        ado.stubFor(get(urlPathEqualTo(BUILD + "/logs")).willReturn(aResponse().withStatus(404)));
        ado.stubFor(get(urlPathEqualTo(BUILD + "/logs/5")).withQueryParam("startLine", absent())
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain")
                        .withBody("2026-12-07T01:05:00.1Z [ERROR] Failed to execute goal: compilation failure\n"
                                + "2026-12-07T01:05:00.2Z [ERROR] Cart.java:[12,5] ';' expected\n")));

        PipelineFailure failure = support.provider.failure(AdoTestSupport.repo(), 42, 901);

        assertThat(failure.errors()).isEmpty();
        assertThat(failure.logTail()).containsExactly("[ERROR] Failed to execute goal: compilation failure",
                "[ERROR] Cart.java:[12,5] ';' expected");
    }

    @Test
    void aRunWithoutFailedRecordsHasNothingToSayAndAReadRefusalNamesTheBuildScope() {
        ado.stubFor(get(urlPathEqualTo(BUILD + "/timeline")).willReturn(okJson(timeline(
                record("Task", "Build", "succeeded", 2)))));
        assertThat(support.provider.failure(AdoTestSupport.repo(), 42, 901)).isEqualTo(PipelineFailure.none());

        ado.stubFor(get(urlPathEqualTo(BUILD + "/timeline")).willReturn(aResponse().withStatus(401)));
        assertThatThrownBy(() -> support.provider.failure(AdoTestSupport.repo(), 42, 901))
                .isInstanceOfSatisfying(ApiProblemException.class,
                        e -> assertThat(e.properties()).containsEntry("requiredScope", "vso.build"));
    }
}
