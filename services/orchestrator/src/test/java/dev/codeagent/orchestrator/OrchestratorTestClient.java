package dev.codeagent.orchestrator;

import static org.assertj.core.api.Assertions.fail;

import dev.codeagent.contracts.command.Author;
import dev.codeagent.contracts.command.CommandKind;
import dev.codeagent.contracts.command.RepositoryRef;
import dev.codeagent.contracts.command.StartJobRequest;
import dev.codeagent.contracts.job.JobView;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.json.JsonMapper;

/** Talks to an orchestrator under test over real HTTP, with the internal token. */
public final class OrchestratorTestClient {

    public static final String TOKEN = "orchestrator-test-token-0123456789";

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    public OrchestratorTestClient(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    public static StartJobRequest edit(String repository, long commentId, int n, String intent) {
        RepositoryRef repo = new RepositoryRef("local", "local", "local", repository, null);
        return new StartJobRequest(StartJobRequest.keyOf(repo, 7, 1, commentId), repo, 7, 1, commentId, null,
                new Author("u1", "dev@example.com", "Dev"), CommandKind.EDIT, intent, n, null, "refs/heads/feature",
                "refs/heads/main", null, "delivery-" + commentId, Instant.now());
    }

    /** A follow-up command ({@code /pick}, {@code /refine}…) in the thread of {@link #edit}'s commands. */
    public static StartJobRequest followUp(String repository, long commentId, CommandKind kind, Integer variant,
            String text) {
        RepositoryRef repo = new RepositoryRef("local", "local", "local", repository, null);
        return new StartJobRequest(StartJobRequest.keyOf(repo, 7, 1, commentId), repo, 7, 1, commentId, null,
                new Author("u1", "dev@example.com", "Dev"), kind, text, 0, null, "refs/heads/feature",
                "refs/heads/main", null, "delivery-" + commentId, Instant.now(), variant, false);
    }

    public static StartJobRequest rejected(String repository, long commentId, String reason) {
        RepositoryRef repo = new RepositoryRef("local", "local", "local", repository, null);
        return new StartJobRequest(StartJobRequest.keyOf(repo, 7, 1, commentId), repo, 7, 1, commentId, null,
                null, CommandKind.REJECTED, null, 0, reason, null, null, null, null, null);
    }

    public HttpResponse<String> post(String path, Object body) {
        return postRaw(path, "application/json", body == null ? "" : json.writeValueAsString(body));
    }

    /** {@code body} as it is, with the given content type. */
    public HttpResponse<String> postRaw(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    public <T> T read(HttpResponse<String> response, Class<T> type) {
        return json.readValue(response.body(), type);
    }

    public JobView job(String id) {
        HttpResponse<String> response = get("/api/orchestrators/" + id);
        if (response.statusCode() != 200) {
            fail("GET job %s answered %s: %s", id, response.statusCode(), response.body());
        }
        return read(response, JobView.class);
    }

    /** Polls until the job is finished; fails after {@code timeout}. */
    public JobView awaitFinished(String id, Duration timeout) {
        Instant end = Instant.now().plus(timeout);
        JobView view = job(id);
        while (!view.runtimeStatus().isTerminal()) {
            if (Instant.now().isAfter(end)) {
                fail("job %s not finished after %s: %s", id, timeout, view);
            }
            sleep(50);
            view = job(id);
        }
        return view;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(20))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
