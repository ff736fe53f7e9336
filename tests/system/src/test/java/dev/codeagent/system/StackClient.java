package dev.codeagent.system;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a user and the git host do to a running {@link ServiceStack}, through the services' public HTTP APIs only
 * (the way {@code bin/demo/Demo.java} drives the demo): a repository with an open pull request on the local git
 * provider, a command comment in a new thread delivered to the gateway, the job followed to its end, the thread's
 * replies and the Prometheus counters read back.
 */
final class StackClient {

    static final String REPO = "shop";
    private static final Set<String> FINISHED = Set.of("Completed", "Failed", "Terminated");

    private final ServiceStack stack;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    record PullRequest(long id) {
    }

    StackClient(ServiceStack stack) {
        this.stack = stack;
    }

    /**
     * Creates {@link #REPO} with {@code files} on {@code main}, a branch {@code feature/orders} whose commit
     * replaces {@code changedPath} with {@code changedContent}, and a pull request from it into main.
     */
    PullRequest openPullRequest(Map<String, String> files, String changedPath, String changedContent)
            throws IOException {
        String adapter = stack.url(ServiceStack.ADAPTER);
        String v1 = adapter + "/api/v1/repositories/local/local/local/" + REPO;
        expect(call("POST", adapter + "/api/repos/local", Map.of("name", REPO, "defaultBranch", "main",
                "files", files)), 200, 201);
        String main = expect(call("GET", v1 + "/branches?name=main", null), 200).get("commit").asString();
        String feature = "feature/orders";
        expect(call("POST", v1 + "/branches", Map.of("name", feature, "commit", main)), 200, 201);
        expect(call("POST", v1 + "/commits", Map.of("branch", feature, "expectedHead", main,
                "message", "Orders keep their customer", "changes", List.of(Map.of("changeType", "edit",
                        "path", changedPath, "content", changedContent)))), 200, 201);
        JsonNode pr = expect(call("POST", adapter + "/api/repos/local/" + REPO + "/pull-requests",
                Map.of("sourceBranch", feature, "targetBranch", "main", "title", "Orders keep their customer",
                        "description", "Stores the customer of each order.")), 200, 201);
        return new PullRequest(pr.get("id").asLong());
    }

    /**
     * Writes the command {@code /edit /<variants> <intent>} as a new thread on the pull request and delivers the
     * comment to the gateway's {@code POST /api/comment-events}, as the local git provider's comments reach it
     * (bin/demo/Demo.java does the same); returns the job the gateway answers with.
     */
    Job comment(PullRequest pr, String intent, int variants) throws IOException {
        String command = "@CodeAgent /edit /" + variants + " " + intent;
        JsonNode thread = expect(call("POST", stack.url(ServiceStack.ADAPTER) + "/api/repos/local/" + REPO
                + "/pull-requests/" + pr.id() + "/threads", Map.of("content", command, "author",
                        Map.of("id", "dev-1", "uniqueName", "dev@example.com", "displayName", "Dev One"))), 200, 201);
        long threadId = thread.get("threadId").asLong();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("provider", "local");
        event.put("organization", "local");
        event.put("project", "local");
        event.put("repository", REPO);
        event.put("pullRequestId", pr.id());
        event.put("threadId", threadId);
        event.put("commentId", thread.get("commentId").asLong());
        event.put("author", Map.of("id", "dev-1", "name", "Dev One"));
        event.put("content", command);
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(stack.url(ServiceStack.GATEWAY)
                        + "/api/comment-events"))
                .header("Content-Type", "application/json")
                .header("X-CodeAgent-Secret", stack.webhookSecret())
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(event))));
        if (r.statusCode() != 202) {
            throw new AssertionError("the gateway answered the comment event " + r.statusCode() + ": " + r.body());
        }
        return new Job(json.readTree(r.body()).get("jobId").asString(), pr.id(), threadId);
    }

    record Job(String id, long pullRequestId, long threadId) {
    }

    /** {@code GET /api/orchestrators/{id}} once the job has finished. */
    JsonNode awaitFinished(Job job, Duration timeout) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode view = null;
        while (Instant.now().isBefore(deadline)) {
            view = job(job);
            if (FINISHED.contains(view.get("runtimeStatus").asString())) {
                return view;
            }
            ServiceStack.pause(Duration.ofMillis(250));
        }
        throw new AssertionError("job " + job.id() + " did not finish within " + timeout.toSeconds() + " s: "
                + view + "\norchestrator log:\n" + stack.logTail(ServiceStack.ORCHESTRATOR));
    }

    JsonNode job(Job job) throws IOException {
        return expect(call("GET", stack.url(ServiceStack.ORCHESTRATOR) + "/api/orchestrators/" + job.id(), null),
                200);
    }

    /** A file's text at {@code commit} of {@link #REPO}, as the adapter reads it for the orchestrator. */
    String file(String commit, String path) throws IOException {
        JsonNode contents = expect(call("POST", stack.url(ServiceStack.ADAPTER)
                + "/api/v1/repositories/local/local/local/" + REPO + "/contents",
                Map.of("commit", commit, "paths", List.of(path))), 200);
        return contents.get("files").get(0).get("content").asString();
    }

    /** The pull requests of {@link #REPO} as the local git provider keeps them, with their statuses. */
    JsonNode pullRequests() throws IOException {
        return expect(call("GET", stack.url(ServiceStack.ADAPTER) + "/api/repos/local/" + REPO + "/pull-requests",
                null), 200);
    }

    /** The threads of one pull request of {@link #REPO}, with their comments. */
    JsonNode threads(long pullRequestId) throws IOException {
        return expect(call("GET", stack.url(ServiceStack.ADAPTER) + "/api/repos/local/" + REPO + "/pull-requests/"
                + pullRequestId + "/threads", null), 200);
    }

    /** The agent's last comment in the job's thread: the final summary once the job has finished. */
    String lastReply(Job job) throws IOException {
        JsonNode threads = threads(job.pullRequestId());
        JsonNode list = threads.isArray() ? threads : threads.has("threads") ? threads.get("threads")
                : threads.get("items");
        String reply = null;
        for (JsonNode thread : list) {
            JsonNode id = thread.has("id") ? thread.get("id") : thread.get("threadId");
            if (id.asLong() == job.threadId()) {
                for (JsonNode comment : thread.get("comments")) {
                    String content = comment.get("content").asString();
                    if (content.contains("<!-- codeagent:")) {
                        reply = content;
                    }
                }
            }
        }
        if (reply == null) {
            throw new AssertionError("no reply of the agent in thread " + job.threadId() + ": " + threads);
        }
        return reply;
    }

    /** The row of variant {@code k} in the comparison table of a reply. */
    static String row(String reply, int k) {
        return reply.lines().filter(l -> l.startsWith("| " + k + " |")).findFirst()
                .orElseThrow(() -> new AssertionError("no row for variant " + k + " in:\n" + reply));
    }

    /**
     * The value of one Prometheus sample of {@code service}: {@code name} with all of {@code labels}; 0 if absent.
     * Read without credentials, as Prometheus scrapes the services: their actuator endpoints are outside the internal
     * token, and {@code CODEAGENT_METRICS_TOKEN} guards only the health monitor's.
     */
    BigDecimal metric(String service, String name, Map<String, String> labels) throws IOException {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(stack.url(service) + "/actuator/prometheus"))
                .GET());
        if (r.statusCode() != 200) {
            throw new AssertionError(service + " /actuator/prometheus answered " + r.statusCode() + ": " + r.body());
        }
        Pattern sample = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)} (\\S+)$", Pattern.MULTILINE);
        Matcher m = sample.matcher(r.body());
        while (m.find()) {
            String found = m.group(1);
            if (labels.entrySet().stream().allMatch(e -> found.contains(e.getKey() + "=\"" + e.getValue() + "\""))) {
                return new BigDecimal(m.group(2));
            }
        }
        return BigDecimal.ZERO;
    }

    private record Answer(int status, JsonNode body, String request) {
    }

    private static JsonNode expect(Answer answer, int... statuses) {
        for (int status : statuses) {
            if (answer.status() == status) {
                return answer.body();
            }
        }
        throw new AssertionError(answer.request() + " answered " + answer.status() + ": " + answer.body());
    }

    private Answer call(String method, String url, Object body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> r = send(request.header("Authorization", "Bearer " + stack.token()));
        JsonNode node = r.body() == null || r.body().isBlank() ? null : json.readTree(r.body());
        return new Answer(r.statusCode(), node, method + " " + url);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return http.send(request.header("x-corr-id", "system-test-" + UUID.randomUUID())
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
