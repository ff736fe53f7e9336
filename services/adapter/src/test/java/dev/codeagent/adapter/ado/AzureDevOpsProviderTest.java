package dev.codeagent.adapter.ado;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.codeagent.contracts.AgentMarker;
import dev.codeagent.contracts.command.Author;
import dev.codeagent.contracts.git.BranchInfo;
import dev.codeagent.contracts.git.ChangeType;
import dev.codeagent.contracts.git.ChangedFile;
import dev.codeagent.contracts.git.ChangedFiles;
import dev.codeagent.contracts.git.CommentRef;
import dev.codeagent.contracts.git.CommentRequest;
import dev.codeagent.contracts.git.CommitRequest;
import dev.codeagent.contracts.git.CommitResult;
import dev.codeagent.contracts.git.ContentsRequest;
import dev.codeagent.contracts.git.CreateBranchRequest;
import dev.codeagent.contracts.git.CreatePullRequestRequest;
import dev.codeagent.contracts.git.FileChange;
import dev.codeagent.contracts.git.FileContent;
import dev.codeagent.contracts.git.FileContents;
import dev.codeagent.contracts.git.PullRequestInfo;
import dev.codeagent.contracts.git.PullRequestRef;
import dev.codeagent.contracts.git.StatusRequest;
import dev.codeagent.contracts.git.StatusState;
import dev.codeagent.contracts.git.TreeEntry;
import dev.codeagent.contracts.git.TreeListing;
import dev.codeagent.platform.web.ApiProblemException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every Azure DevOps call the provider makes, against a fake that follows the documented REST 7.1 shapes. */
class AzureDevOpsProviderTest {

    static final String REPO = AdoTestSupport.REPO_PATH;
    static final String MAIN = "1111111111111111111111111111111111111111";
    static final String FEATURE = "2222222222222222222222222222222222222222";
    static final String NEW = "3333333333333333333333333333333333333333";

    @RegisterExtension
    static WireMockExtension ado = AdoTestSupport.fakeAzureDevOps();

    AdoTestSupport support;
    AzureDevOpsProvider provider;

    @BeforeEach
    void setUp() {
        support = new AdoTestSupport("http://localhost:" + ado.getPort());
        provider = support.provider;
    }

    /** Every request carries api-version 7.1, the PAT as Basic with an empty user, and no sign-in redirects. */
    static RequestPatternBuilder authorised(RequestPatternBuilder request) {
        return request.withQueryParam("api-version", equalTo("7.1"))
                .withHeader("Authorization", equalTo(AdoTestSupport.BASIC))
                .withHeader("X-TFS-FedAuthRedirect", equalTo("Suppress"));
    }

    @Test
    void getsAPullRequest() {
        ado.stubFor(get(urlPathEqualTo(REPO + "/pullrequests/57")).willReturn(okJson("""
                {"pullRequestId":57,"title":"Login","description":"Adds login","status":"active","isDraft":false,
                 "sourceRefName":"refs/heads/feature/login","targetRefName":"refs/heads/main",
                 "lastMergeSourceCommit":{"commitId":"%s"},"lastMergeTargetCommit":{"commitId":"%s"},
                 "createdBy":{"id":"u1","displayName":"Ada","uniqueName":"ada@contoso.com"},
                 "repository":{"id":"r1","name":"shop","webUrl":"https://dev.azure.com/contoso/Web%%20Shop/_git/shop"},
                 "url":"https://dev.azure.com/contoso/_apis/git/repositories/r1/pullRequests/57"}
                """.formatted(FEATURE, MAIN))));

        PullRequestInfo pr = provider.pullRequest(AdoTestSupport.repo(), 57);

        assertThat(pr).isEqualTo(new PullRequestInfo(57, "Login", "Adds login", "refs/heads/feature/login",
                "refs/heads/main", FEATURE, MAIN, "active", false, new Author("u1", "ada@contoso.com", "Ada"),
                "https://dev.azure.com/contoso/Web%20Shop/_git/shop/pullrequest/57"));
        ado.verify(authorised(getRequestedFor(urlPathEqualTo(REPO + "/pullrequests/57")))
                .withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void readsTheChangesOfTheLatestIterationPageByPage() {
        ado.stubFor(get(urlPathEqualTo(REPO + "/pullRequests/57/iterations")).willReturn(okJson(
                "{\"count\":3,\"value\":[{\"id\":1},{\"id\":3},{\"id\":2}]}")));
        String firstPage = IntStream.range(0, 100).mapToObj(i -> "{\"changeId\":" + i
                + ",\"item\":{\"path\":\"/src/f" + i + ".py\"},\"changeType\":\"edit\"}")
                .collect(Collectors.joining(","));
        ado.stubFor(get(urlPathEqualTo(REPO + "/pullRequests/57/iterations/3/changes"))
                .withQueryParam("$skip", equalTo("0")).withQueryParam("$top", equalTo("100"))
                .willReturn(okJson("{\"changeEntries\":[" + firstPage + "],\"nextSkip\":100,\"nextTop\":100}")));
        ado.stubFor(get(urlPathEqualTo(REPO + "/pullRequests/57/iterations/3/changes"))
                .withQueryParam("$skip", equalTo("100")).withQueryParam("$top", equalTo("100"))
                .willReturn(okJson("""
                        {"changeEntries":[
                          {"changeId":101,"item":{"path":"/src/new.py","objectId":"a"},"changeType":"add"},
                          {"changeId":102,"item":{"path":"/old.txt"},"changeType":"delete"},
                          {"changeId":103,"item":{"path":"/docs/b.md"},"changeType":"rename, edit","originalPath":"/docs/a.md"},
                          {"changeId":104,"item":{"path":"/docs","isFolder":true,"gitObjectType":"tree"},"changeType":"edit"}
                        ],"nextSkip":0,"nextTop":0}""")));

        ChangedFiles changes = provider.changedFiles(AdoTestSupport.repo(), 57);

        assertThat(changes.iteration()).isEqualTo(3);
        assertThat(changes.files()).hasSize(103);
        assertThat(changes.files().get(0)).isEqualTo(new ChangedFile("src/f0.py", ChangeType.EDIT, null));
        assertThat(changes.files().subList(100, 103)).containsExactly(
                new ChangedFile("src/new.py", ChangeType.ADD, null),
                new ChangedFile("old.txt", ChangeType.DELETE, null),
                new ChangedFile("docs/b.md", ChangeType.RENAME, "docs/a.md"));
        ado.verify(2, authorised(getRequestedFor(urlPathEqualTo(REPO + "/pullRequests/57/iterations/3/changes"))));
    }

    @Test
    void listsTheTreeOfACommitWithSizes() {
        ado.stubFor(get(urlPathEqualTo(REPO + "/commits/" + FEATURE)).willReturn(okJson(
                "{\"commitId\":\"" + FEATURE + "\",\"treeId\":\"tree1\"}")));
        ado.stubFor(get(urlPathEqualTo(REPO + "/trees/tree1")).withQueryParam("recursive", equalTo("true"))
                .willReturn(okJson("""
                        {"objectId":"tree1","treeEntries":[
                          {"relativePath":"src","gitObjectType":"tree","size":0,"objectId":"t2"},
                          {"relativePath":"src/app.py","gitObjectType":"blob","size":120,"objectId":"b1"},
                          {"relativePath":"README.md","gitObjectType":"blob","size":7,"objectId":"b2"},
                          {"relativePath":"lib/sub","gitObjectType":"commit","size":0,"objectId":"c1"}]}""")));

        TreeListing tree = provider.tree(AdoTestSupport.repo(), FEATURE);

        assertThat(tree).isEqualTo(new TreeListing(FEATURE, List.of(new TreeEntry("src/app.py", 120),
                new TreeEntry("README.md", 7)), false));
        ado.verify(authorised(getRequestedFor(urlPathEqualTo(REPO + "/trees/tree1"))));
    }

    @Test
    void readsFileContentsAsRawBytes() {
        ado.stubFor(get(urlPathEqualTo(REPO + "/items")).withQueryParam("path", equalTo("/src/app.py"))
                .willReturn(aResponse().withHeader("Content-Type", "application/octet-stream")
                        .withBody("def login():\n    pass\n")));
        ado.stubFor(get(urlPathEqualTo(REPO + "/items")).withQueryParam("path", equalTo("/logo.png"))
                .willReturn(aResponse().withHeader("Content-Type", "application/octet-stream")
                        .withBody(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0})));
        ado.stubFor(get(urlPathEqualTo(REPO + "/items")).withQueryParam("path", equalTo("/gone.txt"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"TF401174: The item '/gone.txt' could not be found.\"}")));

        FileContents contents = provider.contents(AdoTestSupport.repo(), new ContentsRequest(FEATURE,
                List.of("src/app.py", "logo.png", "gone.txt")));

        assertThat(contents.missing()).containsExactly("gone.txt");
        assertThat(contents.files()).containsExactly(
                new FileContent("src/app.py", "def login():\n    pass\n", "utf-8", 22, false, false),
                new FileContent("logo.png", Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N',
                        'G', 0, 0}), "base64", 6, true, false));
        ado.verify(authorised(getRequestedFor(urlPathEqualTo(REPO + "/items")))
                .withQueryParam("path", equalTo("/src/app.py"))
                .withQueryParam("versionDescriptor.version", equalTo(FEATURE))
                .withQueryParam("versionDescriptor.versionType", equalTo("commit"))
                .withHeader("Accept", equalTo("application/octet-stream")));
    }

    @Test
    void findsABranchAcrossRefPages() {
        stubRefsPaged("agents/edit-1", NEW);

        assertThat(provider.branch(AdoTestSupport.repo(), "agents/edit-1"))
                .contains(new BranchInfo("agents/edit-1", NEW, false));
        ado.verify(authorised(getRequestedFor(urlPathEqualTo(REPO + "/refs")))
                .withQueryParam("filter", equalTo("heads/agents/edit-1"))
                .withQueryParam("continuationToken", equalTo("page-2")));
    }

    @Test
    void missingBranchIsEmpty() {
        ado.stubFor(get(urlPathEqualTo(REPO + "/refs")).willReturn(okJson(
                "{\"value\":[{\"name\":\"refs/heads/agents/edit-10\",\"objectId\":\"" + MAIN + "\"}],\"count\":1}")));
        assertThat(provider.branch(AdoTestSupport.repo(), "agents/edit-1")).isEmpty();
    }

    @Test
    void createsABranchWithTheAllZeroOldObjectId() {
        ado.stubFor(get(urlPathEqualTo(REPO + "/refs")).willReturn(okJson("{\"value\":[],\"count\":0}")));
        ado.stubFor(post(urlPathEqualTo(REPO + "/refs")).willReturn(okJson("""
                {"value":[{"name":"refs/heads/agents/edit-1","oldObjectId":"0000000000000000000000000000000000000000",
                 "newObjectId":"%s","success":true,"updateStatus":"succeeded"}],"count":1}""".formatted(FEATURE))));

        BranchInfo branch = provider.createBranch(AdoTestSupport.repo(), new CreateBranchRequest("agents/edit-1",
                FEATURE));

        assertThat(branch).isEqualTo(new BranchInfo("agents/edit-1", FEATURE, true));
        ado.verify(authorised(postRequestedFor(urlPathEqualTo(REPO + "/refs")))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        [{"name":"refs/heads/agents/edit-1","oldObjectId":"0000000000000000000000000000000000000000",
                          "newObjectId":"%s"}]""".formatted(FEATURE))));
    }

    @Test
    void existingBranchAtTheSameCommitIsReusedAndAtAnotherIsAConflict() {
        ado.stubFor(get(urlPathEqualTo(REPO + "/refs")).willReturn(okJson(
                "{\"value\":[{\"name\":\"refs/heads/agents/edit-1\",\"objectId\":\"" + FEATURE + "\"}]}")));

        assertThat(provider.createBranch(AdoTestSupport.repo(), new CreateBranchRequest("agents/edit-1", FEATURE)))
                .isEqualTo(new BranchInfo("agents/edit-1", FEATURE, false));
        ApiProblemException conflict = catchThrowableOfType(ApiProblemException.class, () -> provider.createBranch(
                AdoTestSupport.repo(), new CreateBranchRequest("agents/edit-1", MAIN)));
        assertThat(conflict.status().value()).isEqualTo(409);
        assertThat(conflict.properties()).containsEntry("currentCommit", FEATURE);
        ado.verify(0, postRequestedFor(urlPathEqualTo(REPO + "/refs")));
    }

    @Test
    void lostBranchRaceResolvesToTheWinner() {
        ado.stubFor(get(urlPathEqualTo(REPO + "/refs")).inScenario("race").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"value\":[]}")).willSetStateTo("created"));
        ado.stubFor(get(urlPathEqualTo(REPO + "/refs")).inScenario("race").whenScenarioStateIs("created")
                .willReturn(okJson("{\"value\":[{\"name\":\"refs/heads/agents/r\",\"objectId\":\"" + FEATURE
                        + "\"}]}")));
        ado.stubFor(post(urlPathEqualTo(REPO + "/refs")).willReturn(okJson("""
                {"value":[{"name":"refs/heads/agents/r","success":false,"updateStatus":"staleOldObjectId"}]}""")));

        assertThat(provider.createBranch(AdoTestSupport.repo(), new CreateBranchRequest("agents/r", FEATURE)))
                .isEqualTo(new BranchInfo("agents/r", FEATURE, false));
    }

    @Test
    void pushesACommitGuardedByTheExpectedHead() {
        ado.stubFor(post(urlPathEqualTo(REPO + "/pushes")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"pushId":12,"commits":[{"commitId":"%s","comment":"Add validation"}],
                         "refUpdates":[{"name":"refs/heads/agents/edit-1","oldObjectId":"%s","newObjectId":"%s"}]}
                        """.formatted(NEW, FEATURE, NEW))));
        String png = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3});

        CommitResult result = provider.commit(AdoTestSupport.repo(), new CommitRequest("agents/edit-1", FEATURE,
                "Add validation", new Author("u1", "ada@contoso.com", "Ada"), List.of(
                        FileChange.add("src/validation.py", "def validate():\n    pass\n"),
                        FileChange.edit("src/app.py", "validate()\n"),
                        FileChange.delete("old.txt"),
                        new FileChange(ChangeType.ADD, "logo.png", null, png, "base64"),
                        new FileChange(ChangeType.RENAME, "docs/b.md", "docs/a.md", null, null))));

        assertThat(result).isEqualTo(new CommitResult("agents/edit-1", NEW, FEATURE));
        ado.verify(authorised(postRequestedFor(urlPathEqualTo(REPO + "/pushes"))).withRequestBody(equalToJson("""
                {"refUpdates":[{"name":"refs/heads/agents/edit-1","oldObjectId":"%s"}],
                 "commits":[{"comment":"Add validation","author":{"name":"Ada","email":"ada@contoso.com"},
                  "changes":[
                   {"changeType":"add","item":{"path":"/src/validation.py"},
                    "newContent":{"content":"def validate():\\n    pass\\n","contentType":"rawtext"}},
                   {"changeType":"edit","item":{"path":"/src/app.py"},
                    "newContent":{"content":"validate()\\n","contentType":"rawtext"}},
                   {"changeType":"delete","item":{"path":"/old.txt"}},
                   {"changeType":"add","item":{"path":"/logo.png"},
                    "newContent":{"content":"%s","contentType":"base64encoded"}},
                   {"changeType":"rename","sourceServerItem":"/docs/a.md","item":{"path":"/docs/b.md"}}
                  ]}]}""".formatted(FEATURE, png))));
    }

    @Test
    void pushOnAMovedHeadIsAConflictWithTheCurrentCommit() {
        ado.stubFor(post(urlPathEqualTo(REPO + "/pushes")).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"TF401028: The reference "
                        + "'refs/heads/agents/edit-1' has already been updated by another client, so you cannot "
                        + "update it. Please try again.\",\"typeKey\":\"GitReferenceStaleException\"}")));
        ado.stubFor(get(urlPathEqualTo(REPO + "/refs")).willReturn(okJson(
                "{\"value\":[{\"name\":\"refs/heads/agents/edit-1\",\"objectId\":\"" + NEW + "\"}]}")));
        someoneElsesCommitIs(NEW);

        ApiProblemException conflict = catchThrowableOfType(ApiProblemException.class, () -> provider.commit(
                AdoTestSupport.repo(), new CommitRequest("agents/edit-1", FEATURE, "m", null,
                        List.of(FileChange.add("a.txt", "a")))));

        assertThat(conflict.status().value()).isEqualTo(409);
        assertThat(conflict.properties()).containsEntry("currentCommit", NEW);
        assertThat(conflict.getMessage()).contains("TF401028");
    }

    @Test
    void pushRejectedAsStaleWith400IsAlsoAConflict() {
        ado.stubFor(post(urlPathEqualTo(REPO + "/pushes")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"TF401028: The reference "
                        + "has already been updated by another client\"}")));
        ado.stubFor(get(urlPathEqualTo(REPO + "/refs")).willReturn(okJson(
                "{\"value\":[{\"name\":\"refs/heads/agents/edit-1\",\"objectId\":\"" + NEW + "\"}]}")));
        someoneElsesCommitIs(NEW);

        ApiProblemException conflict = catchThrowableOfType(ApiProblemException.class, () -> provider.commit(
                AdoTestSupport.repo(), new CommitRequest("agents/edit-1", FEATURE, "m", null,
                        List.of(FileChange.add("a.txt", "a")))));
        assertThat(conflict.status().value()).isEqualTo(409);
        assertThat(conflict.properties()).containsEntry("currentCommit", NEW);
    }

    /** A commit on the expected head that is not the one being pushed: another message. */
    static void someoneElsesCommitIs(String commit) {
        ado.stubFor(get(urlPathEqualTo(REPO + "/commits/" + commit)).willReturn(okJson("{\"commitId\":\"" + commit
                + "\",\"parents\":[\"" + FEATURE + "\"],\"comment\":\"Someone else's change\"}")));
    }

    @Test
    void findsTheAgentsPullRequestOnALaterPageInsteadOfCreatingAnother() {
        String marker = AgentMarker.of("job", "j1", "variant", "2");
        String others = IntStream.range(0, 100).mapToObj(i -> "{\"pullRequestId\":" + (1000 + i)
                + ",\"description\":\"someone else's\"}").collect(Collectors.joining(","));
        ado.stubFor(get(urlPathEqualTo(REPO + "/pullrequests")).withQueryParam("$skip", equalTo("0"))
                .willReturn(okJson("{\"value\":[" + others + "],\"count\":100}")));
        ado.stubFor(get(urlPathMatching(REPO + "/pullrequests/1[0-9]{3}")).willReturn(okJson(
                "{\"description\":\"someone else's\"}")));
        ado.stubFor(get(urlPathEqualTo(REPO + "/pullrequests")).withQueryParam("$skip", equalTo("100"))
                .willReturn(okJson("{\"value\":[{\"pullRequestId\":88,\"description\":\"Variant 2\\n\\n" + marker
                        .replace("\"", "\\\"") + "\",\"repository\":{\"webUrl\":\"https://dev.azure.com/contoso/"
                        + "Web%20Shop/_git/shop\"}}],\"count\":1}")));

        PullRequestRef ref = provider.findOrCreatePullRequest(AdoTestSupport.repo(), new CreatePullRequestRequest(
                "agents/edit-57-j1-2", "feature/login", "Variant 2", "Variant 2", true, marker));

        assertThat(ref).isEqualTo(new PullRequestRef(88, "https://dev.azure.com/contoso/Web%20Shop/_git/shop/"
                + "pullrequest/88", false));
        ado.verify(authorised(getRequestedFor(urlPathEqualTo(REPO + "/pullrequests")))
                .withQueryParam("searchCriteria.sourceRefName", equalTo("refs/heads/agents/edit-57-j1-2"))
                .withQueryParam("searchCriteria.targetRefName", equalTo("refs/heads/feature/login"))
                .withQueryParam("searchCriteria.status", equalTo("all"))
                .withQueryParam("$top", equalTo("100"))
                .withQueryParam("$skip", equalTo("100")));
        ado.verify(0, postRequestedFor(urlPathEqualTo(REPO + "/pullrequests")));
    }

    /**
     * The list cuts the long description before the marker; reading the pull request by id shows it is ours.
     * Abandoned, it is still the variant's pull request: a second one is not opened.
     */
    @Test
    void reusesItsPullRequestWhoseListedDescriptionIsCutWhateverItsStatus() {
        String marker = AgentMarker.of("job", "j1", "variant", "4");
        String description = "Approach: thorough. ".repeat(30) + "\n\n" + marker;
        String pr = "{\"pullRequestId\":95,\"status\":\"abandoned\",\"description\":\"" + description
                .replace("\n", "\\n").replace("\"", "\\\"") + "\"}";
        ado.stubFor(get(urlPathEqualTo(REPO + "/pullrequests")).willReturn(okJson("{\"value\":[" + pr
                + "],\"count\":1}")));
        ado.stubFor(get(urlPathEqualTo(REPO + "/pullrequests/95")).willReturn(okJson(pr)));

        PullRequestRef ref = provider.findOrCreatePullRequest(AdoTestSupport.repo(), new CreatePullRequestRequest(
                "agents/edit-57-j1-4", "feature/login", "Variant 4", description, true, marker));

        assertThat(ref.id()).isEqualTo(95);
        assertThat(ref.created()).isFalse();
        ado.verify(getRequestedFor(urlPathEqualTo(REPO + "/pullrequests"))
                .withQueryParam("searchCriteria.sourceRefName", equalTo("refs/heads/agents/edit-57-j1-4"))
                .withQueryParam("searchCriteria.targetRefName", equalTo("refs/heads/feature/login"))
                .withQueryParam("searchCriteria.status", equalTo("all")));
        ado.verify(getRequestedFor(urlPathEqualTo(REPO + "/pullrequests/95")));
        ado.verify(0, postRequestedFor(urlPathEqualTo(REPO + "/pullrequests")));
    }

    @Test
    void createsADraftPullRequestCarryingTheMarker() {
        String marker = AgentMarker.of("job", "j1", "variant", "1");
        ado.stubFor(get(urlPathEqualTo(REPO + "/pullrequests")).willReturn(okJson("{\"value\":[],\"count\":0}")));
        ado.stubFor(post(urlPathEqualTo(REPO + "/pullrequests")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"pullRequestId\":91,\"isDraft\":true,"
                        + "\"repository\":{\"webUrl\":\"https://dev.azure.com/contoso/Web%20Shop/_git/shop\"}}")));

        PullRequestRef ref = provider.findOrCreatePullRequest(AdoTestSupport.repo(), new CreatePullRequestRequest(
                "agents/edit-57-j1-1", "refs/heads/feature/login", "Variant 1", "Approach: minimal", true, marker));

        assertThat(ref).isEqualTo(new PullRequestRef(91, "https://dev.azure.com/contoso/Web%20Shop/_git/shop/"
                + "pullrequest/91", true));
        ado.verify(authorised(postRequestedFor(urlPathEqualTo(REPO + "/pullrequests")))
                .withRequestBody(matchingJsonPath("$.sourceRefName", equalTo("refs/heads/agents/edit-57-j1-1")))
                .withRequestBody(matchingJsonPath("$.targetRefName", equalTo("refs/heads/feature/login")))
                .withRequestBody(matchingJsonPath("$.title", equalTo("Variant 1")))
                .withRequestBody(matchingJsonPath("$.isDraft", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.description", equalTo("Approach: minimal\n\n" + marker))));
    }

    @Test
    void aRefusedPullRequestCreateReusesOursButNotSomeoneElses() {
        String marker = AgentMarker.of("job", "j1", "variant", "3");
        ado.stubFor(get(urlPathEqualTo(REPO + "/pullrequests")).inScenario("race")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(okJson("{\"value\":[],\"count\":0}")));
        ado.stubFor(get(urlPathEqualTo(REPO + "/pullrequests")).inScenario("race").whenScenarioStateIs("opened")
                .willReturn(okJson("{\"value\":[{\"pullRequestId\":93,\"description\":\"" + marker
                        .replace("\"", "\\\"") + "\"}],\"count\":1}")));
        ado.stubFor(post(urlPathEqualTo(REPO + "/pullrequests")).inScenario("race").willSetStateTo("opened")
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"TF401179: An active pull request for the source and target "
                                + "branch already exists.\"}")));
        CreatePullRequestRequest request = new CreatePullRequestRequest("agents/edit-57-j1-3", "main", "Variant 3",
                "Variant 3", false, marker);

        assertThat(provider.findOrCreatePullRequest(AdoTestSupport.repo(), request)).isEqualTo(new PullRequestRef(
                93, "http://localhost:" + ado.getPort() + "/contoso/Web%20Shop/_git/shop/pullrequest/93", false));
        ado.verify(2, getRequestedFor(urlPathEqualTo(REPO + "/pullrequests")));

        ado.resetAll();
        ado.stubFor(get(urlPathEqualTo(REPO + "/pullrequests")).willReturn(okJson(
                "{\"value\":[{\"pullRequestId\":94,\"description\":\"someone else's\"}],\"count\":1}")));
        ado.stubFor(get(urlPathEqualTo(REPO + "/pullrequests/94")).willReturn(okJson(
                "{\"pullRequestId\":94,\"description\":\"someone else's\"}")));
        ado.stubFor(post(urlPathEqualTo(REPO + "/pullrequests")).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"TF401179: An active pull request already exists.\"}")));

        ApiProblemException conflict = catchThrowableOfType(ApiProblemException.class,
                () -> provider.findOrCreatePullRequest(AdoTestSupport.repo(), request));
        assertThat(conflict.status().value()).isEqualTo(409);
        assertThat(conflict.getMessage()).contains("TF401179");
    }

    @Test
    void longDescriptionsAreCutToAzureDevOpsLimitKeepingTheMarker() {
        String marker = AgentMarker.of("job", "j1");
        String description = AzureDevOpsPullRequests.descriptionWithMarker("x".repeat(10_000), marker);
        assertThat(description).hasSize(AzureDevOpsPullRequests.MAX_DESCRIPTION).endsWith(marker);
    }

    @Test
    void opensAThreadRepliesAndUpdatesAComment() {
        ado.stubFor(post(urlPathEqualTo(REPO + "/pullRequests/57/threads")).willReturn(okJson(
                "{\"id\":301,\"status\":\"active\",\"comments\":[{\"id\":1,\"parentCommentId\":0}]}")));
        ado.stubFor(post(urlPathEqualTo(REPO + "/pullRequests/57/threads/301/comments")).willReturn(okJson(
                "{\"id\":2,\"parentCommentId\":1,\"content\":\"Working\"}")));
        ado.stubFor(get(urlPathEqualTo(REPO + "/pullRequests/57/threads/301/comments/2")).willReturn(okJson(
                "{\"id\":2,\"parentCommentId\":1,\"content\":\"Working\"}")));
        ado.stubFor(patch(urlPathEqualTo(REPO + "/pullRequests/57/threads/301/comments/2")).willReturn(okJson(
                "{\"id\":2,\"content\":\"Done\"}")));

        CommentRef thread = provider.createThread(AdoTestSupport.repo(), 57, new CommentRequest("Hello", null), null);
        CommentRef reply = provider.reply(AdoTestSupport.repo(), 57, 301, new CommentRequest("Working", 1L), null);
        CommentRef updated = provider.updateComment(AdoTestSupport.repo(), 57, 301, 2, new CommentRequest("Done",
                null));

        assertThat(thread).isEqualTo(new CommentRef(301, 1));
        assertThat(reply).isEqualTo(new CommentRef(301, 2));
        assertThat(updated).isEqualTo(new CommentRef(301, 2));
        ado.verify(authorised(postRequestedFor(urlPathEqualTo(REPO + "/pullRequests/57/threads")))
                .withRequestBody(equalToJson("{\"comments\":[{\"parentCommentId\":0,\"content\":\"Hello\","
                        + "\"commentType\":1}],\"status\":1}")));
        ado.verify(authorised(postRequestedFor(urlPathEqualTo(REPO + "/pullRequests/57/threads/301/comments")))
                .withRequestBody(equalToJson("{\"content\":\"Working\",\"parentCommentId\":1,\"commentType\":1}")));
        ado.verify(authorised(patchRequestedFor(urlPathEqualTo(REPO + "/pullRequests/57/threads/301/comments/2")))
                .withRequestBody(equalToJson("{\"content\":\"Done\"}")));
        ado.verify(0, getRequestedFor(urlPathEqualTo(REPO + "/pullRequests/57/threads")));
    }

    @Test
    void aKeyedCommentThatExistsIsReturnedInsteadOfPostedAgain() {
        String marker = dev.codeagent.adapter.provider.IdempotencyKeys.marker("job-1-summary");
        ado.stubFor(get(urlPathEqualTo(REPO + "/pullRequests/57/threads")).willReturn(okJson(
                "{\"value\":[{\"id\":300,\"comments\":[{\"id\":1,\"content\":\"other\"}]},{\"id\":302,\"comments\":"
                        + "[{\"id\":1,\"content\":\"Summary\\n\\n" + marker.replace("\"", "\\\"") + "\"}]}],"
                        + "\"count\":2}")));
        ado.stubFor(get(urlPathEqualTo(REPO + "/pullRequests/57/threads/301")).willReturn(okJson(
                "{\"id\":301,\"comments\":[{\"id\":1,\"content\":\"/edit\"}]}")));
        ado.stubFor(post(urlPathEqualTo(REPO + "/pullRequests/57/threads/301/comments")).willReturn(okJson(
                "{\"id\":4}")));

        assertThat(provider.createThread(AdoTestSupport.repo(), 57, new CommentRequest("Summary", null),
                "job-1-summary")).isEqualTo(new CommentRef(302, 1));
        assertThat(provider.reply(AdoTestSupport.repo(), 57, 301, new CommentRequest("Progress", null),
                "job-1-progress")).isEqualTo(new CommentRef(301, 4));

        ado.verify(0, postRequestedFor(urlPathEqualTo(REPO + "/pullRequests/57/threads")));
        ado.verify(postRequestedFor(urlPathEqualTo(REPO + "/pullRequests/57/threads/301/comments"))
                .withRequestBody(matchingJsonPath("$.content", equalTo("Progress\n\n"
                        + dev.codeagent.adapter.provider.IdempotencyKeys.marker("job-1-progress")))));
    }

    @Test
    void setsAPullRequestStatus() {
        ado.stubFor(get(urlPathEqualTo(REPO + "/pullRequests/57/statuses")).willReturn(okJson(
                "{\"count\":0,\"value\":[]}")));
        ado.stubFor(post(urlPathEqualTo(REPO + "/pullRequests/57/statuses")).willReturn(okJson(
                "{\"id\":1,\"state\":\"pending\",\"context\":{\"genre\":\"codeagent\",\"name\":\"edit\"}}")));

        provider.setStatus(AdoTestSupport.repo(), 57, new StatusRequest(StatusState.PENDING, "codeagent", "edit",
                "Working on 3 variants", "https://agent.example.com/jobs/1"));
        provider.setStatus(AdoTestSupport.repo(), 57, new StatusRequest(StatusState.SUCCEEDED, "codeagent", "edit",
                null, null));

        ado.verify(authorised(postRequestedFor(urlPathEqualTo(REPO + "/pullRequests/57/statuses")))
                .withRequestBody(equalToJson("{\"state\":\"pending\",\"description\":\"Working on 3 variants\","
                        + "\"context\":{\"genre\":\"codeagent\",\"name\":\"edit\"},"
                        + "\"targetUrl\":\"https://agent.example.com/jobs/1\"}")));
        ado.verify(postRequestedFor(urlPathEqualTo(REPO + "/pullRequests/57/statuses"))
                .withRequestBody(equalToJson("{\"state\":\"succeeded\",\"context\":{\"genre\":\"codeagent\","
                        + "\"name\":\"edit\"}}"))
                .withRequestBody(matchingJsonPath("$.targetUrl", absent())));
    }

    @Test
    void postsAStatusUnlessTheLatestOfItsContextAlreadyIsIt() {
        ado.stubFor(get(urlPathEqualTo(REPO + "/pullRequests/57/statuses")).willReturn(okJson("""
                {"count":3,"value":[
                 {"id":3,"state":"pending","description":"Working","context":{"genre":"codeagent","name":"edit"}},
                 {"id":2,"state":"succeeded","description":"Done","context":{"genre":"codeagent","name":"edit"}},
                 {"id":4,"state":"succeeded","description":"Done","context":{"genre":"other","name":"edit"}}]}""")));
        ado.stubFor(post(urlPathEqualTo(REPO + "/pullRequests/57/statuses")).willReturn(okJson("{\"id\":5}")));

        provider.setStatus(AdoTestSupport.repo(), 57, new StatusRequest(StatusState.PENDING, "codeagent", "edit",
                "Working", null));
        ado.verify(0, postRequestedFor(urlPathEqualTo(REPO + "/pullRequests/57/statuses")));

        provider.setStatus(AdoTestSupport.repo(), 57, new StatusRequest(StatusState.SUCCEEDED, "codeagent", "edit",
                "Done", null));
        provider.setStatus(AdoTestSupport.repo(), 57, new StatusRequest(StatusState.PENDING, "codeagent", "edit",
                "Working", "https://agent.example.com/jobs/2"));
        ado.verify(2, postRequestedFor(urlPathEqualTo(REPO + "/pullRequests/57/statuses")));
    }

    private static void stubRefsPaged(String branch, String commit) {
        ado.stubFor(get(urlPathEqualTo(REPO + "/refs")).withQueryParam("continuationToken", absent())
                .willReturn(okJson("{\"value\":[{\"name\":\"refs/heads/" + branch + "0\",\"objectId\":\"" + MAIN
                        + "\"}],\"count\":1}").withHeader("x-ms-continuationtoken", "page-2")));
        ado.stubFor(get(urlPathEqualTo(REPO + "/refs")).withQueryParam("continuationToken", equalTo("page-2"))
                .willReturn(okJson("{\"value\":[{\"name\":\"refs/heads/" + branch + "\",\"objectId\":\"" + commit
                        + "\"}],\"count\":1}")));
    }
}
