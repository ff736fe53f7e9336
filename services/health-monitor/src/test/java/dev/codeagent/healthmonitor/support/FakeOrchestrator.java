package dev.codeagent.healthmonitor.support;

import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The orchestrator's job status API ({@code GET /api/orchestrators?top=}, {@code GET /api/orchestrators/{id}})
 * serving JobView JSON written as the orchestrator would; requires the internal token like the real one.
 */
public final class FakeOrchestrator implements AutoCloseable {

    private final FakeHttpServer server;
    private final List<String> jobs = new CopyOnWriteArrayList<>();
    private final Map<String, String> jobsById = new ConcurrentHashMap<>();
    private volatile int failWith;

    public FakeOrchestrator(String token) {
        server = new FakeHttpServer(request -> {
            if (!("Bearer " + token).equals(request.header("Authorization"))) {
                return FakeHttpServer.Reply.json(401, "{\"title\":\"Unauthorized\",\"status\":401}");
            }
            if (failWith != 0) {
                return FakeHttpServer.Reply.json(failWith, "{\"title\":\"Boom\",\"status\":" + failWith + "}");
            }
            String path = request.uri().split("\\?")[0];
            if (path.matches("/api/orchestrators/[^/]+/variants/\\d+/checks/\\d+/log")) {
                return jobsById.containsKey(path.split("/")[3]) && path.endsWith("/1/checks/1/log")
                        ? new FakeHttpServer.Reply(200, "text/plain;charset=UTF-8", SAMPLE_LOG)
                        : FakeHttpServer.Reply.json(404, "{\"title\":\"Log not found\",\"status\":404}");
            }
            if (path.equals("/api/orchestrators")) {
                return FakeHttpServer.Reply.json(200,
                        "{\"items\":[" + String.join(",", jobs) + "],\"continuationToken\":null}");
            }
            if (path.startsWith("/api/orchestrators/")) {
                String job = jobsById.get(path.substring("/api/orchestrators/".length()));
                return job == null
                        ? FakeHttpServer.Reply.json(404, "{\"title\":\"Not found\",\"status\":404}")
                        : FakeHttpServer.Reply.json(200, job);
            }
            return FakeHttpServer.Reply.json(404, "{}");
        });
    }

    /** Adds a job (newest first), given as the orchestrator's JobView JSON. */
    public void addJob(String id, String json) {
        jobs.add(0, json);
        jobsById.put(id, json);
    }

    /** Answers every call with this HTTP status (0 = normal service). */
    public void failWith(int status) {
        this.failWith = status;
    }

    public FakeHttpServer server() {
        return server;
    }

    /**
     * Points a monitor at this fake alone (its only target, optional, and the source of jobs) with
     * {@code token} as the internal token.
     */
    public void register(DynamicPropertyRegistry registry, String token) {
        registry.add("codeagent.platform.internal-token", () -> token);
        registry.add("codeagent.monitor.targets", () -> "orchestrator=" + baseUrl() + "/|optional");
        registry.add("codeagent.monitor.orchestrator-url", this::baseUrl);
    }

    public String baseUrl() {
        return server.url("");
    }

    /** The log of variant 1's round 1 in {@link #sampleJob}: 60 numbered lines. */
    public static final String SAMPLE_LOG = sampleLog();

    private static String sampleLog() {
        StringBuilder log = new StringBuilder();
        for (int i = 1; i <= 60; i++) {
            log.append("log line ").append(i).append('\n');
        }
        return log.toString();
    }

    /**
     * A completed job of three variants, two with draft PRs, in the orchestrator's JSON shape; variant 2's model has
     * no price, so its cost and the job's are unknown. Variant 1 failed its checks, was repaired once and passes now;
     * it is the recommended one.
     */
    public static String sampleJob(String id, String intent) {
        return """
                {"id":"%1$s","name":"edit","runtimeStatus":"Running","outcome":null,"kind":"edit",
                 "repository":{"provider":"local","organization":"local","project":"local","repository":"shop"},
                 "pullRequestId":42,"threadId":7,"commentId":1,"intent":"%2$s","variantsRequested":3,
                 "author":"Ada Lovelace","error":null,
                 "createdTime":"2026-11-29T04:00:00Z","lastUpdatedTime":"2026-11-29T04:01:10Z","completedTime":null,
                 "variants":[
                  {"k":1,"state":"succeeded","step":"done","strategy":"minimal","approach":"Guard clauses in the handler",
                   "branch":"agents/edit-42-%1$.8s-1","commit":"0123456789abcdef0123","pullRequestId":101,
                   "pullRequestUrl":"http://git.example/pr/101","filesChanged":2,"linesAdded":24,"linesRemoved":3,
                   "provider":"ollama","model":"qwen2.5-coder:7b","durationMs":41000,"error":null,
                   "startedAt":"2026-11-29T04:00:01Z","finishedAt":"2026-11-29T04:00:42Z",
                   "usage":{"calls":2,"inputTokens":10000,"outputTokens":2300,"costUsd":0.0416},
                   "checks":[
                    {"round":0,"commit":"0123456789abcdef0123","source":"configured","passed":false,
                     "tests":{"passed":40,"failed":1,"skipped":0},
                     "checks":[{"name":"build","command":"./mvnw -B -q package","status":"passed","exitCode":0,
                       "tests":null,"failingTests":[],"errors":[],"durationMs":9000},
                      {"name":"test","command":"./mvnw -B test","status":"failed","exitCode":1,
                       "tests":{"passed":40,"failed":1,"skipped":0},
                       "failingTests":["LoginTest.rejectsEmptyPassword: expected 400"],"errors":[],"durationMs":21000}],
                     "configError":null,"error":null,"repairError":null,"logUrl":null,"durationMs":30000},
                    {"round":1,"commit":"0123456789abcdef0124","source":"configured","passed":true,
                     "tests":{"passed":41,"failed":0,"skipped":0},
                     "checks":[{"name":"build","command":"./mvnw -B -q package","status":"passed","exitCode":0,
                       "tests":null,"failingTests":[],"errors":[],"durationMs":9000},
                      {"name":"test","command":"./mvnw -B test","status":"passed","exitCode":0,
                       "tests":{"passed":41,"failed":0,"skipped":0},"failingTests":[],"errors":[],"durationMs":20000}],
                     "configError":null,"error":null,"repairError":null,
                     "logUrl":"/api/orchestrators/%1$s/variants/1/checks/1/log","durationMs":29000}],
                   "rank":1,"recommended":true},
                  {"k":2,"state":"failed","step":"apply-patch","strategy":"robust","approach":null,
                   "branch":null,"commit":null,"pullRequestId":null,"pullRequestUrl":null,"filesChanged":null,
                   "linesAdded":null,"linesRemoved":null,"provider":"anthropic","model":"claude-sonnet",
                   "durationMs":30000,"error":"Edit did not apply: SEARCH block matched 2 places",
                   "startedAt":"2026-11-29T04:00:01Z","finishedAt":"2026-11-29T04:00:31Z",
                   "usage":{"calls":1,"inputTokens":700,"outputTokens":250,"costUsd":null}},
                  {"k":3,"state":"running","step":"generate","strategy":"thorough","approach":null,
                   "branch":"agents/edit-42-%1$.8s-3","commit":null,"pullRequestId":null,"pullRequestUrl":null,
                   "filesChanged":null,"linesAdded":null,"linesRemoved":null,"provider":"ollama",
                   "model":"qwen2.5-coder:7b","durationMs":null,"error":null,
                   "startedAt":"2026-11-29T04:00:01Z","finishedAt":null,"usage":null}],
                 "usage":{"calls":3,"inputTokens":10700,"outputTokens":2550,"costUsd":null},
                 "recommendedVariant":1,"recommendation":"only variant that succeeded; its checks pass"}
                """.formatted(id, intent);
    }

    @Override
    public void close() {
        server.close();
    }
}
