package dev.codeagent.adapter.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.adapter.AdapterIntegrationTestSupport;
import dev.codeagent.adapter.ado.FakeIdentities;
import dev.codeagent.adapter.local.TestRepositories;
import dev.codeagent.adapter.provider.IdempotencyKeys;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The adapter over real HTTP: the demo's path through the local provider on a real repository, the
 * problem details callers see, and Azure DevOps failures as they reach the orchestrator.
 */
class AdapterApiIT extends AdapterIntegrationTestSupport {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void demoFlowThroughTheLocalProvider() throws Exception {
        Path repo = TestRepositories.nonBare(ROOT, "demo");
        String main = TestRepositories.head(repo, "main");
        String feature = TestRepositories.head(repo, "feature");
        String v1 = "/api/v1/repositories/local/local/local/demo";

        // The demo opens a pull request feature → main; asking again returns the same one.
        Reply opened = send("POST", "/api/repos/local/demo/pull-requests",
                "{\"sourceBranch\":\"feature\",\"targetBranch\":\"main\",\"title\":\"Login\","
                        + "\"description\":\"Adds login\"}");
        assertThat(opened.status).as(opened.text).isEqualTo(201);
        long prId = opened.json.get("id").asLong();
        assertThat(opened.json.get("url").asString())
                .isEqualTo("http://adapter.example/api/repos/local/demo/pull-requests/" + prId);
        assertThat(opened.json.get("sourceRef").asString()).isEqualTo("refs/heads/feature");
        assertThat(opened.json.get("sourceCommit").asString()).isEqualTo(feature);
        Reply reopened = send("POST", "/api/repos/local/demo/pull-requests",
                "{\"sourceRef\":\"refs/heads/feature\",\"targetRef\":\"refs/heads/main\",\"title\":\"Login\"}");
        assertThat(reopened.status).isEqualTo(200);
        assertThat(reopened.json.get("id").asLong()).isEqualTo(prId);

        // The command comment, posted through the v1 threads API.
        Reply command = send("POST", v1 + "/pull-requests/" + prId + "/threads",
                "{\"content\":\"@CodeAgent /edit /3 Add input validation\"}");
        assertThat(command.status).as(command.text).isEqualTo(201);
        long threadId = command.json.get("threadId").asLong();
        assertThat(command.json.get("commentId").asLong()).isEqualTo(1);

        // What the orchestrator does for one variant.
        Reply info = send("GET", v1 + "/pull-requests/" + prId, null);
        assertThat(info.json.get("sourceCommit").asString()).isEqualTo(feature);
        assertThat(info.json.get("targetCommit").asString()).isEqualTo(main);
        Reply changes = send("GET", v1 + "/pull-requests/" + prId + "/changes", null);
        assertThat(changes.json.get("files").toString()).contains("src/app.py").contains("\"changeType\":\"edit\"");
        Reply tree = send("GET", v1 + "/tree?commit=" + feature, null);
        assertThat(tree.json.get("entries").toString()).contains("{\"path\":\"README.md\",\"size\":7}");
        Reply contents = send("POST", v1 + "/contents",
                "{\"commit\":\"" + feature + "\",\"paths\":[\"src/app.py\",\"nope.txt\"]}");
        assertThat(contents.json.get("files").get(0).get("content").asString()).startsWith("def login(user)");
        assertThat(contents.json.get("missing").get(0).asString()).isEqualTo("nope.txt");

        String branch = "agents/edit-" + prId + "-abc123-1";
        assertThat(send("GET", v1 + "/branches?name=" + branch, null).status).isEqualTo(404);
        String createBranch = "{\"name\":\"" + branch + "\",\"commit\":\"" + feature + "\"}";
        Reply created = send("POST", v1 + "/branches", createBranch);
        assertThat(created.status).isEqualTo(201);
        assertThat(created.json.get("created").asBoolean()).isTrue();
        assertThat(send("POST", v1 + "/branches", createBranch).status).isEqualTo(200);
        assertThat(send("GET", v1 + "/branches?name=" + branch, null).json.get("commit").asString())
                .isEqualTo(feature);

        Reply commit = send("POST", v1 + "/commits", "{\"branch\":\"" + branch + "\",\"expectedHead\":\"" + feature
                + "\",\"message\":\"Add input validation\",\"author\":{\"uniqueName\":\"ada@example.com\","
                + "\"displayName\":\"Ada\"},\"changes\":[{\"changeType\":\"edit\",\"path\":\"src/app.py\","
                + "\"content\":\"def login(user):\\n    validate(user)\\n\"},{\"changeType\":\"add\",\"path\":"
                + "\"assets/x.bin\",\"content\":\"" + Base64.getEncoder().encodeToString(new byte[] {0, 1, 2})
                + "\",\"encoding\":\"base64\"}]}");
        assertThat(commit.status).as(commit.text).isEqualTo(201);
        String commitId = commit.json.get("commit").asString();
        assertThat(commit.json.get("parent").asString()).isEqualTo(feature);

        Reply stale = send("POST", v1 + "/commits", "{\"branch\":\"" + branch + "\",\"expectedHead\":\"" + feature
                + "\",\"message\":\"again\",\"changes\":[{\"changeType\":\"add\",\"path\":\"y.txt\",\"content\":\"y\"}]}");
        assertThat(stale.status).isEqualTo(409);
        assertThat(stale.contentType).contains("application/problem+json");
        assertThat(stale.json.get("type").asString()).isEqualTo("https://codeagent.dev/problems/conflict");
        assertThat(stale.json.get("currentCommit").asString()).isEqualTo(commitId);

        String marker = "<!-- codeagent:job=abc123;variant=1 -->";
        String prBody = "{\"sourceBranch\":\"" + branch + "\",\"targetBranch\":\"feature\",\"title\":\"Variant 1\","
                + "\"description\":\"Approach\\n\\n" + marker + "\",\"draft\":true,\"marker\":\"" + marker + "\"}";
        Reply variantPr = send("POST", v1 + "/pull-requests", prBody);
        assertThat(variantPr.status).as(variantPr.text).isEqualTo(201);
        Reply sameVariantPr = send("POST", v1 + "/pull-requests", prBody);
        assertThat(sameVariantPr.status).isEqualTo(200);
        assertThat(sameVariantPr.json.get("id").asLong()).isEqualTo(variantPr.json.get("id").asLong());
        long variantPrId = variantPr.json.get("id").asLong();
        String refinedBody = "{\"description\":\"Refined approach\\n\\n" + marker + "\"}";
        assertThat(send("PUT", v1 + "/pull-requests/" + variantPrId + "/description", refinedBody).status)
                .isEqualTo(204);
        assertThat(send("PUT", v1 + "/pull-requests/" + variantPrId + "/description", refinedBody).status)
                .isEqualTo(204);
        assertThat(send("GET", v1 + "/pull-requests/" + variantPrId, null).json.get("description").asString())
                .isEqualTo("Refined approach\n\n" + marker);
        Reply tooLong = send("PUT", v1 + "/pull-requests/" + variantPrId + "/description",
                "{\"description\":\"" + "x".repeat(4001) + "\"}");
        assertThat(tooLong.status).isEqualTo(400);
        assertThat(tooLong.contentType).contains("application/problem+json");

        Reply progress = sendWith("POST", v1 + "/pull-requests/" + prId + "/threads/" + threadId + "/comments",
                "{\"content\":\"Working on 3 variants\",\"parentCommentId\":1}", "Idempotency-Key", "job-abc-progress");
        Reply progressAgain = sendWith("POST", v1 + "/pull-requests/" + prId + "/threads/" + threadId + "/comments",
                "{\"content\":\"Working on 3 variants\",\"parentCommentId\":1}", "Idempotency-Key", "job-abc-progress");
        assertThat(progressAgain.json.get("commentId").asLong()).isEqualTo(progress.json.get("commentId").asLong());
        Reply updated = send("PATCH", v1 + "/pull-requests/" + prId + "/threads/" + threadId + "/comments/"
                + progress.json.get("commentId").asLong(), "{\"content\":\"1 of 3 done\"}");
        assertThat(updated.status).isEqualTo(200);
        Reply status = send("POST", v1 + "/pull-requests/" + prId + "/statuses",
                "{\"state\":\"pending\",\"genre\":\"codeagent\",\"name\":\"edit\",\"description\":\"Working\"}");
        assertThat(status.status).isEqualTo(204);

        // A person's comment, attributed to them.
        Reply personal = send("POST", "/api/repos/local/demo/pull-requests/" + prId + "/threads",
                "{\"content\":\"/help\",\"author\":{\"id\":\"u7\",\"uniqueName\":\"bob@example.com\","
                        + "\"displayName\":\"Bob\"}}");
        assertThat(personal.status).isEqualTo(201);
        assertThat(personal.json.get("threadId").asLong()).isEqualTo(threadId + 1);

        // What a person (or the demo script) sees.
        Reply threads = send("GET", "/api/repos/local/demo/pull-requests/" + prId + "/threads", null);
        assertThat(threads.json.size()).isEqualTo(2);
        assertThat(threads.json.get(1).get("comments").get(0).get("author").get("displayName").asString())
                .isEqualTo("Bob");
        assertThat(threads.json.get(0).get("comments").get(0).get("content").asString())
                .isEqualTo("@CodeAgent /edit /3 Add input validation");
        // The edit keeps the key's marker: a repeated create of the progress reply still finds it.
        assertThat(threads.json.get(0).get("comments").get(1).get("content").asString()).isEqualTo("1 of 3 done\n\n"
                + IdempotencyKeys.marker("job-abc-progress"));
        Reply list = send("GET", "/api/repos/local/demo/pull-requests", null);
        assertThat(list.json.size()).isEqualTo(2);
        assertThat(list.json.get(0).get("statuses").get(0).get("state").asString()).isEqualTo("pending");
        Reply details = send("GET", "/api/repos/local/demo/pull-requests/" + prId, null);
        assertThat(details.json.get("pullRequest").get("id").asLong()).isEqualTo(prId);
        assertThat(details.json.get("threads").size()).isEqualTo(2);
        assertThat(details.json.get("pullRequest").get("createdBy").get("displayName").asString())
                .isEqualTo("Local User");

        // The branch and commit are real for git itself.
        String branches = git(repo, "branch", "--list", "agents/*");
        assertThat(branches).contains(branch);
        String show = git(repo, "show", "--stat", "--format=%an <%ae>%n%s", branch);
        assertThat(show).contains("Ada <ada@example.com>").contains("Add input validation").contains("src/app.py")
                .contains("assets/x.bin");
        assertThat(git(repo, "status", "--porcelain")).isBlank();

        // A person's reply in the thread, then what /pick asks of the adapter.
        Reply pick = send("POST", "/api/repos/local/demo/pull-requests/" + prId + "/threads/" + threadId
                + "/comments", "{\"content\":\"@CodeAgent /pick 1\"}");
        assertThat(pick.status).as(pick.text).isEqualTo(201);
        String completion = "{\"lastMergeSourceCommit\":\"" + commitId + "\",\"mergeStrategy\":\"squash\","
                + "\"mergeCommitMessage\":\"Pick variant 1\",\"deleteSourceBranch\":true}";
        Reply completed = send("POST", v1 + "/pull-requests/" + variantPrId + "/complete", completion);
        assertThat(completed.status).as(completed.text).isEqualTo(200);
        assertThat(completed.json.get("completedNow").asBoolean()).isTrue();
        String merge = completed.json.get("mergeCommit").asString();
        assertThat(git(repo, "rev-parse", "feature").strip()).isEqualTo(merge);
        assertThat(git(repo, "log", "-1", "--format=%s%n%P", "feature").strip()).isEqualTo("Pick variant 1\n" + feature);
        assertThat(git(repo, "branch", "--list", "agents/*")).isBlank();
        Reply completedAgain = send("POST", v1 + "/pull-requests/" + variantPrId + "/complete", completion);
        assertThat(completedAgain.json.get("completedNow").asBoolean()).isFalse();
        assertThat(completedAgain.json.get("mergeCommit").asString()).isEqualTo(merge);
        Reply abandoned = send("POST", v1 + "/pull-requests/" + prId + "/abandon", null);
        assertThat(abandoned.status).as(abandoned.text).isEqualTo(200);
        assertThat(abandoned.json.get("status").asString()).isEqualTo("abandoned");
        assertThat(send("DELETE", v1 + "/branches?name=" + branch + "&commit=" + commitId, null).status).isEqualTo(204);
        Reply moved = send("DELETE", v1 + "/branches?name=feature&commit=" + commitId, null);
        assertThat(moved.status).isEqualTo(409);
        assertThat(moved.json.get("currentCommit").asString()).isEqualTo(merge);
    }

    @Test
    void createsAndListsLocalRepositoriesForTheDemo() throws Exception {
        String body = "{\"name\":\"sample\",\"defaultBranch\":\"main\",\"files\":{\"README.md\":\"# Demo\\n\","
                + "\"src/main/java/App.java\":\"class App {}\\n\"}}";
        Reply created = send("POST", "/api/repos/local", body);
        assertThat(created.status).as(created.text).isEqualTo(201);
        assertThat(created.json.get("name").asString()).isEqualTo("sample");
        assertThat(created.json.get("bare").asBoolean()).isFalse();
        String commit = created.json.get("commit").asString();

        assertThat(send("POST", "/api/repos/local", body).status).isEqualTo(409);
        assertThat(send("POST", "/api/repos/local", "{\"name\":\"../evil\"}").status).isEqualTo(400);
        assertThat(send("POST", "/api/repos/local", "{\"name\":\"evil\",\"files\":{\"../x\":\"x\"}}").status)
                .isEqualTo(400);
        assertThat(send("GET", "/api/repos/local", null).text).contains("\"name\":\"sample\"");
        Reply main = send("GET", "/api/v1/repositories/local/local/local/sample/branches?name=main", null);
        assertThat(main.json.get("commit").asString()).isEqualTo(commit);
        Reply file = send("POST", "/api/v1/repositories/local/local/local/sample/contents",
                "{\"commit\":\"" + commit + "\",\"paths\":[\"src/main/java/App.java\"]}");
        assertThat(file.json.get("files").get(0).get("content").asString()).isEqualTo("class App {}\n");
        // The runner's archive: a zip of the commit, or a problem before the first byte.
        Reply archive = send("GET", "/api/v1/repositories/local/local/local/sample/archive?commit=" + commit, null);
        assertThat(archive.status).isEqualTo(200);
        assertThat(archive.contentType).startsWith("application/zip");
        assertThat(archive.text).startsWith("PK");
        Reply missing = send("GET", "/api/v1/repositories/local/local/local/sample/archive?commit=" + "b".repeat(40),
                null);
        assertThat(missing.status).isEqualTo(404);
        assertThat(missing.contentType).startsWith("application/problem+json");
        Path dir = ROOT.resolve("sample");
        assertThat(git(dir, "log", "--format=%s", "main")).contains("Initial commit");
        assertThat(git(dir, "status", "--porcelain")).isBlank();
    }

    @Test
    void callersGetPreciseProblems() throws Exception {
        TestRepositories.nonBare(ROOT, "problems");
        String v1 = "/api/v1/repositories/local/local/local/problems";

        Reply unauthenticated = sendWithout("GET", "/api/v1/providers");
        assertThat(unauthenticated.status).isEqualTo(401);

        Reply traversal = send("POST", v1 + "/contents",
                "{\"commit\":\"" + "a".repeat(40) + "\",\"paths\":[\"../../etc/passwd\"]}");
        assertThat(traversal.status).isEqualTo(400);
        assertThat(traversal.json.get("detail").asString()).contains("'.' and '..'");

        Reply invalid = send("POST", v1 + "/branches", "{\"name\":\"\",\"commit\":\"xyz\"}");
        assertThat(invalid.status).isEqualTo(400);
        assertThat(invalid.text).contains("name").contains("commit");

        assertThat(send("GET", v1 + "/pull-requests/4242", null).status).isEqualTo(404);
        assertThat(send("GET", "/api/v1/repositories/local/contoso/local/problems/pull-requests/1", null).status)
                .isEqualTo(404);
        Reply unknownProvider = send("GET", "/api/v1/repositories/gitlab/a/b/c/pull-requests/1", null);
        assertThat(unknownProvider.status).isEqualTo(404);
        assertThat(unknownProvider.json.get("detail").asString()).contains("local").contains("azure-devops");
        assertThat(send("GET", "/api/repos/local/missing/pull-requests", null).status).isEqualTo(404);
        assertThat(send("POST", "/api/repos/local/problems/pull-requests",
                "{\"targetBranch\":\"main\",\"title\":\"t\"}").status).isEqualTo(400);
    }

    @Test
    void azureDevOpsFailuresReachTheCallerAsProblems() throws Exception {
        String v1 = "/api/v1/repositories/azure-devops/contoso/Web%20Shop/shop";
        ado.resetAll();
        ado.stubFor(get(urlPathEqualTo("/contoso/Web%20Shop/_apis/git/repositories/shop/pullrequests/5"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "600")));
        ado.stubFor(get(urlPathEqualTo("/contoso/Web%20Shop/_apis/git/repositories/shop/pullrequests/6"))
                .willReturn(aResponse().withStatus(401)));

        Reply throttled = send("GET", v1 + "/pull-requests/5", null);
        assertThat(throttled.status).isEqualTo(429);
        assertThat(throttled.retryAfter).isEqualTo("600");
        assertThat(throttled.json.get("type").asString()).isEqualTo("https://codeagent.dev/problems/rate-limited");

        Reply refused = send("GET", v1 + "/pull-requests/6", null);
        assertThat(refused.status).isEqualTo(403);
        assertThat(refused.json.get("type").asString()).isEqualTo("https://codeagent.dev/problems/permission");
        assertThat(refused.json.get("requiredScope").asString()).isEqualTo("vso.code_write");
        assertThat(refused.text).doesNotContain("it-pat-SECRET");
    }

    @Test
    void pipelinesRunOnAzureDevOpsOnly() throws Exception {
        String commit = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";
        String queue = "{\"branch\":\"agents/edit-7-ab12cd34-1\",\"commit\":\"" + commit + "\"}";
        Reply local = send("POST", "/api/v1/repositories/local/local/local/any/pipelines/42/runs", queue);
        assertThat(local.status).isEqualTo(422);
        assertThat(local.json.get("type").asString()).isEqualTo("https://codeagent.dev/problems/unprocessable");
        assertThat(local.json.get("detail").asString()).contains("Pipelines need the Azure DevOps provider");

        String v1 = "/api/v1/repositories/azure-devops/contoso/Web%20Shop/shop";
        ado.resetAll();
        ado.stubFor(get(urlPathEqualTo("/contoso/Web%20Shop/_apis/build/builds")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"count\":1,\"value\":"
                        + "[{\"id\":905,\"sourceBranch\":\"refs/heads/agents/edit-7-ab12cd34-1\",\"sourceVersion\":\""
                        + commit + "\"}]}")));
        ado.stubFor(get(urlPathEqualTo("/contoso/Web%20Shop/_apis/pipelines/42/runs/905")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"id\":905,"
                        + "\"name\":\"20261207.3\",\"state\":\"completed\",\"result\":\"succeeded\","
                        + "\"pipeline\":{\"id\":42,\"name\":\"Payments-CI\"},\"_links\":{\"web\":{\"href\":"
                        + "\"https://dev.azure.com/contoso/Web%20Shop/_build/results?buildId=905\"}}}")));

        Reply reused = send("POST", v1 + "/pipelines/42/runs", queue);
        assertThat(reused.status).as(reused.text).isEqualTo(200);
        assertThat(reused.json.get("runId").asLong()).isEqualTo(905);
        assertThat(reused.json.get("state").asString()).isEqualTo("completed");
        assertThat(reused.json.get("result").asString()).isEqualTo("succeeded");
        assertThat(reused.json.get("webUrl").asString()).endsWith("buildId=905");
        assertThat(send("POST", v1 + "/pipelines/42/runs", "{\"branch\":\"x\",\"commit\":\"nope\"}").status)
                .isEqualTo(400);
    }

    @Test
    void pipelineRunsAreCancelledAndExplainedOnAzureDevOpsOnly() throws Exception {
        for (String path : new String[] {"/pipelines/42/runs/905/cancel", "/pipelines/42/runs/905/failure"}) {
            Reply local = send(path.endsWith("cancel") ? "POST" : "GET",
                    "/api/v1/repositories/local/local/local/any" + path, null);
            assertThat(local.status).isEqualTo(422);
            assertThat(local.json.get("detail").asString()).contains("Pipelines need the Azure DevOps provider");
        }

        String v1 = "/api/v1/repositories/azure-devops/contoso/Web%20Shop/shop";
        String build = "/contoso/Web%20Shop/_apis/build/builds/905";
        ado.resetAll();
        ado.stubFor(get(urlPathEqualTo(build)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":905,\"status\":\"inProgress\",\"definition\":{\"id\":42}}")));
        ado.stubFor(patch(urlPathEqualTo(build)).withRequestBody(equalToJson("{\"status\":\"cancelling\"}"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":905,\"status\":\"cancelling\",\"definition\":{\"id\":42}}")));
        Reply cancelled = send("POST", v1 + "/pipelines/42/runs/905/cancel", null);
        assertThat(cancelled.status).as(cancelled.text).isEqualTo(200);
        assertThat(cancelled.json.get("requested").asBoolean()).isTrue();
        assertThat(cancelled.json.get("state").asString()).isEqualTo("canceling");

        ado.stubFor(get(urlPathEqualTo(build + "/timeline")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"records\":[{\"id\":\"a\","
                        + "\"type\":\"Task\",\"name\":\"Compile\",\"state\":\"completed\",\"result\":\"failed\","
                        + "\"issues\":[{\"type\":\"error\",\"message\":\"Main.java(3,1): error: ';' expected\"}]}]}")));
        Reply failure = send("GET", v1 + "/pipelines/42/runs/905/failure", null);
        assertThat(failure.status).as(failure.text).isEqualTo(200);
        assertThat(failure.json.get("errors").get(0).asString()).isEqualTo("Compile: Main.java(3,1): error: ';' expected");
    }

    @Test
    void triggerPermissionFollowsThePolicyOfEachProvider() throws Exception {
        String adoPermission = "/api/v1/repositories/azure-devops/contoso/Web%20Shop/shop/trigger-permission";
        ado.resetAll();
        new FakeIdentities("/contoso").group("[Web Shop]\\Contributors").group("[contoso]\\Release Managers")
                .group("[contoso]\\Payments", "[contoso]\\Release Managers")
                .user("a1b2c3d4-0000-4000-8000-000000000011", "bob@contoso.com", "Bob", "[contoso]\\Payments")
                .user("a1b2c3d4-0000-4000-8000-000000000012", "eve@contoso.com", "Eve")
                .serve(ado);

        Reply nested = send("POST", adoPermission, author("a1b2c3d4-0000-4000-8000-000000000011", "bob@contoso.com"));
        assertThat(nested.status).as(nested.text).isEqualTo(200);
        assertThat(nested.json.get("allowed").asBoolean()).isTrue();
        assertThat(nested.json.get("allowedGroups").toString()).isEqualTo("[\"[Web Shop]\\\\Contributors\","
                + "\"[contoso]\\\\Release Managers\",\"[contoso]\\\\Payments Leads\"]");

        Reply outsider = send("POST", adoPermission, author("a1b2c3d4-0000-4000-8000-000000000012", "eve@contoso.com"));
        assertThat(outsider.status).isEqualTo(200);
        assertThat(outsider.json.get("allowed").asBoolean()).isFalse();
        assertThat(outsider.json.get("reason").asString()).contains("eve@contoso.com is not a member of");

        Reply named = send("POST", adoPermission, author("a1b2c3d4-0000-4000-8000-000000000013", "OPS@contoso.com"));
        assertThat(named.json.get("allowed").asBoolean()).isTrue();

        Reply local = send("POST", "/api/v1/repositories/local/local/local/any/trigger-permission",
                author("x", "eve@contoso.com"));
        assertThat(local.status).isEqualTo(200);
        assertThat(local.json.get("allowed").asBoolean()).as("the local provider's gate is off").isTrue();

        ado.stubFor(get(urlPathEqualTo("/contoso/_apis/identities")).atPriority(1)
                .withQueryParam("identityIds", equalTo(
                        "a1b2c3d4-0000-4000-8000-000000000014"))
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "30")));
        Reply unavailable = send("POST", adoPermission,
                author("a1b2c3d4-0000-4000-8000-000000000014", "kim@contoso.com"));
        assertThat(unavailable.status).as("a failing identity service is not a denial").isEqualTo(503);
        assertThat(unavailable.retryAfter).isEqualTo("30");
        assertThat(unavailable.json.get("type").asString()).isEqualTo("https://codeagent.dev/problems/unavailable");

        ado.stubFor(get(urlPathEqualTo("/contoso/_apis/identities")).atPriority(1)
                .willReturn(aResponse().withStatus(401)));
        Reply refused = send("POST", adoPermission, author("a1b2c3d4-0000-4000-8000-000000000015", "lee@contoso.com"));
        assertThat(refused.status).isEqualTo(403);
        assertThat(refused.json.get("requiredScope").asString()).isEqualTo("vso.identity");

        assertThat(sendWithout("POST", adoPermission).status).isEqualTo(401);
    }

    static String author(String id, String uniqueName) {
        return "{\"author\":{\"id\":\"" + id + "\",\"uniqueName\":\"" + uniqueName + "\",\"displayName\":\"X\"}}";
    }

    @Test
    void providersAndReadinessReflectConfiguration() throws Exception {
        Reply providers = send("GET", "/api/v1/providers", null);
        assertThat(providers.status).isEqualTo(200);
        assertThat(providers.json.get("providers").toString())
                .contains("\"name\":\"local\",\"configured\":true,\"ready\":true")
                .contains("\"name\":\"azure-devops\",\"configured\":true")
                .doesNotContain("it-pat-SECRET");

        Reply readiness = sendWithout("GET", "/actuator/health/readiness");
        assertThat(readiness.status).isEqualTo(200);
        assertThat(readiness.json.get("components").get("gitProviders").get("status").asString()).isEqualTo("UP");
    }

    record Reply(int status, String text, JsonNode json, String contentType, String retryAfter) {
    }

    Reply send(String method, String path, String body) throws Exception {
        return exchange(method, path, body, true, null, null);
    }

    Reply sendWith(String method, String path, String body, String header, String value) throws Exception {
        return exchange(method, path, body, true, header, value);
    }

    Reply sendWithout(String method, String path) throws Exception {
        return exchange(method, path, null, false, null, null);
    }

    Reply exchange(String method, String path, String body, boolean token, String header, String value)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token) {
            request.header("Authorization", "Bearer " + TOKEN);
        }
        if (header != null) {
            request.header(header, value);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        JsonNode node = response.body().isBlank() || !contentType.contains("json") ? null
                : json.readTree(response.body());
        return new Reply(response.statusCode(), response.body(), node, contentType,
                response.headers().firstValue("Retry-After").orElse(null));
    }

    static String git(Path repo, String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 3];
        command[0] = "git";
        command[1] = "-C";
        command[2] = repo.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }
}
