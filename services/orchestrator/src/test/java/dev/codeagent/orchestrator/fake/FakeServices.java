package dev.codeagent.orchestrator.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.codeagent.contracts.check.CheckOutcome;
import dev.codeagent.contracts.check.CheckRunRequest;
import dev.codeagent.contracts.check.CheckRunResult;
import dev.codeagent.contracts.check.CheckSource;
import dev.codeagent.contracts.check.CheckStatus;
import dev.codeagent.contracts.check.TestCounts;
import dev.codeagent.contracts.git.BranchInfo;
import dev.codeagent.contracts.git.ChangeType;
import dev.codeagent.contracts.git.ChangedFile;
import dev.codeagent.contracts.git.ChangedFiles;
import dev.codeagent.contracts.git.CommentRef;
import dev.codeagent.contracts.git.CommentRequest;
import dev.codeagent.contracts.git.CommitRequest;
import dev.codeagent.contracts.git.CommitResult;
import dev.codeagent.contracts.git.CompletePullRequestRequest;
import dev.codeagent.contracts.git.ContentsRequest;
import dev.codeagent.contracts.git.CreateBranchRequest;
import dev.codeagent.contracts.git.CreatePullRequestRequest;
import dev.codeagent.contracts.git.FileChange;
import dev.codeagent.contracts.git.FileContent;
import dev.codeagent.contracts.git.FileContents;
import dev.codeagent.contracts.git.PullRequestAbandonment;
import dev.codeagent.contracts.git.PullRequestDescriptionRequest;
import dev.codeagent.contracts.git.PullRequestCompletion;
import dev.codeagent.contracts.git.PullRequestInfo;
import dev.codeagent.contracts.git.PullRequestRef;
import dev.codeagent.contracts.git.StatusRequest;
import dev.codeagent.contracts.git.TreeEntry;
import dev.codeagent.contracts.git.TreeListing;
import dev.codeagent.contracts.git.TriggerPermission;
import dev.codeagent.contracts.git.TriggerPermissionRequest;
import dev.codeagent.contracts.context.ContextSelection;
import dev.codeagent.contracts.context.ContextSelectionRequest;
import dev.codeagent.contracts.context.RankedPath;
import dev.codeagent.contracts.patch.ModelCall;
import dev.codeagent.contracts.patch.PatchRequest;
import dev.codeagent.contracts.patch.PatchResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * A protocol-faithful, stateful fake of the adapter, llm-patch and runner REST APIs on a loopback port, for
 * orchestrator tests: it remembers branches, commits, pull requests, comments and statuses per repository,
 * answers like the real services (including 404 for a missing branch, 409 with {@code currentCommit},
 * find-or-create by marker, idempotent replies by {@code Idempotency-Key}, the trigger permission of each author),
 * and injects faults on demand.
 */
public final class FakeServices implements AutoCloseable {

    public static final String BASE_COMMIT = "1111111111111111111111111111111111111111";
    /** What every file reads as where no commit of the fake wrote it. */
    public static final String BASE_CONTENT = "class Login {}\n";

    static {
        // The real services answer from Tomcat, which sets TCP_NODELAY; the JDK server does not by default, and
        // its separate header and body writes would then wait on delayed ACKs (tens of ms per call).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final Pattern REPO = Pattern.compile(
            "/api/v1/repositories/([^/]+)/([^/]+)/([^/]+)/([^/]+)(/.*)?");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, FakeRepository> repositories = new ConcurrentHashMap<>();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    // A queue, not a copy-on-write list: benchmarks send tens of thousands of requests.
    private final java.util.Queue<String> requests = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final AtomicLong ids = new AtomicLong(100);
    private volatile PatchBehaviour patchBehaviour = PatchBehaviour.DEFAULT;
    private volatile CheckBehaviour checkBehaviour = CheckBehaviour.NONE;
    private final List<CheckRunRequest> checkRuns = new CopyOnWriteArrayList<>();
    private final List<String> cancelledRuns = new CopyOnWriteArrayList<>();
    private final FakePipelines pipelines = new FakePipelines(json);

    public FakeServices() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A repository with one open pull request (id 7) from {@code feature} to {@code main}. */
    public FakeRepository repository(String name) {
        return repositories.computeIfAbsent(name, FakeRepository::new);
    }

    public void addFault(Fault fault) {
        faults.add(fault);
    }

    public void patchBehaviour(PatchBehaviour behaviour) {
        this.patchBehaviour = behaviour;
    }

    public void checkBehaviour(CheckBehaviour behaviour) {
        this.checkBehaviour = behaviour;
    }

    /** The check runs the fake runner answered, in order. */
    public List<CheckRunRequest> checkRuns() {
        return List.copyOf(checkRuns);
    }

    /** The run ids the fake runner was asked to cancel. */
    public List<String> cancelledRuns() {
        return List.copyOf(cancelledRuns);
    }

    /** The adapter's Azure DevOps pipelines. */
    public FakePipelines pipelines() {
        return pipelines;
    }

    /** "METHOD path" of every request received, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    public long count(String method, String pathPart) {
        return requests.stream().filter(r -> r.startsWith(method + " ") && r.contains(pathPart)).count();
    }

    public void reset() {
        faults.clear();
        requests.clear();
        patchBehaviour = PatchBehaviour.DEFAULT;
        checkBehaviour = CheckBehaviour.NONE;
        checkRuns.clear();
        cancelledRuns.clear();
        pipelines.reset();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            byte[] body = exchange.getRequestBody().readAllBytes();
            String bodyText = new String(body, StandardCharsets.UTF_8);
            requests.add(method + " " + path + (query == null ? "" : "?" + query));
            Fault fault = matchingFault(method, path, bodyText);
            if (fault != null && !fault.afterProcessing()) {
                fault.apply();
                if (fault.status() > 0) {
                    problem(exchange, fault.status(), fault.retryAfterSeconds(), "injected fault");
                    return;
                }
            }
            Response response;
            try {
                response = route(method, path, query, bodyText, exchange);
            } catch (RuntimeException e) {
                response = new Response(500, Map.of("title", "fake failed", "detail", String.valueOf(e)));
            }
            if (fault != null && fault.afterProcessing()) {
                // The side effect happened; the answer is delayed or lost, as after a timeout or crash.
                fault.apply();
                if (fault.status() > 0) {
                    problem(exchange, fault.status(), fault.retryAfterSeconds(), "injected fault after processing");
                    return;
                }
            }
            send(exchange, response);
        }
    }

    private Fault matchingFault(String method, String path, String body) {
        for (Fault f : faults) {
            if (f.matches(method, path, body) && f.take()) {
                return f;
            }
        }
        return null;
    }

    private Response route(String method, String path, String query, String body, HttpExchange exchange) {
        if (path.equals("/api/context/select") && method.equals("POST")) {
            ContextSelectionRequest request = json.readValue(body, ContextSelectionRequest.class);
            List<String> paths = new ArrayList<>(request.changedPaths() == null ? List.of() : request.changedPaths());
            request.tree().stream().map(TreeEntry::path).filter(p -> !paths.contains(p)).limit(3).forEach(paths::add);
            if (request.files() == null) {
                // As llm-patch answers without a map of the commit: paths, and the contents it wants for the map.
                return new Response(200, new ContextSelection(paths, 100, List.of(), List.of(), "",
                        request.tree().stream().map(TreeEntry::path).toList()));
            }
            StringBuilder map = new StringBuilder();
            request.files().forEach(f -> map.append(f.path()).append(":\n  class Login\n"));
            return new Response(200, new ContextSelection(paths, 100, List.of(),
                    List.of(new RankedPath(paths.get(0), 3.5, true, "changed in the PR")), map.toString(), List.of()));
        }
        if (path.equals("/api/patches") && method.equals("POST")) {
            PatchRequest request = json.readValue(body, PatchRequest.class);
            return patchBehaviour.answer(request);
        }
        if (path.equals("/api/checks/runs") && method.equals("POST")) {
            CheckRunRequest request = json.readValue(body, CheckRunRequest.class);
            Response response = checkBehaviour.answer(request);
            if (response.status() == 200) {
                checkRuns.add(request);
            }
            return response;
        }
        if (path.startsWith("/api/checks/runs/") && method.equals("DELETE")) {
            cancelledRuns.add(decode(path.substring("/api/checks/runs/".length())));
            return new Response(202, Map.of("status", "cancelling"));
        }
        Matcher m = REPO.matcher(path);
        if (!m.matches()) {
            return new Response(404, Map.of("title", "no route " + path));
        }
        FakeRepository repo = repositories.get(decode(m.group(4)));
        if (repo == null) {
            return new Response(404, Map.of("title", "Not Found", "detail", "repository not found"));
        }
        String rest = m.group(5) == null ? "" : m.group(5);
        Map<String, String> params = params(query);
        if (rest.startsWith("/pipelines")) {
            return pipelines.answer(method, rest, params, body);
        }
        synchronized (repo) {
            return repoRoute(repo, method, rest, params, body, exchange);
        }
    }

    private Response repoRoute(FakeRepository repo, String method, String rest, Map<String, String> params,
            String body, HttpExchange exchange) {
        if (method.equals("GET") && rest.matches("/pull-requests/\\d+")) {
            long id = Long.parseLong(rest.substring(rest.lastIndexOf('/') + 1));
            if (id != FakeRepository.PR_ID) {
                return new Response(404, Map.of("title", "Not Found", "detail", "pull request " + id + " not found"));
            }
            return new Response(200, new PullRequestInfo(id, "Login handler", "Adds a login handler",
                    "refs/heads/feature", "refs/heads/main", BASE_COMMIT, "2222222222222222222222222222222222222222",
                    "active", false, null, "http://fake/pr/" + id));
        }
        if (method.equals("GET") && rest.matches("/pull-requests/\\d+/changes")) {
            return new Response(200, new ChangedFiles(1, List.of(new ChangedFile("src/Login.java", ChangeType.EDIT, null))));
        }
        if (method.equals("GET") && rest.equals("/tree")) {
            return new Response(200, new TreeListing(params.get("commit"), List.of(new TreeEntry("src/Login.java", 40),
                    new TreeEntry("README.md", 10)), false));
        }
        if (method.equals("POST") && rest.equals("/contents")) {
            ContentsRequest request = json.readValue(body, ContentsRequest.class);
            List<FileContent> files = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            Map<String, String> written = repo.files.getOrDefault(request.commit(), Map.of());
            for (String p : request.paths()) {
                String content = written.containsKey(p) ? written.get(p) : BASE_CONTENT;
                if (content == null) {
                    missing.add(p);
                } else {
                    files.add(new FileContent(p, content, FileContent.UTF8, content.length(), false, false));
                }
            }
            return new Response(200, new FileContents(request.commit(), files, missing));
        }
        if (method.equals("GET") && rest.equals("/branches")) {
            String name = params.get("name");
            String head = repo.branches.get(name);
            return head == null ? new Response(404, Map.of("title", "Not Found", "detail", "no branch " + name))
                    : new Response(200, new BranchInfo(name, head, false));
        }
        if (method.equals("POST") && rest.equals("/branches")) {
            CreateBranchRequest request = json.readValue(body, CreateBranchRequest.class);
            String head = repo.branches.get(request.name());
            if (head == null) {
                repo.branches.put(request.name(), request.commit());
                repo.branchCreations.merge(request.name(), 1, Integer::sum);
                return new Response(201, new BranchInfo(request.name(), request.commit(), true));
            }
            if (head.equals(request.commit())) {
                return new Response(200, new BranchInfo(request.name(), head, false));
            }
            return new Response(409, Map.of("type", "https://codeagent.dev/problems/conflict", "title", "Conflict",
                    "detail", "branch exists at another commit", "currentCommit", head));
        }
        if (method.equals("POST") && rest.equals("/commits")) {
            CommitRequest request = json.readValue(body, CommitRequest.class);
            String head = repo.branches.get(request.branch());
            if (head == null) {
                return new Response(404, Map.of("title", "Not Found", "detail", "no branch " + request.branch()));
            }
            if (!head.equals(request.expectedHead())) {
                return new Response(409, Map.of("type", "https://codeagent.dev/problems/conflict", "title",
                        "Conflict", "detail", "head moved", "currentCommit", head));
            }
            String commit = HexFormat.of().formatHex(randomBytes());
            Map<String, String> written = new HashMap<>(repo.files.getOrDefault(head, Map.of()));
            for (FileChange change : request.changes()) {
                written.put(change.path(), change.changeType() == ChangeType.DELETE ? null : change.content());
            }
            repo.files.put(commit, written);
            repo.branches.put(request.branch(), commit);
            repo.commits.computeIfAbsent(request.branch(), b -> new CopyOnWriteArrayList<>()).add(request);
            return new Response(201, new CommitResult(request.branch(), commit, head));
        }
        if (method.equals("POST") && rest.equals("/pull-requests")) {
            CreatePullRequestRequest request = json.readValue(body, CreatePullRequestRequest.class);
            for (FakePullRequest pr : repo.pullRequests) {
                if (pr.request().sourceBranch().equals(request.sourceBranch())
                        && pr.request().targetBranch().equals(request.targetBranch())
                        && pr.request().description() != null && pr.request().description().contains(request.marker())) {
                    return new Response(200, new PullRequestRef(pr.id(), pr.url(), false));
                }
            }
            long id = ids.incrementAndGet();
            FakePullRequest pr = new FakePullRequest(id, "http://fake/pr/" + id, request);
            repo.pullRequests.add(pr);
            return new Response(201, new PullRequestRef(id, pr.url(), true));
        }
        Matcher reply = Pattern.compile("/pull-requests/(\\d+)/threads/(\\d+)/comments").matcher(rest);
        if (method.equals("POST") && reply.matches()) {
            CommentRequest request = json.readValue(body, CommentRequest.class);
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            if (key != null && repo.commentsByKey.containsKey(key)) {
                return new Response(200, new CommentRef(Long.parseLong(reply.group(2)), repo.commentsByKey.get(key)));
            }
            long id = ids.incrementAndGet();
            repo.comments.put(id, request.content());
            if (key != null) {
                repo.commentsByKey.put(key, id);
            }
            return new Response(201, new CommentRef(Long.parseLong(reply.group(2)), id));
        }
        Matcher update = Pattern.compile("/pull-requests/(\\d+)/threads/(\\d+)/comments/(\\d+)").matcher(rest);
        if (method.equals("PATCH") && update.matches()) {
            long id = Long.parseLong(update.group(3));
            if (!repo.comments.containsKey(id)) {
                return new Response(404, Map.of("title", "Not Found", "detail", "no comment " + id));
            }
            repo.comments.put(id, json.readValue(body, CommentRequest.class).content());
            return new Response(200, new CommentRef(Long.parseLong(update.group(2)), id));
        }
        if (method.equals("POST") && rest.matches("/pull-requests/\\d+/statuses")) {
            StatusRequest status = json.readValue(body, StatusRequest.class);
            repo.statuses.add(status);
            repo.statusesByPullRequest.computeIfAbsent(pullRequestOf(rest), id -> new CopyOnWriteArrayList<>())
                    .add(status);
            return new Response(204, null);
        }
        if (method.equals("PUT") && rest.matches("/pull-requests/\\d+/description")) {
            repo.descriptionUpdates.computeIfAbsent(pullRequestOf(rest), id -> new CopyOnWriteArrayList<>())
                    .add(json.readValue(body, PullRequestDescriptionRequest.class).description());
            return new Response(204, null);
        }
        if (method.equals("POST") && rest.matches("/pull-requests/\\d+/threads")) {
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            if (key != null && repo.commentsByKey.containsKey(key)) {
                long id = repo.commentsByKey.get(key);
                return new Response(200, new CommentRef(id, id));
            }
            long id = ids.incrementAndGet();
            String content = json.readValue(body, CommentRequest.class).content();
            repo.threads.computeIfAbsent(pullRequestOf(rest), pr -> new CopyOnWriteArrayList<>()).add(content);
            if (key != null) {
                repo.commentsByKey.put(key, id);
            }
            return new Response(201, new CommentRef(id, id));
        }
        if (method.equals("POST") && rest.matches("/pull-requests/\\d+/complete")) {
            return complete(repo, Long.parseLong(rest.split("/")[2]), json.readValue(body,
                    CompletePullRequestRequest.class));
        }
        if (method.equals("POST") && rest.matches("/pull-requests/\\d+/abandon")) {
            long id = Long.parseLong(rest.split("/")[2]);
            String before = repo.pullRequestStatus.putIfAbsent(id, "abandoned");
            return new Response(200, new PullRequestAbandonment(id, before == null, before == null ? "abandoned"
                    : before));
        }
        if (method.equals("DELETE") && rest.equals("/branches")) {
            String head = repo.branches.get(params.get("name"));
            if (head != null && !head.equals(params.get("commit"))) {
                return new Response(409, Map.of("type", "https://codeagent.dev/problems/conflict", "title",
                        "Conflict", "detail", "branch moved", "currentCommit", head));
            }
            repo.branches.remove(params.get("name"));
            return new Response(204, null);
        }
        if (method.equals("POST") && rest.equals("/trigger-permission")) {
            TriggerPermissionRequest request = json.readValue(body, TriggerPermissionRequest.class);
            String name = request.author() == null ? null : request.author().uniqueName();
            List<String> groups = List.of(FakeRepository.ALLOWED_GROUP);
            return new Response(200, name != null && repo.deniedAuthors.contains(name)
                    ? new TriggerPermission(false, name + " is not a member of " + FakeRepository.ALLOWED_GROUP, groups)
                    : new TriggerPermission(true, name + " is a member of " + FakeRepository.ALLOWED_GROUP, groups));
        }
        return new Response(404, Map.of("title", "no route " + method + " " + rest));
    }

    /** Completion as the adapter answers it: idempotent, conflicts and policies refused with nothing changed. */
    private Response complete(FakeRepository repo, long id, CompletePullRequestRequest request) {
        repo.completions.add(request);
        FakePullRequest pr = repo.pullRequests.stream().filter(p -> p.id() == id).findFirst().orElse(null);
        if (pr == null) {
            return new Response(404, Map.of("title", "Not Found", "detail", "pull request " + id + " not found"));
        }
        if (repo.mergeCommits.containsKey(id)) {
            return new Response(200, new PullRequestCompletion(id, repo.mergeCommits.get(id), false));
        }
        if (repo.conflicting.contains(id)) {
            return new Response(409, Map.of("type", "https://codeagent.dev/problems/merge-conflict", "title",
                    "Merge conflict", "detail", "Pull request " + id + " cannot be merged: conflicts in src/Login.java"));
        }
        if (repo.blockedByPolicy.containsKey(id)) {
            return new Response(409, Map.of("type", "https://codeagent.dev/problems/policy-blocked", "title",
                    "Blocked by a policy", "detail", "A policy blocks completing pull request " + id, "policy",
                    repo.blockedByPolicy.get(id)));
        }
        String source = pr.request().sourceBranch().replaceFirst("^refs/heads/", "");
        String head = repo.branches.get(source);
        if (head == null || !head.equals(request.lastMergeSourceCommit())) {
            return new Response(409, Map.of("type", "https://codeagent.dev/problems/conflict", "title", "Conflict",
                    "detail", "the source moved", "currentCommit", String.valueOf(head)));
        }
        String mergeCommit = HexFormat.of().formatHex(randomBytes());
        repo.branches.put(pr.request().targetBranch().replaceFirst("^refs/heads/", ""), mergeCommit);
        repo.mergeCommits.put(id, mergeCommit);
        repo.pullRequestStatus.put(id, "completed");
        if (request.deleteSourceBranch()) {
            repo.branches.remove(source);
        }
        return new Response(200, new PullRequestCompletion(id, mergeCommit, true));
    }

    private void send(HttpExchange exchange, Response response) throws IOException {
        if (response.body() == null) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        byte[] bytes = json.writeValueAsBytes(response.body());
        exchange.getResponseHeaders().set("Content-Type",
                response.status() >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(response.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void problem(HttpExchange exchange, int status, Integer retryAfter, String detail) throws IOException {
        if (retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", String.valueOf(retryAfter));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Injected " + status);
        body.put("status", status);
        body.put("detail", detail);
        send(exchange, new Response(status, body));
    }

    private static long pullRequestOf(String rest) {
        return Long.parseLong(rest.split("/")[2]);
    }

    private static Map<String, String> params(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
                }
            }
        }
        return params;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[20];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    /** An answer of the fake. */
    public record Response(int status, Object body) {
    }

    /** How the fake runner answers a check run. */
    @FunctionalInterface
    public interface CheckBehaviour {
        /** No configuration and nothing detected: no check ran. */
        CheckBehaviour NONE = request -> new Response(200, result(request, CheckSource.NONE, null, 0, List.of()));

        Response answer(CheckRunRequest request);

        static CheckRunResult result(CheckRunRequest request, CheckSource source, String configError, int repair,
                List<CheckOutcome> checks) {
            boolean passed = !checks.isEmpty() && checks.stream().allMatch(c -> c.status() == CheckStatus.PASSED);
            return new CheckRunResult(request.runId(), source, configError, repair, "process", null, checks, passed,
                    checks.isEmpty() ? "" : "$ " + checks.get(0).command() + "\nrun " + request.runId() + "\n", 1200);
        }

        static CheckOutcome passed(String name, TestCounts tests) {
            return new CheckOutcome(name, "./mvnw -B " + name, CheckStatus.PASSED, 0, tests, List.of(), List.of(), 500);
        }

        static CheckOutcome failed(String name, TestCounts tests, List<String> failingTests, List<String> errors) {
            return new CheckOutcome(name, "./mvnw -B " + name, CheckStatus.FAILED, 1, tests, failingTests, errors, 500);
        }

        static CheckOutcome skipped(String name) {
            return new CheckOutcome(name, "./mvnw -B " + name, CheckStatus.SKIPPED, null, null, List.of(), List.of(), 0);
        }

        /** The same configured checks for every run, repair rounds allowed as given. */
        static CheckBehaviour always(int repair, CheckOutcome... checks) {
            return request -> new Response(200, result(request, CheckSource.CONFIGURED, null, repair, List.of(checks)));
        }
    }

    /** How the fake llm-patch answers a patch request. */
    @FunctionalInterface
    public interface PatchBehaviour {
        PatchBehaviour DEFAULT = request -> new Response(200, patch(request, false));

        Response answer(PatchRequest request);

        static PatchResponse patch(PatchRequest request, boolean offline) {
            String content = "class Login {\n  // variant " + request.k() + ": " + request.intent() + "\n}\n";
            return new PatchResponse(request.k(), "strategy-" + request.k(), "Approach " + request.k()
                    + " for the change", List.of(FileChange.edit("src/Login.java", content)),
                    "--- a/src/Login.java\n+++ b/src/Login.java\n", 2, 1, offline ? "offline" : "ollama",
                    offline ? "offline-v1" : "qwen2.5-coder", offline, null, 1, List.of(), calls(request.k(), offline));
        }

        /**
         * The usage llm-patch reports: variant 1 one priced call, variant 2 a priced call and its repair round,
         * later variants one call of a model without a price (cost unknown).
         */
        static List<ModelCall> calls(int k, boolean offline) {
            String provider = offline ? "offline" : "ollama";
            String model = offline ? "offline-v1" : "qwen2.5-coder";
            return switch (k) {
                case 1 -> List.of(new ModelCall(provider, model, 1000, 200, 40, new BigDecimal("0.0036")));
                case 2 -> List.of(new ModelCall(provider, model, 1500, 300, 55, new BigDecimal("0.0054")),
                        new ModelCall(provider, model, 800, 100, 30, new BigDecimal("0.0025")));
                default -> List.of(new ModelCall(provider, model, 600, 50, 25, null));
            };
        }

        /** 422 for the variants selected by {@code failing}, the default answer for the others. */
        static PatchBehaviour failing(Predicate<PatchRequest> failing) {
            return request -> failing.test(request)
                    ? new Response(422, Map.of("type", "https://codeagent.dev/problems/unprocessable",
                            "title", "Unprocessable", "detail", "edits did not apply for variant " + request.k()))
                    : DEFAULT.answer(request);
        }
    }
}
