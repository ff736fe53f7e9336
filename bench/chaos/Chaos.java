import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fault-injection soak behind {@code bench/chaos/run.sh}: a scripted OpenAI-compatible model, M {@code /edit /N}
 * commands (each delivered twice) through the gateway's comment-event API while services are SIGKILLed and
 * restarted, then a verdict read from the git repositories and the local provider's pull-request files — not from
 * the orchestrator, whose own view is what is under test. Benchmark tool only; run.sh sets its environment.
 */
public final class Chaos {

    private static final PrintStream out = System.out;
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final Pattern JOB_MARKER = Pattern.compile("idempotency-key=job-([A-Za-z0-9-]+?)-(progress|summary|help|denied|unchecked|at-capacity)");
    private static final Set<String> FINAL_REPLIES = Set.of("summary", "denied", "unchecked");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final Random random = new Random(Long.getLong("seed", System.nanoTime()));

    private final String gateway = env("CODEAGENT_GATEWAY_URL");
    private final String adapter = env("CODEAGENT_ADAPTER_URL");
    private final String orchestrator = env("CODEAGENT_ORCHESTRATOR_URL");
    private final Path dataDir = Path.of(env("CODEAGENT_DATA_DIR"));
    private final Path localRoot = dataDir.resolve("repos");
    private final Path root = Path.of(env("CHAOS_ROOT"));
    private final int commands = Integer.parseInt(env("CHAOS_COMMANDS"));
    private final int minutes = Integer.parseInt(env("CHAOS_MINUTES"));
    private final int killEvery = Integer.parseInt(env("CHAOS_KILL_EVERY"));
    private final int repositories = Integer.parseInt(env("CHAOS_REPOSITORIES"));
    private final int modelPort = Integer.parseInt(env("CHAOS_MODEL_PORT"));
    private final Duration modelDelay = Duration.parse(env("CHAOS_MODEL_DELAY"));
    private final Duration settle = Duration.parse(env("CHAOS_SETTLE"));
    private final List<String> victims = List.of(env("CHAOS_SERVICES").split(","));
    private final String label = env("CHAOS_LABEL");

    private String token;
    private String webhookSecret;
    private final AtomicInteger modelCalls = new AtomicInteger();
    private final Map<String, AtomicInteger> kills = new ConcurrentHashMap<>();
    private final AtomicLong restartMillis = new AtomicLong();
    private final AtomicInteger restarts = new AtomicInteger();
    private final AtomicInteger deliveryRetries = new AtomicInteger();
    private volatile boolean chaosOn = true;

    /** One command: where it was written, and what the gateway answered to its two deliveries. */
    static final class Command {
        final int index;
        final String repo;
        final long pullRequestId;
        final long threadId;
        final long commentId;
        final int variants;
        final String event;
        volatile Instant submitted;
        final List<String> jobIds = Collections.synchronizedList(new ArrayList<>());
        volatile String deliveryError;

        Command(int index, String repo, long pullRequestId, long threadId, long commentId, int variants, String event) {
            this.index = index;
            this.repo = repo;
            this.pullRequestId = pullRequestId;
            this.threadId = threadId;
            this.commentId = commentId;
            this.variants = variants;
            this.event = event;
        }
    }

    public static void main(String[] args) throws Exception {
        System.exit(new Chaos().run());
    }

    int run() throws Exception {
        token = Files.readString(dataDir.resolve("internal-token")).strip();
        webhookSecret = Files.readString(dataDir.resolve("webhook-secret")).strip();
        HttpServer model = startModel();
        try {
            return soak();
        } finally {
            model.stop(0);
        }
    }

    private int soak() throws Exception {
        Instant begin = Instant.now();
        out.printf("chaos soak %s: %d commands over %d min, a kill every %d s among %s, model answers in %s%n", label,
                commands, minutes, killEvery, victims, modelDelay);
        List<Command> all = setUp();
        out.printf("set up %d pull requests on %d repositories in %d s%n", all.size(), repositories,
                Duration.between(begin, Instant.now()).toSeconds());

        Thread chaos = new Thread(this::chaosLoop, "chaos");
        chaos.start();
        ExecutorService senders = Executors.newFixedThreadPool(32);
        long spacingMillis = minutes * 60_000L / commands;
        Instant start = Instant.now();
        for (Command c : all) {
            long due = start.toEpochMilli() + c.index * spacingMillis;
            long wait = due - System.currentTimeMillis();
            if (wait > 0) {
                Thread.sleep(wait);
            }
            senders.submit(() -> deliverTwice(c));
        }
        senders.shutdown();
        senders.awaitTermination(30, TimeUnit.MINUTES);
        out.printf("all %d commands delivered twice after %d s (%d delivery retries)%n", all.size(),
                Duration.between(start, Instant.now()).toSeconds(), deliveryRetries.get());
        chaosOn = false;
        chaos.join();
        restart();

        Instant deadline = Instant.now().plus(settle);
        Map<Command, Verdict> verdicts;
        while (true) {
            verdicts = verdicts(all);
            long open = verdicts.values().stream().filter(v -> v.summaries == 0).count();
            if (open == 0 || Instant.now().isAfter(deadline)) {
                break;
            }
            out.printf("  %s waiting for %d threads without a final reply%n", Instant.now(), open);
            Thread.sleep(10_000);
        }
        return report(all, verdicts, Duration.between(begin, Instant.now()));
    }

    // --- the scripted model ------------------------------------------------------------------------------

    /** OpenAI chat completions that take {@code modelDelay} and add a new note file: always applicable. */
    private HttpServer startModel() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", modelPort), 64);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/chat/completions", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                body.readAllBytes();
            }
            int n = modelCalls.incrementAndGet();
            try {
                Thread.sleep(modelDelay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String text = "docs/chaos/note-" + n + "-" + Long.toHexString(random.nextLong()) + ".md\n```markdown\n"
                    + "<<<<<<< SEARCH\n=======\n# Chaos note " + n + "\n\nWritten by the scripted model of the soak.\n"
                    + ">>>>>>> REPLACE\n```\nSummary: Adds chaos note " + n + ".";
            byte[] answer = json.writeValueAsBytes(Map.of("id", "chatcmpl-" + n, "object", "chat.completion",
                    "created", Instant.now().getEpochSecond(), "model", "chaos-model",
                    "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                            "message", Map.of("role", "assistant", "content", text))),
                    "usage", Map.of("prompt_tokens", 100, "completion_tokens", 40, "total_tokens", 140)));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        return server;
    }

    // --- set-up: repositories, pull requests, comments ------------------------------------------------------

    private List<Command> setUp() throws Exception {
        for (int r = 1; r <= repositories; r++) {
            Response created = call("POST", adapter + "/api/repos/local", json.writeValueAsString(Map.of(
                    "name", repo(r), "defaultBranch", "main", "files", Map.of(
                            "README.md", "# Chaos sample " + r + "\n",
                            "src/main/java/com/example/Greeter.java",
                            "package com.example;\n\npublic class Greeter {\n    public String greet(String name) {\n"
                                    + "        return \"Hello, \" + name;\n    }\n}\n"))));
            if (created.status != 409) {
                expect(created, 200, 201);
            }
        }
        List<Command> all = new ArrayList<>();
        for (int i = 0; i < commands; i++) {
            String repo = repo(1 + i % repositories);
            String v1 = adapter + "/api/v1/repositories/local/local/local/" + repo;
            String main = json.readTree(expect(call("GET", v1 + "/branches?name=main", null), 200).body)
                    .get("commit").asString();
            String feature = "feature/" + label + "-" + i;
            Response branch = call("POST", v1 + "/branches", json.writeValueAsString(Map.of("name", feature,
                    "commit", main)));
            if (branch.status != 409) {
                expect(branch, 200, 201);
            }
            long pr = json.readTree(expect(call("POST", adapter + "/api/repos/local/" + repo + "/pull-requests",
                    json.writeValueAsString(Map.of("sourceBranch", feature, "targetBranch", "main",
                            "title", "Chaos " + i, "description", "Soak pull request"))), 200, 201).body)
                    .get("id").asLong();
            int variants = 2 + random.nextInt(2);
            String content = "@CodeAgent /edit /" + variants + " Add a greeting note number " + i;
            Map<String, Object> author = Map.of("id", "chaos-user", "uniqueName", "chaos@localhost",
                    "displayName", "Chaos User");
            JsonNode thread = json.readTree(expect(call("POST", adapter + "/api/repos/local/" + repo
                    + "/pull-requests/" + pr + "/threads", json.writeValueAsString(Map.of("content", content,
                    "author", author))), 200, 201).body);
            long threadId = thread.get("threadId").asLong();
            long commentId = thread.get("commentId").asLong();
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("provider", "local");
            event.put("organization", "local");
            event.put("project", "local");
            event.put("repository", repo);
            event.put("pullRequestId", pr);
            event.put("threadId", threadId);
            event.put("commentId", commentId);
            event.put("author", Map.of("id", "chaos-user", "name", "Chaos User"));
            event.put("content", content);
            all.add(new Command(i, repo, pr, threadId, commentId, variants, json.writeValueAsString(event)));
        }
        return all;
    }

    private String repo(int r) {
        return "chaos-" + label + "-" + r;
    }

    // --- deliveries -----------------------------------------------------------------------------------------

    /** The command, then the same delivery again a moment later, as Azure DevOps does after a timeout. */
    private void deliverTwice(Command c) {
        try {
            c.submitted = Instant.now();
            c.jobIds.add(deliver(c));
            Thread.sleep(500 + random.nextInt(2500));
            c.jobIds.add(deliver(c));
        } catch (Exception e) {
            c.deliveryError = e.toString();
        }
    }

    /** Delivers until the gateway answers 2xx (retrying while it or the orchestrator is down); the job id. */
    private String deliver(Command c) throws Exception {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(10));
        while (true) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/comment-events"))
                        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                        .header("X-CodeAgent-Secret", webhookSecret)
                        .header("x-corr-id", "chaos-" + label + "-" + c.index)
                        .POST(HttpRequest.BodyPublishers.ofString(c.event)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 || r.statusCode() == 202) {
                    JsonNode id = json.readTree(r.body()).get("jobId");
                    if (id == null || id.isNull()) {
                        throw new IllegalStateException("answer " + r.statusCode() + " without a job id: " + r.body());
                    }
                    return id.asString();
                }
                if (r.statusCode() < 500 && r.statusCode() != 429 && r.statusCode() != 408) {
                    throw new IllegalStateException("gateway refused command " + c.index + ": " + r.statusCode()
                            + " " + r.body());
                }
            } catch (IOException e) {
                // Down or restarting: Azure DevOps retries too.
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException("gateway did not take command " + c.index + " within 10 minutes");
            }
            deliveryRetries.incrementAndGet();
            Thread.sleep(1000 + random.nextInt(1000));
        }
    }

    // --- chaos ----------------------------------------------------------------------------------------------

    /** Kills the services in rounds, each round in a random order, so that every one of them dies as often. */
    private void chaosLoop() {
        List<String> round = new ArrayList<>();
        while (chaosOn) {
            try {
                Thread.sleep(killEvery * 1000L);
                if (!chaosOn) {
                    return;
                }
                if (round.isEmpty()) {
                    round.addAll(victims);
                    Collections.shuffle(round, random);
                }
                String victim = round.remove(0);
                Path pidFile = dataDir.resolve("run").resolve(victim + ".pid");
                if (Files.exists(pidFile)) {
                    String pid = Files.readString(pidFile).strip();
                    int code = new ProcessBuilder("kill", "-KILL", pid).inheritIO().start().waitFor();
                    if (code == 0) {
                        kills.computeIfAbsent(victim, v -> new AtomicInteger()).incrementAndGet();
                        out.printf("  %s SIGKILL %s (pid %s)%n", Instant.now(), victim, pid);
                    }
                }
                restart();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException e) {
                out.println("  chaos: " + e.getMessage());
            }
        }
    }

    /** bin/codeagent up: starts what is not running and waits until everything is ready. */
    private void restart() throws IOException, InterruptedException {
        long t0 = System.currentTimeMillis();
        Process up = new ProcessBuilder(root.resolve("bin/codeagent").toString(), "up")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("chaos-up.log").toFile()))
                .start();
        int code = up.waitFor();
        long took = System.currentTimeMillis() - t0;
        restartMillis.addAndGet(took);
        restarts.incrementAndGet();
        out.printf("  %s bin/codeagent up: exit %d after %d s%n", Instant.now(), code, took / 1000);
    }

    // --- the verdict, from the repositories and the pull-request files ----------------------------------------

    /** What the git host shows for one command. */
    static final class Verdict {
        final Set<String> jobsInThread = new HashSet<>();
        int summaries;
        String finalReply = "";
        Instant summaryAt;
        final List<String> branches = new ArrayList<>();
        final List<String> draftPullRequests = new ArrayList<>();
    }

    private Map<Command, Verdict> verdicts(List<Command> all) throws Exception {
        Map<String, List<JsonNode>> pullRequests = new TreeMap<>();
        Map<String, List<String>> branches = new TreeMap<>();
        for (int r = 1; r <= repositories; r++) {
            pullRequests.put(repo(r), pullRequests(repo(r)));
            branches.put(repo(r), agentBranches(repo(r)));
        }
        Map<Command, Verdict> verdicts = new LinkedHashMap<>();
        for (Command c : all) {
            Verdict v = new Verdict();
            for (JsonNode pr : pullRequests.get(c.repo)) {
                if (pr.get("id").asLong() == c.pullRequestId) {
                    for (JsonNode thread : pr.get("threads")) {
                        if (thread.get("id").asLong() != c.threadId) {
                            continue;
                        }
                        for (JsonNode comment : thread.get("comments")) {
                            Matcher m = JOB_MARKER.matcher(comment.get("content").asString());
                            if (m.find()) {
                                v.jobsInThread.add(m.group(1));
                                if (FINAL_REPLIES.contains(m.group(2))) {
                                    v.summaries++;
                                    v.finalReply = comment.get("content").asString();
                                    v.summaryAt = Instant.parse(comment.get("publishedAt").asString());
                                }
                            }
                        }
                    }
                }
            }
            String prefix = "agents/edit-" + c.pullRequestId + "-";
            for (String b : branches.get(c.repo)) {
                if (b.startsWith(prefix)) {
                    v.branches.add(b);
                }
            }
            for (JsonNode pr : pullRequests.get(c.repo)) {
                String source = pr.get("sourceRef").asString().replaceFirst("^refs/heads/", "");
                if (source.startsWith(prefix) && pr.get("draft").asBoolean()) {
                    v.draftPullRequests.add(source);
                }
            }
            verdicts.put(c, v);
        }
        return verdicts;
    }

    private List<JsonNode> pullRequests(String repo) throws IOException {
        Path dir = localRoot.resolve(".codeagent-reviews").resolve(repo);
        List<JsonNode> all = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return all;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("pr-\\d+\\.json")).toList()) {
                all.add(json.readTree(Files.readAllBytes(f)));
            }
        }
        return all;
    }

    private List<String> agentBranches(String repo) throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "-C", localRoot.resolve(repo).toString(), "for-each-ref",
                "--format=%(refname:short)", "refs/heads/agents/").redirectErrorStream(true).start();
        String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (git.waitFor() != 0) {
            throw new IOException("git for-each-ref in " + repo + ": " + output);
        }
        return output.lines().filter(l -> !l.isBlank()).toList();
    }

    /** The orchestrator's status of a job, only to tell a failed job from a stuck one in the report. */
    private String orchestratorStatus(String jobId) {
        try {
            Response r = call("GET", orchestrator + "/api/orchestrators/" + jobId, null);
            return r.status == 200 ? json.readTree(r.body).get("runtimeStatus").asString() : "HTTP " + r.status;
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }

    enum Check {
        DELIVERED("every command answered 2xx on both deliveries"),
        ONE_JOB("one job per command (both deliveries and every reply in the thread name the same job)"),
        FINISHED("every job finished: exactly one final reply (summary, or why not) in its thread"),
        SUCCEEDED_COMPLETE("N branches and N draft PRs for every fully successful job"),
        NO_ORPHANS("no agents/ branch without a pull request"),
        NOT_STUCK("no job still running in the orchestrator after the run");

        final String text;

        Check(String text) {
            this.text = text;
        }
    }

    private int report(List<Command> all, Map<Command, Verdict> verdicts, Duration took) throws Exception {
        Map<Check, List<String>> failures = new EnumMap<>(Check.class);
        for (Check check : Check.values()) {
            failures.put(check, new ArrayList<>());
        }
        int succeeded = 0;
        int failedWithReason = 0;
        List<Long> latencies = new ArrayList<>();
        for (Command c : all) {
            Verdict v = verdicts.get(c);
            String who = c.repo + " PR " + c.pullRequestId + " (command " + c.index + ")";
            Set<String> jobs = new HashSet<>(c.jobIds);
            if (c.deliveryError != null || c.jobIds.size() != 2) {
                failures.get(Check.DELIVERED).add(who + ": " + c.deliveryError);
            }
            Set<String> named = new HashSet<>(jobs);
            named.addAll(v.jobsInThread);
            if (named.size() != 1) {
                failures.get(Check.ONE_JOB).add(who + ": deliveries " + c.jobIds + ", thread " + v.jobsInThread);
            }
            String job = c.jobIds.isEmpty() ? null : c.jobIds.get(0);
            if (v.summaries != 1) {
                failures.get(Check.FINISHED).add(who + ": " + v.summaries + " final replies, job " + job + " is "
                        + (job == null ? "-" : orchestratorStatus(job)));
            } else {
                latencies.add(Duration.between(c.submitted, v.summaryAt).toMillis());
            }
            boolean fullSuccess = v.summaries == 1 && v.branches.size() == c.variants
                    && v.draftPullRequests.size() == c.variants;
            if (fullSuccess) {
                succeeded++;
            } else if (v.summaries == 1) {
                failedWithReason++;
                if (v.branches.size() > c.variants || v.draftPullRequests.size() > c.variants) {
                    failures.get(Check.SUCCEEDED_COMPLETE).add(who + ": " + v.branches.size() + " branches, "
                            + v.draftPullRequests.size() + " draft PRs for N=" + c.variants);
                }
            }
            if (new HashSet<>(v.draftPullRequests).size() != v.draftPullRequests.size()) {
                failures.get(Check.SUCCEEDED_COMPLETE).add(who + ": duplicate draft PRs " + v.draftPullRequests);
            }
            for (String b : v.branches) {
                if (!v.draftPullRequests.contains(b)) {
                    failures.get(Check.NO_ORPHANS).add(who + ": " + b);
                }
            }
            if (job != null) {
                String status = orchestratorStatus(job);
                if ("Pending".equals(status) || "Running".equals(status)) {
                    failures.get(Check.NOT_STUCK).add(who + ": job " + job + " " + status);
                }
            }
        }
        out.println();
        out.println("Checks (" + label + "):");
        boolean green = true;
        for (Check check : Check.values()) {
            List<String> f = failures.get(check);
            green &= f.isEmpty();
            out.printf("  %-4s %s%s%n", f.isEmpty() ? "ok" : "FAIL", check.text,
                    f.isEmpty() ? "" : " — " + f.size() + " command(s)");
            f.stream().limit(10).forEach(line -> out.println("         " + line));
        }
        Collections.sort(latencies);
        long lost = failures.get(Check.FINISHED).size();
        long duplicated = failures.get(Check.ONE_JOB).size();
        long stuck = failures.get(Check.NOT_STUCK).size();
        Map<String, Integer> killed = new TreeMap<>();
        kills.forEach((k, v) -> killed.put(k, v.get()));
        out.println();
        out.printf("Totals (%s): %d commands, %d deliveries (%d retried), %d jobs fully successful, %d failed with a"
                        + " reason in the thread; lost %d, duplicated %d, stuck %d; kills %s (%d restarts, mean %d s);"
                        + " %d model calls; command-to-summary p50 %s p99 %s; %d s in all%n",
                label, all.size(), all.size() * 2, deliveryRetries.get(), succeeded, failedWithReason, lost, duplicated,
                stuck, killed, restarts.get(), restarts.get() == 0 ? 0 : restartMillis.get() / restarts.get() / 1000,
                modelCalls.get(), percentile(latencies, 50), percentile(latencies, 99), took.toSeconds());
        out.printf("RESULT|%s|%d|%s|%d|%d|%d|%d|%d|%s|%s%n", label, all.size(), killed, lost, duplicated, stuck,
                succeeded, failedWithReason, percentile(latencies, 50), percentile(latencies, 99));
        return green ? 0 : 1;
    }

    private static String percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return "-";
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return String.format("%.1f s", sorted.get(Math.max(0, i)) / 1000.0);
    }

    // --- HTTP -----------------------------------------------------------------------------------------------

    record Response(int status, String body) {
    }

    /** An internal call with the service token, retried while the service is down (set-up runs before chaos). */
    private Response call(String method, String url, String body) throws Exception {
        for (int attempt = 1; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            try {
                HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Response(r.statusCode(), r.body());
            } catch (IOException e) {
                if (attempt >= 30) {
                    throw e;
                }
                Thread.sleep(1000);
            }
        }
    }

    private static Response expect(Response r, int... accepted) {
        for (int code : accepted) {
            if (r.status == code) {
                return r;
            }
        }
        throw new IllegalStateException("unexpected HTTP " + r.status + ": " + r.body);
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set (run bench/chaos/run.sh)");
        }
        return value.strip();
    }
}
