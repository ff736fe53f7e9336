package dev.codeagent.adapter.ado;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.codeagent.adapter.provider.RepositoryCoordinates;
import dev.codeagent.contracts.ProblemTypes;
import dev.codeagent.contracts.git.CompletePullRequestRequest;
import dev.codeagent.contracts.git.MergeStrategy;
import dev.codeagent.contracts.git.PullRequestAbandonment;
import dev.codeagent.contracts.git.PullRequestCompletion;
import dev.codeagent.platform.web.ApiProblemException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /pick against Azure DevOps: Pull Requests - Update to complete or abandon, Refs - Update Refs to delete. */
class AzureDevOpsCompletionsTest {

    static final String PR = AdoTestSupport.REPO_PATH + "/pullrequests/88";
    static final String REFS = AdoTestSupport.REPO_PATH + "/refs";
    static final String SOURCE = "2222222222222222222222222222222222222222";
    static final String MERGED = "9999999999999999999999999999999999999999";
    static final RepositoryCoordinates REPO = new RepositoryCoordinates("contoso", "Web Shop", "shop");
    static final CompletePullRequestRequest PICK = new CompletePullRequestRequest(SOURCE, MergeStrategy.SQUASH,
            "Pick variant 2: add validation", true);
    static final String COMPLETION_BODY = """
            {"status": "completed",
             "lastMergeSourceCommit": {"commitId": "%s"},
             "completionOptions": {"mergeStrategy": "squash", "deleteSourceBranch": true,
                                   "mergeCommitMessage": "Pick variant 2: add validation"}}""".formatted(SOURCE);

    @RegisterExtension
    static WireMockExtension ado = AdoTestSupport.fakeAzureDevOps();

    AdoTestSupport support = new AdoTestSupport("http://localhost:" + ado.getPort());

    static String pr(String status, boolean draft, String mergeStatus, String mergeCommit) {
        return """
                {"pullRequestId": 88, "status": "%s", "isDraft": %s, "mergeStatus": "%s",
                 "sourceRefName": "refs/heads/agents/edit-7-abc-2", "targetRefName": "refs/heads/feature",
                 "lastMergeSourceCommit": {"commitId": "%s"}%s}""".formatted(status, draft, mergeStatus, SOURCE,
                mergeCommit == null ? "" : ", \"lastMergeCommit\": {\"commitId\": \"" + mergeCommit + "\"}");
    }

    void stubRead(String state, String answer) {
        ado.stubFor(get(urlPathEqualTo(PR)).inScenario("pr").whenScenarioStateIs(state).willReturn(okJson(answer)));
    }

    @Test
    void publishesTheDraftThenCompletesWithTheExactOptions() {
        stubRead(Scenario.STARTED, pr("active", true, "succeeded", null));
        ado.stubFor(patch(urlPathEqualTo(PR)).withRequestBody(equalToJson("{\"isDraft\": false}"))
                .willReturn(okJson(pr("active", false, "succeeded", null))));
        ado.stubFor(patch(urlPathEqualTo(PR)).withRequestBody(equalToJson(COMPLETION_BODY))
                .willReturn(okJson(pr("completed", false, "succeeded", MERGED))));

        PullRequestCompletion completion = support.provider.completePullRequest(REPO, 88, PICK);

        assertThat(completion).isEqualTo(new PullRequestCompletion(88, MERGED, true));
        ado.verify(1, patchRequestedFor(urlPathEqualTo(PR)).withQueryParam("api-version", equalTo("7.1"))
                .withRequestBody(equalToJson("{\"isDraft\": false}")));
        ado.verify(1, patchRequestedFor(urlPathEqualTo(PR)).withRequestBody(equalToJson(COMPLETION_BODY)));
    }

    @Test
    void anAsynchronousCompletionIsAwaited() {
        stubRead(Scenario.STARTED, pr("active", false, "succeeded", null));
        ado.stubFor(patch(urlPathEqualTo(PR)).inScenario("pr").willSetStateTo("merging")
                .willReturn(okJson(pr("active", false, "queued", null))));
        stubRead("merging", pr("completed", false, "succeeded", MERGED));

        assertThat(support.provider.completePullRequest(REPO, 88, PICK))
                .isEqualTo(new PullRequestCompletion(88, MERGED, true));
    }

    @Test
    void aMergeConflictAnswerIsMergeConflict() {
        stubRead(Scenario.STARTED, pr("active", false, "conflicts", null));
        ado.stubFor(patch(urlPathEqualTo(PR)).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\": \"TF401192: The pull request cannot be completed because of merge conflicts."
                        + "\", \"typeKey\": \"GitPullRequestCannotBeCompletedException\"}")));

        ApiProblemException problem = catchThrowableOfType(ApiProblemException.class,
                () -> support.provider.completePullRequest(REPO, 88, PICK));

        assertThat(problem.status().value()).isEqualTo(409);
        assertThat(problem.type()).isEqualTo(ProblemTypes.MERGE_CONFLICT);
        assertThat(problem.getMessage()).contains("TF401192");
    }

    @Test
    void aConflictFoundWhileMergingIsMergeConflict() {
        stubRead(Scenario.STARTED, pr("active", false, "queued", null));
        ado.stubFor(patch(urlPathEqualTo(PR)).inScenario("pr").willSetStateTo("merged")
                .willReturn(okJson(pr("active", false, "queued", null))));
        stubRead("merged", pr("active", false, "conflicts", null));

        ApiProblemException problem = catchThrowableOfType(ApiProblemException.class,
                () -> support.provider.completePullRequest(REPO, 88, PICK));

        assertThat(problem.type()).isEqualTo(ProblemTypes.MERGE_CONFLICT);
    }

    @Test
    void aPolicyRefusalNamesThePolicy() {
        stubRead(Scenario.STARTED, pr("active", false, "succeeded", null));
        ado.stubFor(patch(urlPathEqualTo(PR)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\": \"TF401027: The policy 'Minimum number of reviewers' is blocking the "
                        + "completion of this pull request.\"}")));

        ApiProblemException problem = catchThrowableOfType(ApiProblemException.class,
                () -> support.provider.completePullRequest(REPO, 88, PICK));

        assertThat(problem.status().value()).isEqualTo(409);
        assertThat(problem.type()).isEqualTo(ProblemTypes.POLICY_BLOCKED);
        assertThat(problem.properties()).containsEntry("policy", "Minimum number of reviewers");
    }

    @Test
    void aCompletionLeftActiveByABlockingPolicyIsPolicyBlocked() {
        stubRead(Scenario.STARTED, pr("active", false, "succeeded", null));
        ado.stubFor(patch(urlPathEqualTo(PR)).willReturn(okJson(pr("active", false, "succeeded", null))));

        ApiProblemException problem = catchThrowableOfType(ApiProblemException.class,
                () -> support.provider.completePullRequest(REPO, 88, PICK));

        assertThat(problem.type()).isEqualTo(ProblemTypes.POLICY_BLOCKED);
        assertThat(support.waits).hasSize(support.properties.maxAttempts() - 1);
    }

    /**
     * Azure DevOps applies the completion but {@code lost} is what reaches the caller: the call answers the merge, and
     * so does the orchestrator's repeated request, from one completion sent.
     */
    void completionAppliedBut(ResponseDefinitionBuilder lost) {
        stubRead(Scenario.STARTED, pr("active", false, "succeeded", null));
        ado.stubFor(patch(urlPathEqualTo(PR)).withRequestBody(equalToJson(COMPLETION_BODY)).inScenario("pr")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("completed").willReturn(lost));
        stubRead("completed", pr("completed", false, "succeeded", MERGED));

        assertThat(support.provider.completePullRequest(REPO, 88, PICK))
                .isEqualTo(new PullRequestCompletion(88, MERGED, true));
        assertThat(support.provider.completePullRequest(REPO, 88, PICK))
                .isEqualTo(new PullRequestCompletion(88, MERGED, false));
        ado.verify(1, patchRequestedFor(urlPathEqualTo(PR)));
    }

    @Test
    void aLostAnswerOnCompletionIsRetriedSafelyWithoutASecondMerge() {
        completionAppliedBut(aResponse().withStatus(500));
    }

    @Test
    void aCompletionAppliedButAnswered503IsTheMergeAndIsNotSentAgain() {
        // The gateway in front of Azure DevOps answers 503 with Retry-After.
        completionAppliedBut(aResponse().withStatus(503).withHeader("Retry-After", "1"));
    }

    @Test
    void aCompletionThatTimedOutIsReadBackNotSentAgain() {
        // Stops waiting for an answer after a second; one try per call, so only the read-back can tell.
        support = new AdoTestSupport("http://localhost:" + ado.getPort(), 1, Duration.ofSeconds(5),
                Duration.ofSeconds(1), null);
        completionAppliedBut(okJson(pr("completed", false, "succeeded", MERGED)).withFixedDelay(3000));
    }

    @Test
    void aLostCompletionStillMergingIsUnavailableAndTheRepeatedCallFindsTheMerge() {
        stubRead(Scenario.STARTED, pr("active", false, "succeeded", null));
        ado.stubFor(patch(urlPathEqualTo(PR)).withRequestBody(equalToJson(COMPLETION_BODY)).inScenario("pr")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("merging")
                .willReturn(aResponse().withStatus(502)));
        stubRead("merging", pr("active", false, "queued", null));

        ApiProblemException notYet = catchThrowableOfType(ApiProblemException.class,
                () -> support.provider.completePullRequest(REPO, 88, PICK));
        assertThat(notYet.status().value()).isEqualTo(503);
        assertThat(notYet.type()).isEqualTo(ProblemTypes.UNAVAILABLE);

        // Azure DevOps finishes the merge; the orchestrator asks again and gets it, with no second completion.
        stubRead("completed", pr("completed", false, "succeeded", MERGED));
        ado.setScenarioState("pr", "completed");
        assertThat(support.provider.completePullRequest(REPO, 88, PICK))
                .isEqualTo(new PullRequestCompletion(88, MERGED, false));
        ado.verify(1, patchRequestedFor(urlPathEqualTo(PR)));
    }

    @Test
    void aSourceThatMovedIsAConflictAndNothingIsSent() {
        stubRead(Scenario.STARTED, pr("active", false, "succeeded", null).replace(SOURCE, MERGED));

        ApiProblemException problem = catchThrowableOfType(ApiProblemException.class,
                () -> support.provider.completePullRequest(REPO, 88, PICK));

        assertThat(problem.type()).isEqualTo(ProblemTypes.CONFLICT);
        ado.verify(0, patchRequestedFor(urlPathEqualTo(PR)));
    }

    @Test
    void abandonSendsTheStatusOnceAndLeavesClosedOnesAlone() {
        stubRead(Scenario.STARTED, pr("active", true, "succeeded", null));
        ado.stubFor(patch(urlPathEqualTo(PR)).withRequestBody(equalToJson("{\"status\": \"abandoned\"}"))
                .inScenario("pr").willSetStateTo("abandoned").willReturn(okJson(pr("abandoned", true, "succeeded", null))));
        stubRead("abandoned", pr("abandoned", true, "succeeded", null));

        assertThat(support.provider.abandonPullRequest(REPO, 88))
                .isEqualTo(new PullRequestAbandonment(88, true, "abandoned"));
        assertThat(support.provider.abandonPullRequest(REPO, 88))
                .isEqualTo(new PullRequestAbandonment(88, false, "abandoned"));
        ado.verify(1, patchRequestedFor(urlPathEqualTo(PR)));
    }

    @Test
    void descriptionIsAPullRequestUpdateWithOnlyTheDescription() {
        ado.stubFor(patch(urlPathEqualTo(PR)).willReturn(okJson(pr("active", true, "succeeded", null))));

        support.provider.updateDescription(REPO, 88, "Variant **2**, refined\n\n<!-- marker -->");

        ado.verify(1, patchRequestedFor(urlPathEqualTo(PR)).withQueryParam("api-version", equalTo("7.1"))
                .withRequestBody(equalToJson("{\"description\": \"Variant **2**, refined\\n\\n<!-- marker -->\"}")));
    }

    @Test
    void aThrottledDescriptionUpdateWaitsOutRetryAfterAndIsSentAgain() {
        ado.stubFor(patch(urlPathEqualTo(PR)).inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "2")).willSetStateTo("ok"));
        ado.stubFor(patch(urlPathEqualTo(PR)).inScenario("throttle").whenScenarioStateIs("ok")
                .willReturn(okJson(pr("active", true, "succeeded", null))));

        support.provider.updateDescription(REPO, 88, "refined");

        assertThat(support.waits).containsExactly(Duration.ofSeconds(2));
        ado.verify(2, patchRequestedFor(urlPathEqualTo(PR)).withRequestBody(equalToJson("{\"description\": \"refined\"}")));
    }

    @Test
    void deleteBranchIsARefUpdateToZerosGuardedByTheExpectedCommit() {
        String branch = "refs/heads/agents/edit-7-abc-1";
        ado.stubFor(get(urlPathEqualTo(REFS)).inScenario("ref").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"count\": 1, \"value\": [{\"name\": \"" + branch + "\", \"objectId\": \""
                        + SOURCE + "\"}]}")));
        ado.stubFor(post(urlPathEqualTo(REFS)).inScenario("ref").willSetStateTo("deleted")
                .willReturn(okJson("{\"count\": 1, \"value\": [{\"name\": \"" + branch + "\", \"success\": true,"
                        + " \"updateStatus\": \"succeeded\"}]}")));
        ado.stubFor(get(urlPathEqualTo(REFS)).inScenario("ref").whenScenarioStateIs("deleted")
                .willReturn(okJson("{\"count\": 0, \"value\": []}")));

        support.provider.deleteBranch(REPO, "agents/edit-7-abc-1", SOURCE);
        support.provider.deleteBranch(REPO, "agents/edit-7-abc-1", SOURCE);

        ado.verify(1, postRequestedFor(urlPathEqualTo(REFS)).withRequestBody(equalToJson("[{\"name\": \"" + branch
                + "\", \"oldObjectId\": \"" + SOURCE + "\", \"newObjectId\": \"0000000000000000000000000000000000000000\"}]")));
    }

    @Test
    void policyNamesAreTakenFromQuotes() {
        assertThat(AzureDevOpsCompletions.policyName("The policy 'Build' failed")).isEqualTo("Build");
        assertThat(AzureDevOpsCompletions.policyName("no name")).isNull();
    }
}
