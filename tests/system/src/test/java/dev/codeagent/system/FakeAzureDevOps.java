package dev.codeagent.system;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.PersonIdent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Azure DevOps Services for one organization, project and repository, played by WireMock in the documented REST 7.1
 * shapes (the Git, Identities, Pipelines, Build and Test Results specifications of MicrosoftDocs/vsts-rest-api-specs;
 * {@code ../shared/ado-spec/} has the Git one): lists as {@code {"count","value"}}, errors as
 * {@code {"message","typeKey",…}} with their TF numbers. It is stateful where a job needs it to be: the repository
 * is a real git repository ({@link FakeAdoGit}), so a push makes a commit whose tree and files the later calls read;
 * created branches, pull requests, threads, comments and statuses are listed afterwards; pipeline runs
 * ({@link FakeAdoPipelines}) stay {@code inProgress} until the test completes them or the adapter cancels them.
 *
 * <p>Each documented operation is one stub (method, path, {@code api-version=7.1} and the PAT as Basic credentials), so
 * a test verifies calls with WireMock's request journal as usual; a request that matches none is left unmatched
 * (404), which {@link #unmatched()} lists. The answers are computed by a {@link ResponseDefinitionTransformerV2} under
 * one lock: Azure DevOps serializes the writes of a repository too.
 */
final class FakeAzureDevOps implements AutoCloseable {

    static final String ORGANIZATION = "contoso";
    static final String PROJECT = "Payments";
    static final String REPOSITORY = "payments-api";
    static final String REPOSITORY_ID = "6f1c2a7e-4b1d-4c55-9d0e-2b7f3c9a1e11";
    static final String PROJECT_ID = "a3e5c0d2-8f47-4b6a-9c1e-5d2f7b8a9c03";
    static final String PAT = "system-test-ado-pat-0123456789abcdefghijklmnopq";
    static final String CONTRIBUTORS = "[" + PROJECT + "]\\Contributors";
    /** Whose PAT the adapter uses: the author of the agent's comments, statuses and pull requests. */
    static final Map<String, Object> AGENT_IDENTITY = Map.of("displayName", "Code Agent", "id",
            "8d3b0c1a-2e4f-4a6b-9c8d-7e6f5a4b3c2d", "uniqueName", "codeagent@contoso.example");
    static final String REPO_PATH = "/" + ORGANIZATION + "/" + PROJECT + "/_apis/git/repositories/" + REPOSITORY;
    static final String PROJECT_PATH = "/" + ORGANIZATION + "/" + PROJECT + "/_apis";
    private static final String TRANSFORMER = "azure-devops";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WireMockServer server;
    private final FakeAdoGit git;
    private final FakeAdoPipelines pipelines;
    private final Map<String, Route> routes = new LinkedHashMap<>();
    private final Map<Long, PullRequest> pullRequests = new LinkedHashMap<>();
    private final Map<String, Member> members = new LinkedHashMap<>();
    private final String contributorsDescriptor = "Microsoft.TeamFoundation.Identity;S-1-9-1551374245-1204400969-"
            + "2402986413-2179408616-3-1001";
    private long nextPullRequest = 57;
    private long nextThread = 742;
    private boolean loseNextQueueAnswer;

    private record Route(String method, Pattern path, BiFunction<LoggedRequest, Matcher, ResponseDefinition> handler) {
    }

    private record Member(String id, String uniqueName, String displayName, boolean contributor) {
    }

    /** A pull request with its threads and statuses. */
    static final class PullRequest {
        final long id;
        final String sourceRefName;
        final String targetRefName;
        final String targetCommit;
        final Map<String, Object> createdBy;
        final Instant created = Instant.now();
        final Map<Long, CommentThread> threads = new LinkedHashMap<>();
        final List<Map<String, Object>> statuses = new ArrayList<>();
        String title;
        String description;
        boolean draft;
        String status = "active";

        PullRequest(long id, String sourceRefName, String targetRefName, String targetCommit,
                Map<String, Object> createdBy, String title, String description, boolean draft) {
            this.id = id;
            this.sourceRefName = sourceRefName;
            this.targetRefName = targetRefName;
            this.targetCommit = targetCommit;
            this.createdBy = createdBy;
            this.title = title;
            this.description = description;
            this.draft = draft;
        }

        /** The latest status of {@code genre/name}, if any. */
        Optional<Map<String, Object>> latestStatus(String genre, String name) {
            Map<String, Object> latest = null;
            for (Map<String, Object> status : statuses) {
                @SuppressWarnings("unchecked")
                Map<String, Object> context = (Map<String, Object>) status.get("context");
                if (genre.equals(context.get("genre")) && name.equals(context.get("name"))) {
                    latest = status;
                }
            }
            return Optional.ofNullable(latest);
        }
    }

    /** A comment thread; comments keep their ids, an update rewrites the content. */
    static final class CommentThread {
        final long id;
        final List<Map<String, Object>> comments = new ArrayList<>();
        final Instant published = Instant.now();

        CommentThread(long id) {
            this.id = id;
        }
    }

    FakeAzureDevOps(Path dir) {
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                .extensions(new Answers()));
        server.start();
        git = new FakeAdoGit(dir, baseUrl() + REPO_PATH);
        pipelines = new FakeAdoPipelines(baseUrl() + "/" + ORGANIZATION + "/" + PROJECT,
                baseUrl() + "/" + ORGANIZATION + "/" + PROJECT);
        routes();
    }

    /** {@code CODEAGENT_ADO_BASE_URL}: the fake plays {@code https://dev.azure.com}. */
    String baseUrl() {
        return server.baseUrl();
    }

    WireMockServer server() {
        return server;
    }

    FakeAdoGit git() {
        return git;
    }

    /** The web address of the repository, as {@code repository.webUrl} gives it. */
    String webUrl() {
        return baseUrl() + "/" + ORGANIZATION + "/" + PROJECT + "/_git/" + REPOSITORY;
    }

    /** A user of the organization, in the project's Contributors group or not. */
    synchronized void member(String id, String uniqueName, String displayName, boolean contributor) {
        members.put(id, new Member(id, uniqueName, displayName, contributor));
    }

    /** Opens a pull request as its author does in the web UI. */
    synchronized long openPullRequest(String source, String target, String title, String description,
            Map<String, Object> author) {
        PullRequest pr = new PullRequest(nextPullRequest++, source, target, git.head(target).orElseThrow(), author,
                title, description, false);
        pullRequests.put(pr.id, pr);
        return pr.id;
    }

    /** A new thread on the pull request whose first comment {@code author} writes; returns the thread's id. */
    synchronized long comment(long pullRequestId, Map<String, Object> author, String content) {
        return newThread(pullRequests.get(pullRequestId), author, content).id;
    }

    /** A reply that {@code author} writes in a thread, as the last comment; returns its id. */
    synchronized long reply(long pullRequestId, long threadId, Map<String, Object> author, String content) {
        CommentThread thread = pullRequests.get(pullRequestId).threads.get(threadId);
        long id = thread.comments.size() + 1;
        thread.comments.add(newComment(id, 1, author, content));
        return id;
    }

    synchronized PullRequest pullRequest(long id) {
        return pullRequests.get(id);
    }

    /** The current text of each comment of a thread, in order. */
    synchronized List<String> comments(long pullRequestId, long threadId) {
        return pullRequests.get(pullRequestId).threads.get(threadId).comments.stream()
                .map(c -> (String) c.get("content")).toList();
    }

    /** The current text of every comment on a pull request, thread by thread. */
    synchronized List<String> comments(long pullRequestId) {
        return pullRequests.get(pullRequestId).threads.values().stream().flatMap(t -> t.comments.stream())
                .map(c -> (String) c.get("content")).toList();
    }

    synchronized List<FakeAdoPipelines.Run> runs() {
        return pipelines.runs();
    }

    synchronized void definePipeline(long id, String name, String folder) {
        pipelines.define(id, name, folder);
    }

    synchronized void completeRun(long runId, String result, FakeAdoPipelines.Published published) {
        pipelines.complete(runId, result, published);
    }

    /** Ends a run as failed without published test results, its timeline and log saying why. */
    synchronized void failRun(long runId, FakeAdoPipelines.Failure failure) {
        pipelines.fail(runId, failure);
    }

    /**
     * The next Runs - Run Pipeline is applied (the run is queued) but its answer never arrives: the connection is
     * reset, as when a proxy or the network drops it on the way back.
     */
    synchronized void loseNextQueueAnswer() {
        loseNextQueueAnswer = true;
    }

    String runWebUrl(long runId) {
        return pipelines.webUrl(runId);
    }

    /** Requests no stub matched: a call the fake does not know, or one without the PAT or api-version 7.1. */
    List<String> unmatched() {
        return server.findAllUnmatchedRequests().stream().map(r -> r.getMethod() + " " + r.getUrl()).toList();
    }

    /**
     * The service-hook delivery Azure DevOps sends for the first comment of a thread
     * ({@code ms.vss-code.git-pullrequest-comment-event}, resource version 2.0, as in the documentation's sample and
     * the captured deliveries of {@code ../shared/fixtures/ado}), created now.
     */
    synchronized Map<String, Object> commentEvent(long pullRequestId, long threadId) {
        return commentEvent(pullRequestId, threadId, 1);
    }

    /** The service-hook delivery for comment {@code commentId} of a thread (a reply as well as the first one). */
    synchronized Map<String, Object> commentEvent(long pullRequestId, long threadId, long commentId) {
        PullRequest pr = pullRequests.get(pullRequestId);
        Map<String, Object> comment = new LinkedHashMap<>(pr.threads.get(threadId).comments.stream()
                .filter(c -> ((Number) c.get("id")).longValue() == commentId).findFirst().orElseThrow());
        String services = "https://dev.azure.com/" + ORGANIZATION;
        String apiRepo = services + "/_apis/git/repositories/" + REPOSITORY_ID;
        comment.put("_links", Map.of(
                "self", Map.of("href", apiRepo + "/pullRequests/" + pr.id + "/threads/" + threadId + "/comments/"
                        + comment.get("id")),
                "repository", Map.of("href", services + "/" + PROJECT_ID + "/_apis/git/repositories/"
                        + REPOSITORY_ID),
                "threads", Map.of("href", apiRepo + "/pullRequests/" + pr.id + "/threads/" + threadId),
                "pullRequests", Map.of("href", services + "/_apis/git/pullRequests/" + pr.id)));
        Map<String, Object> pullRequest = new LinkedHashMap<>(pullRequestJson(pr));
        pullRequest.put("repository", Map.of("id", REPOSITORY_ID, "name", REPOSITORY, "url", services + "/"
                + PROJECT_ID + "/_apis/git/repositories/" + REPOSITORY_ID, "project", Map.of("id", PROJECT_ID,
                "name", PROJECT, "state", "wellFormed", "visibility", "private"), "defaultBranch", "refs/heads/main",
                "remoteUrl", "https://" + ORGANIZATION + "@dev.azure.com/" + ORGANIZATION + "/" + PROJECT + "/_git/"
                        + REPOSITORY,
                "webUrl", services + "/" + PROJECT + "/_git/" + REPOSITORY));
        pullRequest.put("url", services + "/" + PROJECT_ID + "/_apis/git/repositories/" + REPOSITORY_ID
                + "/pullRequests/" + pr.id);
        String link = services + "/" + PROJECT + "/_git/" + REPOSITORY + "/pullrequest/" + pr.id + "?discussionId="
                + threadId;
        @SuppressWarnings("unchecked")
        String who = (String) ((Map<String, Object>) comment.get("author")).get("displayName");
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("subscriptionId", "0d7c2a64-3f1b-4e8a-b5c9-7a1e2d3f4b5c");
        event.put("notificationId", 12);
        event.put("id", UUID.randomUUID().toString());
        event.put("eventType", "ms.vss-code.git-pullrequest-comment-event");
        event.put("publisherId", "tfs");
        event.put("message", Map.of("text", who + " has commented on a pull request",
                "html", who + " has <a href=\"" + link + "\">commented</a> on a pull request",
                "markdown", who + " has [commented](" + link + ") on a pull request"));
        event.put("detailedMessage", Map.of("text", who + " has commented on a pull request\r\n"
                + comment.get("content") + "\r\n"));
        event.put("resource", Map.of("comment", comment, "pullRequest", pullRequest));
        event.put("resourceVersion", "2.0");
        event.put("resourceContainers", Map.of(
                "collection", Map.of("id", "b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e", "baseUrl", services + "/"),
                "account", Map.of("id", "c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f", "baseUrl", services + "/"),
                "project", Map.of("id", PROJECT_ID, "baseUrl", services + "/")));
        event.put("createdDate", Instant.now().toString());
        return event;
    }

    // ---------------------------------------------------------------------------------------------- the routes

    private void routes() {
        String pr = REPO_PATH + "/pullRequests/(\\d+)";
        route("pullRequest", "GET", pr, (r, m) -> pullRequestById(m).map(p -> ok(pullRequestJson(p)))
                .orElseGet(FakeAzureDevOps::noPullRequest));
        route("updatePullRequest", "PATCH", pr, this::updatePullRequest);
        route("pullRequests", "GET", REPO_PATH + "/pullRequests", this::listPullRequests);
        route("createPullRequest", "POST", REPO_PATH + "/pullRequests", this::createPullRequest);
        route("iterations", "GET", pr + "/iterations", this::iterations);
        route("iterationChanges", "GET", pr + "/iterations/(\\d+)/changes", this::iterationChanges);
        route("threads", "GET", pr + "/threads", (r, m) -> pullRequestById(m)
                .map(p -> ok(list(p.threads.values().stream().map(this::threadJson).toList())))
                .orElseGet(FakeAzureDevOps::noPullRequest));
        route("createThread", "POST", pr + "/threads", this::createThread);
        route("thread", "GET", pr + "/threads/(\\d+)", (r, m) -> thread(m).map(t -> ok(threadJson(t)))
                .orElseGet(() -> error(404, "GitPullRequestThreadNotFoundException", "TF401180: The requested "
                        + "pull request thread was not found.")));
        route("createComment", "POST", pr + "/threads/(\\d+)/comments", this::createComment);
        route("comment", "GET", pr + "/threads/(\\d+)/comments/(\\d+)", (r, m) -> comment(m).map(this::ok)
                .orElseGet(FakeAzureDevOps::noComment));
        route("updateComment", "PATCH", pr + "/threads/(\\d+)/comments/(\\d+)", this::updateComment);
        route("statuses", "GET", pr + "/statuses", (r, m) -> pullRequestById(m).map(p -> ok(list(p.statuses)))
                .orElseGet(FakeAzureDevOps::noPullRequest));
        route("createStatus", "POST", pr + "/statuses", this::createStatus);
        route("refs", "GET", REPO_PATH + "/refs", (r, m) -> ok(list(git.refs(query(r, "filter")))));
        route("updateRefs", "POST", REPO_PATH + "/refs", this::updateRefs);
        route("push", "POST", REPO_PATH + "/pushes", this::push);
        route("commit", "GET", REPO_PATH + "/commits/([0-9a-fA-F]{40})", (r, m) -> git.commitJson(m.group(1))
                .map(this::ok).orElseGet(() -> error(404, "GitCommitDoesNotExistException", "TF401175: The commit "
                        + m.group(1) + " does not exist.")));
        route("tree", "GET", REPO_PATH + "/trees/([0-9a-fA-F]{40})", (r, m) -> git.treeJson(m.group(1))
                .map(this::ok).orElseGet(() -> error(404, "GitObjectNotFoundException", "TF401174: The tree "
                        + m.group(1) + " could not be found.")));
        route("item", "GET", REPO_PATH + "/items", this::item);
        route("identities", "GET", "/" + ORGANIZATION + "/_apis/identities", this::identities);
        route("pipelines", "GET", PROJECT_PATH + "/pipelines", (r, m) -> ok(list(pipelines.pipelines())));
        route("pipeline", "GET", PROJECT_PATH + "/pipelines/(\\d+)", (r, m) -> pipelines
                .pipeline(Long.parseLong(m.group(1))).map(this::ok).orElseGet(FakeAzureDevOps::noPipeline));
        route("runPipeline", "POST", PROJECT_PATH + "/pipelines/(\\d+)/runs", this::runPipeline);
        route("run", "GET", PROJECT_PATH + "/pipelines/(\\d+)/runs/(\\d+)", (r, m) -> pipelines
                .run(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))).map(this::ok)
                .orElseGet(() -> error(404, "PipelineRunNotFoundException", "Run " + m.group(2) + " was not found.")));
        route("builds", "GET", PROJECT_PATH + "/build/builds", (r, m) -> ok(list(pipelines.builds(
                Long.parseLong(query(r, "definitions")), query(r, "branchName")))));
        String build = PROJECT_PATH + "/build/builds/(\\d+)";
        route("build", "GET", build, (r, m) -> pipelines.build(Long.parseLong(m.group(1))).map(this::ok)
                .orElseGet(() -> noBuild(m)));
        route("updateBuild", "PATCH", build, this::updateBuild);
        route("timeline", "GET", build + "/timeline", (r, m) -> pipelines.build(Long.parseLong(m.group(1)))
                .map(b -> ok(pipelines.timeline(Long.parseLong(m.group(1))))).orElseGet(() -> noBuild(m)));
        route("buildLogs", "GET", build + "/logs", (r, m) -> pipelines.build(Long.parseLong(m.group(1)))
                .map(b -> ok(list(pipelines.logs(Long.parseLong(m.group(1)))))).orElseGet(() -> noBuild(m)));
        route("buildLog", "GET", build + "/logs/(\\d+)", this::buildLog);
        route("testRuns", "GET", PROJECT_PATH + "/test/runs", (r, m) -> ok(list(pipelines.testRuns(
                query(r, "buildUri")))));
        route("testRunStatistics", "GET", PROJECT_PATH + "/test/runs/(\\d+)/Statistics", (r, m) -> pipelines
                .statistics(Long.parseLong(m.group(1))).map(this::ok).orElseGet(FakeAzureDevOps::noTestRun));
        route("testResults", "GET", PROJECT_PATH + "/test/runs/(\\d+)/results", (r, m) -> pipelines
                .failedResults(Long.parseLong(m.group(1)), query(r, "outcomes"),
                        Optional.ofNullable(query(r, "$top")).map(Integer::parseInt).orElse(1000))
                .map(results -> ok(list(results))).orElseGet(FakeAzureDevOps::noTestRun));
    }

    /** One documented operation: a stub that needs the PAT and api-version 7.1, answered by {@code handler}. */
    private void route(String name, String method, String pathRegex,
            BiFunction<LoggedRequest, Matcher, ResponseDefinition> handler) {
        // Azure DevOps matches paths without regard to case (the adapter writes pullrequests and pullRequests).
        Pattern path = Pattern.compile("(?i)" + pathRegex);
        routes.put(name, new Route(method, path, handler));
        server.stubFor(request(method, urlPathMatching("(?i)" + pathRegex))
                .withHeader("Authorization", equalTo("Basic " + Base64.getEncoder()
                        .encodeToString((":" + PAT).getBytes(StandardCharsets.UTF_8))))
                .withQueryParam("api-version", equalTo("7.1"))
                .willReturn(new ResponseDefinitionBuilder().withTransformers(TRANSFORMER)
                        .withTransformerParameter("route", name)));
    }

    /** Answers every stub of the fake from its state, one request at a time. */
    private final class Answers implements ResponseDefinitionTransformerV2 {

        @Override
        public String getName() {
            return TRANSFORMER;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            Route route = routes.get(serveEvent.getTransformerParameters().getString("route"));
            LoggedRequest request = serveEvent.getRequest();
            String url = request.getUrl();
            Matcher matcher = route.path().matcher(url.contains("?") ? url.substring(0, url.indexOf('?')) : url);
            if (!matcher.matches()) {
                throw new IllegalStateException("route " + route + " does not match " + url);
            }
            synchronized (FakeAzureDevOps.this) {
                try {
                    return route.handler().apply(request, matcher);
                } catch (FakeAdoGit.Refusal refusal) {
                    return error(refusal.status, refusal.typeKey, refusal.getMessage());
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------ pull requests

    private Optional<PullRequest> pullRequestById(Matcher m) {
        return Optional.ofNullable(pullRequests.get(Long.parseLong(m.group(1))));
    }

    private static ResponseDefinition noPullRequest() {
        return error(404, "GitPullRequestNotFoundException", "TF401180: The requested pull request was not found.");
    }

    private Map<String, Object> pullRequestJson(PullRequest pr) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("repository", Map.of("id", REPOSITORY_ID, "name", REPOSITORY, "url", baseUrl() + REPO_PATH,
                "project", Map.of("id", PROJECT_ID, "name", PROJECT, "state", "wellFormed", "visibility", "private"),
                "webUrl", webUrl()));
        json.put("pullRequestId", pr.id);
        json.put("codeReviewId", pr.id);
        json.put("status", pr.status);
        json.put("createdBy", pr.createdBy);
        json.put("creationDate", pr.created.toString());
        json.put("title", pr.title);
        json.put("description", pr.description);
        json.put("sourceRefName", pr.sourceRefName);
        json.put("targetRefName", pr.targetRefName);
        json.put("mergeStatus", "succeeded");
        json.put("isDraft", pr.draft);
        json.put("mergeId", UUID.nameUUIDFromBytes(Long.toString(pr.id).getBytes(StandardCharsets.UTF_8))
                .toString());
        git.head(pr.sourceRefName).ifPresent(head -> json.put("lastMergeSourceCommit", Map.of("commitId", head,
                "url", baseUrl() + REPO_PATH + "/commits/" + head)));
        json.put("lastMergeTargetCommit", Map.of("commitId", pr.targetCommit, "url", baseUrl() + REPO_PATH
                + "/commits/" + pr.targetCommit));
        json.put("reviewers", List.of());
        json.put("url", baseUrl() + REPO_PATH + "/pullRequests/" + pr.id);
        json.put("supportsIterations", true);
        return json;
    }

    private ResponseDefinition updatePullRequest(LoggedRequest r, Matcher m) {
        Optional<PullRequest> found = pullRequestById(m);
        if (found.isEmpty()) {
            return noPullRequest();
        }
        JsonNode body = body(r);
        PullRequest pr = found.get();
        if (body.has("description")) {
            pr.description = body.get("description").asString();
        }
        if (body.has("title")) {
            pr.title = body.get("title").asString();
        }
        return ok(pullRequestJson(pr));
    }

    /** Pull Requests - Get Pull Requests: by source, target and status, paged; descriptions cut to 400 characters. */
    private ResponseDefinition listPullRequests(LoggedRequest r, Matcher m) {
        String source = query(r, "searchCriteria.sourceRefName");
        String target = query(r, "searchCriteria.targetRefName");
        String status = Optional.ofNullable(query(r, "searchCriteria.status")).orElse("active");
        int skip = Optional.ofNullable(query(r, "$skip")).map(Integer::parseInt).orElse(0);
        int top = Optional.ofNullable(query(r, "$top")).map(Integer::parseInt).orElse(101);
        List<Object> found = new ArrayList<>();
        for (PullRequest pr : pullRequests.values()) {
            if ((source == null || source.equals(pr.sourceRefName)) && (target == null
                    || target.equals(pr.targetRefName)) && (status.equals("all") || status.equals(pr.status))) {
                Map<String, Object> json = pullRequestJson(pr);
                if (pr.description != null && pr.description.length() > 400) {
                    json.put("description", pr.description.substring(0, 400));
                }
                found.add(json);
            }
        }
        return ok(list(found.subList(Math.min(skip, found.size()), Math.min(skip + top, found.size()))));
    }

    /** Pull Requests - Create; an active pull request of the same branches is a 409 (TF401179). */
    private ResponseDefinition createPullRequest(LoggedRequest r, Matcher m) {
        JsonNode body = body(r);
        String source = body.path("sourceRefName").asString();
        String target = body.path("targetRefName").asString();
        if (git.head(source).isEmpty() || git.head(target).isEmpty()) {
            return error(404, "GitRefNotFoundException", "TF401398: The pull request cannot be activated because "
                    + "the source and/or the target branch no longer exists, or the requested refs are not branches");
        }
        for (PullRequest pr : pullRequests.values()) {
            if (pr.status.equals("active") && pr.sourceRefName.equals(source) && pr.targetRefName.equals(target)) {
                return error(409, "GitPullRequestExistsException", "TF401179: An active pull request for the source "
                        + "and target branch already exists.");
            }
        }
        PullRequest pr = new PullRequest(nextPullRequest++, source, target, git.head(target).orElseThrow(),
                AGENT_IDENTITY, body.path("title").asString(), body.path("description").asString(null),
                body.path("isDraft").asBoolean(false));
        pullRequests.put(pr.id, pr);
        return json(201, pullRequestJson(pr));
    }

    /** Pull Request Iterations - List: one iteration, the source branch as it is now. */
    private ResponseDefinition iterations(LoggedRequest r, Matcher m) {
        return pullRequestById(m).map(pr -> {
            Map<String, Object> iteration = new LinkedHashMap<>();
            iteration.put("id", 1);
            iteration.put("description", pr.title);
            iteration.put("author", pr.createdBy);
            iteration.put("createdDate", pr.created.toString());
            iteration.put("sourceRefCommit", Map.of("commitId", git.head(pr.sourceRefName).orElseThrow()));
            iteration.put("targetRefCommit", Map.of("commitId", pr.targetCommit));
            iteration.put("commonRefCommit", Map.of("commitId", pr.targetCommit));
            iteration.put("reason", "create");
            return ok(list(List.of(iteration)));
        }).orElseGet(FakeAzureDevOps::noPullRequest);
    }

    /** Pull Request Iteration Changes - Get: what the source changes against the target, in one page. */
    private ResponseDefinition iterationChanges(LoggedRequest r, Matcher m) {
        return pullRequestById(m).filter(pr -> m.group(2).equals("1"))
                .map(pr -> ok(Map.of("changeEntries", git.changes(pr.targetCommit,
                        git.head(pr.sourceRefName).orElseThrow()))))
                .orElseGet(FakeAzureDevOps::noPullRequest);
    }

    // ---------------------------------------------------------------------------------- threads and comments

    private CommentThread newThread(PullRequest pr, Map<String, Object> author, String content) {
        CommentThread thread = new CommentThread(nextThread++);
        thread.comments.add(newComment(1, 0, author, content));
        pr.threads.put(thread.id, thread);
        return thread;
    }

    private static Map<String, Object> newComment(long id, long parent, Map<String, Object> author, String content) {
        String now = Instant.now().toString();
        Map<String, Object> comment = new LinkedHashMap<>();
        comment.put("id", id);
        comment.put("parentCommentId", parent);
        comment.put("author", author);
        comment.put("content", content);
        comment.put("publishedDate", now);
        comment.put("lastUpdatedDate", now);
        comment.put("lastContentUpdatedDate", now);
        comment.put("commentType", "text");
        comment.put("usersLiked", List.of());
        return comment;
    }

    private Map<String, Object> threadJson(CommentThread thread) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", thread.id);
        json.put("publishedDate", thread.published.toString());
        json.put("lastUpdatedDate", thread.comments.get(thread.comments.size() - 1).get("lastUpdatedDate"));
        json.put("comments", thread.comments);
        json.put("status", "active");
        json.put("threadContext", null);
        json.put("properties", Map.of());
        json.put("isDeleted", false);
        return json;
    }

    private Optional<CommentThread> thread(Matcher m) {
        return pullRequestById(m).map(pr -> pr.threads.get(Long.parseLong(m.group(2))));
    }

    private Optional<Map<String, Object>> comment(Matcher m) {
        long id = Long.parseLong(m.group(3));
        return thread(m).flatMap(t -> t.comments.stream().filter(c -> ((Number) c.get("id")).longValue() == id)
                .findFirst());
    }

    private static ResponseDefinition noComment() {
        return error(404, "CommentNotFoundException", "TF401181: The requested comment was not found.");
    }

    private ResponseDefinition createThread(LoggedRequest r, Matcher m) {
        Optional<PullRequest> pr = pullRequestById(m);
        if (pr.isEmpty()) {
            return noPullRequest();
        }
        JsonNode first = body(r).path("comments").path(0);
        return ok(threadJson(newThread(pr.get(), AGENT_IDENTITY, first.path("content").asString())));
    }

    private ResponseDefinition createComment(LoggedRequest r, Matcher m) {
        Optional<CommentThread> thread = thread(m);
        if (thread.isEmpty()) {
            return error(404, "GitPullRequestThreadNotFoundException", "TF401180: The requested pull request "
                    + "thread was not found.");
        }
        JsonNode body = body(r);
        Map<String, Object> comment = newComment(thread.get().comments.size() + 1,
                body.path("parentCommentId").asLong(0), AGENT_IDENTITY, body.path("content").asString());
        thread.get().comments.add(comment);
        return ok(comment);
    }

    private ResponseDefinition updateComment(LoggedRequest r, Matcher m) {
        Optional<Map<String, Object>> comment = comment(m);
        if (comment.isEmpty()) {
            return noComment();
        }
        String now = Instant.now().toString();
        comment.get().put("content", body(r).path("content").asString());
        comment.get().put("lastUpdatedDate", now);
        comment.get().put("lastContentUpdatedDate", now);
        return ok(comment.get());
    }

    // ---------------------------------------------------------------------------------------------- statuses

    private ResponseDefinition createStatus(LoggedRequest r, Matcher m) {
        Optional<PullRequest> pr = pullRequestById(m);
        if (pr.isEmpty()) {
            return noPullRequest();
        }
        JsonNode body = body(r);
        if (body.path("context").path("name").asString("").isBlank()) {
            return error(400, "InvalidArgumentValueException", "The context name of a status is required.");
        }
        String now = Instant.now().toString();
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("id", pr.get().statuses.size() + 1);
        status.put("state", body.path("state").asString("notSet"));
        status.put("description", body.path("description").asString(null));
        status.put("context", Map.of("name", body.path("context").path("name").asString(), "genre",
                body.path("context").path("genre").asString("")));
        status.put("creationDate", now);
        status.put("updatedDate", now);
        status.put("createdBy", AGENT_IDENTITY);
        status.put("targetUrl", body.path("targetUrl").asString(null));
        pr.get().statuses.add(status);
        return ok(status);
    }

    // ------------------------------------------------------------------------------------------- git objects

    private ResponseDefinition updateRefs(LoggedRequest r, Matcher m) {
        List<Object> results = new ArrayList<>();
        for (JsonNode update : body(r)) {
            results.add(git.updateRef(update.path("name").asString(), update.path("oldObjectId").asString(),
                    update.path("newObjectId").asString()));
        }
        return ok(list(results));
    }

    /** Pushes - Create of one commit on one branch. */
    private ResponseDefinition push(LoggedRequest r, Matcher m) {
        JsonNode body = body(r);
        JsonNode refUpdate = body.path("refUpdates").path(0);
        JsonNode commit = body.path("commits").path(0);
        List<FakeAdoGit.Change> changes = new ArrayList<>();
        for (JsonNode change : commit.path("changes")) {
            JsonNode content = change.path("newContent");
            changes.add(new FakeAdoGit.Change(change.path("changeType").asString().toLowerCase(Locale.ROOT),
                    change.path("item").path("path").asString(), change.path("sourceServerItem").asString(null),
                    content.isMissingNode() ? null : FakeAdoGit.decode(content.path("content").asString(),
                            content.path("contentType").asString("rawtext"))));
        }
        PersonIdent author = commit.has("author")
                ? FakeAdoGit.ident(commit.path("author").path("name").asString(),
                        commit.path("author").path("email").asString())
                : FakeAdoGit.ident((String) AGENT_IDENTITY.get("displayName"),
                        (String) AGENT_IDENTITY.get("uniqueName"));
        String name = refUpdate.path("name").asString();
        String old = refUpdate.path("oldObjectId").asString();
        String id = git.push(name, old, commit.path("comment").asString(), author, changes);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("commits", List.of(Map.of("commitId", id, "author", FakeAdoGit.person(author), "committer",
                FakeAdoGit.person(author), "comment", commit.path("comment").asString(), "url",
                baseUrl() + REPO_PATH + "/commits/" + id)));
        json.put("refUpdates", List.of(Map.of("repositoryId", REPOSITORY_ID, "name", name, "oldObjectId", old,
                "newObjectId", id)));
        json.put("repository", Map.of("id", REPOSITORY_ID, "name", REPOSITORY, "url", baseUrl() + REPO_PATH));
        json.put("pushedBy", AGENT_IDENTITY);
        json.put("pushId", id.hashCode() & 0x7fffffff);
        json.put("date", Instant.now().toString());
        json.put("url", baseUrl() + REPO_PATH + "/pushes");
        return json(201, json);
    }

    /** Items - Get of one file at a commit, as raw bytes (the adapter asks for application/octet-stream). */
    private ResponseDefinition item(LoggedRequest r, Matcher m) {
        String path = query(r, "path");
        String version = query(r, "versionDescriptor.version");
        if (path == null || version == null || !"commit".equalsIgnoreCase(query(r, "versionDescriptor.versionType"))) {
            return error(400, "InvalidArgumentValueException", "The fake answers Items - Get of one path at a commit");
        }
        return git.file(version, path).map(bytes -> new ResponseDefinitionBuilder().withStatus(200)
                        .withHeader("Content-Type", "application/octet-stream").withBody(bytes).build())
                .orElseGet(() -> error(404, "GitItemNotFoundException", "TF401174: The item '" + path + "' could "
                        + "not be found in the repository '" + REPOSITORY + "' at the version specified by '<Commit: "
                        + version + ">' (resolved to commit " + version + ")."));
    }

    // ------------------------------------------------------------------------------------ identities, pipelines

    /** Identities - Read Identities: a user by id with its groups, or a group by its name. */
    private ResponseDefinition identities(LoggedRequest r, Matcher m) {
        String ids = query(r, "identityIds");
        String membership = Optional.ofNullable(query(r, "queryMembership")).orElse("None");
        if (ids != null) {
            Member member = members.get(ids);
            if (member == null) {
                return ok("{\"count\":1,\"value\":[null]}");
            }
            List<String> memberOf = member.contributor() && !membership.equals("None")
                    ? List.of(contributorsDescriptor) : List.of();
            return ok(list(List.of(identity(member.id(), "Microsoft.IdentityModel.Claims.ClaimsIdentity;"
                    + "72f988bf-86f1-41af-91ab-2d7cd011db47\\" + member.uniqueName(), member.displayName(), false,
                    memberOf))));
        }
        if ("General".equals(query(r, "searchFilter"))) {
            String name = query(r, "filterValue");
            boolean found = name != null && CONTRIBUTORS.toLowerCase(Locale.ROOT)
                    .contains(name.toLowerCase(Locale.ROOT));
            return ok(list(found ? List.of(identity(UUID.nameUUIDFromBytes(CONTRIBUTORS.getBytes(
                    StandardCharsets.UTF_8)).toString(), contributorsDescriptor, CONTRIBUTORS, true, List.of()))
                    : List.of()));
        }
        return error(400, "InvalidArgumentValueException", "identityIds or searchFilter is required");
    }

    private static Map<String, Object> identity(String id, String descriptor, String name, boolean group,
            List<String> memberOf) {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("id", id);
        identity.put("descriptor", descriptor);
        identity.put("providerDisplayName", name);
        identity.put("isActive", true);
        if (group) {
            identity.put("isContainer", true);
        }
        identity.put("members", List.of());
        identity.put("memberOf", memberOf);
        identity.put("memberIds", List.of());
        identity.put("resourceVersion", 2);
        identity.put("metaTypeId", group ? 255 : 0);
        return identity;
    }

    private static ResponseDefinition noPipeline() {
        return error(404, "PipelineNotFoundException", "Pipeline not found.");
    }

    private static ResponseDefinition noTestRun() {
        return error(404, "TestObjectNotFoundException", "Test run not found.");
    }

    private static ResponseDefinition noBuild(Matcher m) {
        return error(404, "BuildNotFoundException", "TF215016: The requested build " + m.group(1)
                + " could not be found.");
    }

    /**
     * Builds - Update: only what the adapter asks, {@code {"status": "cancelling"}} of a run in progress; a completed
     * run cannot be cancelled.
     */
    private ResponseDefinition updateBuild(LoggedRequest r, Matcher m) {
        long id = Long.parseLong(m.group(1));
        if (pipelines.build(id).isEmpty()) {
            return noBuild(m);
        }
        if (!"cancelling".equals(body(r).path("status").asString(null))) {
            return error(400, "InvalidRequestException", "The fake updates a build's status to cancelling only.");
        }
        return pipelines.cancel(id).map(this::ok).orElseGet(() -> error(400, "InvalidBuildStatusException",
                "TF215081: The build " + id + " has already completed and cannot be canceled."));
    }

    /** Builds - Get Build Log: {@code text/plain}, optionally from {@code startLine} to {@code endLine}. */
    private ResponseDefinition buildLog(LoggedRequest r, Matcher m) {
        Long startLine = Optional.ofNullable(query(r, "startLine")).map(Long::parseLong).orElse(null);
        Long endLine = Optional.ofNullable(query(r, "endLine")).map(Long::parseLong).orElse(null);
        return pipelines.log(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), startLine, endLine)
                .map(text -> new ResponseDefinitionBuilder().withStatus(200)
                        .withHeader("Content-Type", "text/plain; charset=utf-8; api-version=7.1").withBody(text)
                        .build())
                .orElseGet(() -> error(404, "BuildLogNotFoundException", "The log " + m.group(2) + " of build "
                        + m.group(1) + " could not be found."));
    }

    /** Runs - Run Pipeline on {@code resources.repositories.self}: its branch at its version. */
    private ResponseDefinition runPipeline(LoggedRequest r, Matcher m) {
        long id = Long.parseLong(m.group(1));
        if (pipelines.pipeline(id).isEmpty()) {
            return noPipeline();
        }
        JsonNode self = body(r).path("resources").path("repositories").path("self");
        String refName = self.path("refName").asString(null);
        if (refName == null || git.head(refName).isEmpty()) {
            return error(400, "InvalidRequestException", "Unable to resolve the reference '" + refName
                    + "' to a specific version. Verify the reference exists in the source repository.");
        }
        String version = self.path("version").asString(git.head(refName).orElseThrow());
        if (git.commitJson(version).isEmpty()) {
            return error(400, "InvalidRequestException", "Unable to resolve the version '" + version + "'.");
        }
        Map<String, Object> run = pipelines.queue(id, refName, version);
        if (loseNextQueueAnswer) {
            loseNextQueueAnswer = false;
            return new ResponseDefinitionBuilder().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
        }
        return ok(run);
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static String query(LoggedRequest r, String name) {
        var parameter = r.queryParameter(name);
        return parameter != null && parameter.isPresent() ? parameter.firstValue() : null;
    }

    private static JsonNode body(LoggedRequest r) {
        return JSON.readTree(r.getBodyAsString());
    }

    private static Map<String, Object> list(List<?> values) {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("count", values.size());
        list.put("value", values);
        return list;
    }

    private ResponseDefinition ok(Object body) {
        return json(200, body);
    }

    private static ResponseDefinition json(int status, Object body) {
        return new ResponseDefinitionBuilder().withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8; api-version=7.1")
                .withBody(body instanceof String text ? text : JSON.writeValueAsString(body)).build();
    }

    private static ResponseDefinition error(int status, String typeKey, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("$id", "1");
        error.put("innerException", null);
        error.put("message", message);
        error.put("typeName", "Microsoft.TeamFoundation.Git.Server." + typeKey
                + ", Microsoft.TeamFoundation.Git.Server");
        error.put("typeKey", typeKey);
        error.put("errorCode", 0);
        error.put("eventId", 3000);
        return json(status, error);
    }

    @Override
    public void close() {
        server.stop();
        git.close();
    }
}
