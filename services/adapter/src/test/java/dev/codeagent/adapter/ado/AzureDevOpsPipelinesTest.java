package dev.codeagent.adapter.ado;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
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
import dev.codeagent.contracts.pipeline.PipelineRef;
import dev.codeagent.contracts.pipeline.PipelineRun;
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
 * pipelines list paged by the {@code x-ms-continuationtoken} header, runs with {@code _links.web.href}.
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
}
