package dev.codeagent.adapter.ado;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.codeagent.adapter.provider.IdempotencyKeys;
import dev.codeagent.contracts.AgentMarker;
import dev.codeagent.contracts.git.BranchInfo;
import dev.codeagent.contracts.git.CommentRef;
import dev.codeagent.contracts.git.CommentRequest;
import dev.codeagent.contracts.git.CommitRequest;
import dev.codeagent.contracts.git.CommitResult;
import dev.codeagent.contracts.git.CreateBranchRequest;
import dev.codeagent.contracts.git.CreatePullRequestRequest;
import dev.codeagent.contracts.git.FileChange;
import dev.codeagent.contracts.git.PullRequestRef;
import dev.codeagent.contracts.git.StatusRequest;
import dev.codeagent.contracts.git.StatusState;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * "Create succeeds, answer lost", for every create the provider makes on Azure DevOps. The fake applies the
 * first request (its scenario moves on) but the answer is lost: a 502 or 503, a dropped connection or a
 * timeout. The create must answer with what it made, and so must the same request repeated by the
 * orchestrator; neither may make a second one.
 */
class AzureDevOpsLostAnswerTest {

    static final String REPO = AdoTestSupport.REPO_PATH;
    static final String BASE = "1111111111111111111111111111111111111111";
    static final String PUSHED = "3333333333333333333333333333333333333333";
    static final String REFS = REPO + "/refs";
    static final String PULL_REQUESTS = REPO + "/pullrequests";
    static final String THREADS = REPO + "/pullRequests/57/threads";
    static final String THREAD = THREADS + "/301";
    static final String SUMMARY = IdempotencyKeys.marker("job-j1-summary");

    @RegisterExtension
    static WireMockExtension ado = AdoTestSupport.fakeAzureDevOps();

    AdoTestSupport support = new AdoTestSupport("http://localhost:" + ado.getPort());

    /** A provider that stops waiting for an answer after a second, with {@code attempts} tries per call. */
    static AdoTestSupport impatient(int attempts) {
        return new AdoTestSupport("http://localhost:" + ado.getPort(), attempts, Duration.ofSeconds(5),
                Duration.ofSeconds(1), null);
    }

    /** What the fake answers to {@code request} before the create and after it was applied. */
    static void before(MappingBuilder request, ResponseDefinitionBuilder answer) {
        ado.stubFor(request.inScenario("create").whenScenarioStateIs(Scenario.STARTED).willReturn(answer));
    }

    static void after(MappingBuilder request, ResponseDefinitionBuilder answer) {
        ado.stubFor(request.inScenario("create").whenScenarioStateIs("made").willReturn(answer));
    }

    /** The create is applied, whatever reaches the caller. */
    static void appliedButAnswered(MappingBuilder create, ResponseDefinitionBuilder lost) {
        ado.stubFor(create.inScenario("create").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("made")
                .willReturn(lost));
    }

    /** Refs - List: {@code branch} at {@code before} (null: absent) until the create, then at {@code after}. */
    static void branchIs(String branch, String before, String after) {
        before(get(urlPathEqualTo(REFS)), okJson(refs(branch, before)));
        after(get(urlPathEqualTo(REFS)), okJson(refs(branch, after)));
    }

    static String refs(String branch, String commit) {
        return commit == null ? "{\"count\":0,\"value\":[]}" : "{\"count\":1,\"value\":[{\"name\":\"refs/heads/"
                + branch + "\",\"objectId\":\"" + commit + "\"}]}";
    }

    /**
     * The create answers with what it {@code made}, and so does the same request when the orchestrator repeats
     * it; {@code creates} of them reached the fake's {@code path} in all.
     */
    static <T> void answersAlikeTwice(Supplier<T> create, T made, String path, int creates) {
        assertThat(create.get()).isEqualTo(made);
        assertThat(create.get()).isEqualTo(made);
        ado.verify(creates, postRequestedFor(urlPathEqualTo(path)));
    }

    static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    @Test
    void aBranchWhoseCreateAnswered502IsTheBranchMade() {
        branchIs("agents/edit-57-j1-1", null, BASE);
        appliedButAnswered(post(urlPathEqualTo(REFS)), aResponse().withStatus(502));
        // What Azure DevOps answers to creating a ref that exists: not applied, the old object id is stale.
        after(post(urlPathEqualTo(REFS)), okJson("{\"count\":1,\"value\":[{\"name\":\"refs/heads/agents/edit-57-j1-1\","
                + "\"success\":false,\"updateStatus\":\"staleOldObjectId\"}]}"));
        CreateBranchRequest request = new CreateBranchRequest("agents/edit-57-j1-1", BASE);

        // The guarded create is repeated once inside the call and refused; the repeated request only looks.
        answersAlikeTwice(() -> support.provider.createBranch(AdoTestSupport.repo(), request),
                new BranchInfo("agents/edit-57-j1-1", BASE, false), REFS, 2);
    }

    @Test
    void aBranchWhoseCreateNeverAnsweredIsFoundWithoutRepeatingIt() {
        support = impatient(1);
        branchIs("agents/edit-57-j1-2", null, BASE);
        appliedButAnswered(post(urlPathEqualTo(REFS)), okJson("{\"value\":[{\"success\":true}]}")
                .withFixedDelay(3000));

        answersAlikeTwice(() -> support.provider.createBranch(AdoTestSupport.repo(), new CreateBranchRequest(
                "agents/edit-57-j1-2", BASE)), new BranchInfo("agents/edit-57-j1-2", BASE, false), REFS, 1);
    }

    @Test
    void aPushWhoseAnswerWasLostIsTheCommitItMade() {
        String pushes = REPO + "/pushes";
        branchIs("agents/edit-57-j1-1", BASE, PUSHED);
        appliedButAnswered(post(urlPathEqualTo(pushes)), aResponse().withStatus(503));
        // The push's guard: the branch is no longer at the old object id the push names.
        after(post(urlPathEqualTo(pushes)), aResponse().withStatus(409).withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"TF401028: The reference 'refs/heads/agents/edit-57-j1-1' has already been "
                        + "updated by another client, so you cannot update it. Please try again.\"}"));
        ado.stubFor(get(urlPathEqualTo(REPO + "/commits/" + PUSHED)).willReturn(okJson("{\"commitId\":\"" + PUSHED
                + "\",\"parents\":[\"" + BASE + "\"],\"comment\":\"Variant 1: add validation\\r\\n\"}")));
        CommitRequest request = new CommitRequest("agents/edit-57-j1-1", BASE, "Variant 1: add validation\n", null,
                List.of(FileChange.add("src/validation.py", "def validate():\n    pass\n")));

        // Every push after the first is refused by its guard: one commit lands.
        answersAlikeTwice(() -> support.provider.commit(AdoTestSupport.repo(), request),
                new CommitResult("agents/edit-57-j1-1", PUSHED, BASE), pushes, 3);
    }

    @Test
    void aPullRequestWhoseCreateTimedOutIsFoundByItsBranchAndReadByIdThoughTheListCutsItsDescription() {
        support = impatient(4);
        String marker = AgentMarker.of("job", "j1", "variant", "1");
        String description = "## Variant 1\n\n" + "A long account of the approach. ".repeat(40) + "\n\n" + marker;
        assertThat(description.indexOf(marker)).isGreaterThan(PullRequestListTruncation.LISTED_DESCRIPTION);
        String repository = ",\"repository\":{\"webUrl\":\"https://dev.azure.com/contoso/Web%20Shop/_git/shop\"}";
        before(get(urlPathEqualTo(PULL_REQUESTS)), okJson("{\"count\":0,\"value\":[]}"));
        String opened = "{\"pullRequestId\":91,\"status\":\"active\",\"description\":\"" + json(description) + "\""
                + repository + "}";
        after(get(urlPathEqualTo(PULL_REQUESTS)), okJson("{\"count\":1,\"value\":[" + opened + "]}"));
        ado.stubFor(get(urlPathEqualTo(PULL_REQUESTS + "/91")).willReturn(okJson(opened)));
        appliedButAnswered(post(urlPathEqualTo(PULL_REQUESTS)), aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"pullRequestId\":91}")
                .withFixedDelay(3000));
        after(post(urlPathEqualTo(PULL_REQUESTS)), aResponse().withStatus(409)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"TF401179: An active pull request for the source and target branch "
                        + "already exists.\"}"));
        CreatePullRequestRequest request = new CreatePullRequestRequest("refs/heads/agents/edit-57-j1-1",
                "refs/heads/feature/login", "Variant 1", description, true, marker);

        answersAlikeTwice(() -> support.provider.findOrCreatePullRequest(AdoTestSupport.repo(), request),
                new PullRequestRef(91, "https://dev.azure.com/contoso/Web%20Shop/_git/shop/pullrequest/91", false),
                PULL_REQUESTS, 1);
        ado.verify(getRequestedFor(urlPathEqualTo(PULL_REQUESTS))
                .withQueryParam("searchCriteria.sourceRefName", equalTo("refs/heads/agents/edit-57-j1-1"))
                .withQueryParam("searchCriteria.status", equalTo("all")));
        ado.verify(2, getRequestedFor(urlPathEqualTo(PULL_REQUESTS + "/91")));
    }

    @Test
    void aThreadWhoseCreateAnswered502IsTheThreadOpened() {
        before(get(urlPathEqualTo(THREADS)), okJson("{\"count\":0,\"value\":[]}"));
        after(get(urlPathEqualTo(THREADS)), okJson("{\"count\":1,\"value\":[{\"id\":302,\"comments\":[{\"id\":1,"
                + "\"parentCommentId\":0,\"content\":\"Summary\\n\\n" + json(SUMMARY) + "\"}]}]}"));
        appliedButAnswered(post(urlPathEqualTo(THREADS)), aResponse().withStatus(502));

        answersAlikeTwice(() -> support.provider.createThread(AdoTestSupport.repo(), 57,
                new CommentRequest("Summary", null), "job-j1-summary"), new CommentRef(302, 1), THREADS, 1);
    }

    @Test
    void aReplyWhoseCreateAnswered503IsTheReplyPosted() {
        before(get(urlPathEqualTo(THREAD)), okJson("{\"id\":301,\"comments\":[{\"id\":1,\"content\":\"/edit\"}]}"));
        after(get(urlPathEqualTo(THREAD)), okJson("{\"id\":301,\"comments\":[{\"id\":1,\"content\":\"/edit\"},"
                + "{\"id\":2,\"parentCommentId\":1,\"content\":\"Summary\\n\\n" + json(SUMMARY) + "\"}]}"));
        appliedButAnswered(post(urlPathEqualTo(THREAD + "/comments")), aResponse().withStatus(503));
        CommentRequest summary = new CommentRequest("Summary", 1L);

        answersAlikeTwice(() -> support.provider.reply(AdoTestSupport.repo(), 57, 301, summary, "job-j1-summary"),
                new CommentRef(301, 2), THREAD + "/comments", 1);
    }

    /**
     * The progress reply is rewritten in place with text that does not carry the key's marker; a create of it
     * repeated afterwards (say, a replayed step whose first answer was lost) must still find it.
     */
    @Test
    void aReplyEditedInPlaceIsStillFoundWhenItsCreateIsRepeated() {
        String marker = IdempotencyKeys.marker("job-j1-progress");
        String command = "{\"id\":1,\"content\":\"/edit\"}";
        ado.stubFor(get(urlPathEqualTo(THREAD)).inScenario("create").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"id\":301,\"comments\":[" + command + "]}")));
        ado.stubFor(post(urlPathEqualTo(THREAD + "/comments")).inScenario("create")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("replied").willReturn(okJson("{\"id\":2}")));
        ado.stubFor(get(urlPathEqualTo(THREAD + "/comments/2")).willReturn(okJson("{\"id\":2,\"parentCommentId\":1,"
                + "\"content\":\"Working\\n\\n" + json(marker) + "\"}")));
        // The fake keeps whatever the edit sends: the marker, or only the new text.
        ado.stubFor(patch(urlPathEqualTo(THREAD + "/comments/2")).inScenario("create").whenScenarioStateIs("replied")
                .withRequestBody(matchingJsonPath("$.content", containing(marker)))
                .willSetStateTo("edited with the marker").willReturn(okJson("{\"id\":2}")));
        ado.stubFor(patch(urlPathEqualTo(THREAD + "/comments/2")).inScenario("create").whenScenarioStateIs("replied")
                .withRequestBody(matchingJsonPath("$.content", notContaining(marker)))
                .willSetStateTo("edited without it").willReturn(okJson("{\"id\":2}")));
        ado.stubFor(get(urlPathEqualTo(THREAD)).inScenario("create").whenScenarioStateIs("edited with the marker")
                .willReturn(okJson("{\"id\":301,\"comments\":[" + command + ",{\"id\":2,\"parentCommentId\":1,"
                        + "\"content\":\"1 of 3 done\\n\\n" + json(marker) + "\"}]}")));
        ado.stubFor(get(urlPathEqualTo(THREAD)).inScenario("create").whenScenarioStateIs("edited without it")
                .willReturn(okJson("{\"id\":301,\"comments\":[" + command + ",{\"id\":2,\"parentCommentId\":1,"
                        + "\"content\":\"1 of 3 done\"}]}")));
        ado.stubFor(post(urlPathEqualTo(THREAD + "/comments")).inScenario("create")
                .whenScenarioStateIs("edited without it").willReturn(okJson("{\"id\":3}")));
        CommentRequest progress = new CommentRequest("Working", 1L);

        CommentRef reply = support.provider.reply(AdoTestSupport.repo(), 57, 301, progress, "job-j1-progress");
        support.provider.updateComment(AdoTestSupport.repo(), 57, 301, reply.commentId(),
                new CommentRequest("1 of 3 done", null));

        assertThat(support.provider.reply(AdoTestSupport.repo(), 57, 301, progress, "job-j1-progress"))
                .isEqualTo(new CommentRef(301, 2)).isEqualTo(reply);
        ado.verify(patchRequestedFor(urlPathEqualTo(THREAD + "/comments/2"))
                .withRequestBody(matchingJsonPath("$.content", equalTo("1 of 3 done\n\n" + marker))));
        ado.verify(1, postRequestedFor(urlPathEqualTo(THREAD + "/comments")));
    }

    @Test
    void aStatusWhoseConnectionDroppedIsNotPostedTwice() {
        String statuses = REPO + "/pullRequests/57/statuses";
        String pending = "{\"id\":1,\"state\":\"pending\",\"description\":\"Working on 3 variants\","
                + "\"context\":{\"genre\":\"codeagent\",\"name\":\"edit\"},\"targetUrl\":\"https://agent/jobs/j1\"}";
        before(get(urlPathEqualTo(statuses)), okJson("{\"count\":1,\"value\":[" + pending + "]}"));
        after(get(urlPathEqualTo(statuses)), okJson("{\"count\":2,\"value\":[" + pending + ",{\"id\":2,"
                + "\"state\":\"succeeded\",\"description\":\"3 of 3 variants\",\"context\":{\"genre\":\"codeagent\","
                + "\"name\":\"edit\"},\"targetUrl\":\"https://agent/jobs/j1\"}]}"));
        appliedButAnswered(post(urlPathEqualTo(statuses)), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        StatusRequest succeeded = new StatusRequest(StatusState.SUCCEEDED, "codeagent", "edit", "3 of 3 variants",
                "https://agent/jobs/j1");

        support.provider.setStatus(AdoTestSupport.repo(), 57, succeeded);
        support.provider.setStatus(AdoTestSupport.repo(), 57, succeeded);

        ado.verify(1, postRequestedFor(urlPathEqualTo(statuses)));
        assertThat(support.waits).isEmpty();
    }
}
