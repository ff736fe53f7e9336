import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The end-to-end demo behind {@code bin/codeagent demo}, written against the services' public HTTP APIs
 * only and runnable with the JDK alone ({@code java Demo.java}): creates a sample repository with an open
 * pull request on the local git provider, posts an {@code /edit /3} comment event through the gateway
 * exactly as a webhook delivery would arrive, follows the job and prints the variant branches, the draft
 * pull requests, each variant's checks (the sample's {@code .codeagent.yml} builds and tests every variant) and the
 * final summary with the ranked comparison table.
 */
public class Demo {

    private static final String REPO = "demo-app";
    private static final String DEFAULT_INTENT = "Add input validation to the login handler";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String token = env("CODEAGENT_INTERNAL_TOKEN");
    // The webhook credentials the gateway was started with: a secret header, HTTP Basic, both or neither.
    private final String webhookSecret = optionalEnv("CODEAGENT_WEBHOOK_SECRET");
    private final String webhookSecretHeader = Objects.requireNonNullElse(
            optionalEnv("CODEAGENT_WEBHOOK_SECRET_HEADER"), "X-CodeAgent-Secret");
    private final String webhookUser = optionalEnv("CODEAGENT_WEBHOOK_USERNAME");
    private final String webhookPassword = optionalEnv("CODEAGENT_WEBHOOK_PASSWORD");
    private final String gateway = env("CODEAGENT_GATEWAY_URL");
    private final String orchestrator = env("CODEAGENT_ORCHESTRATOR_URL");
    private final String adapter = env("CODEAGENT_ADAPTER_URL");
    private final String dashboard = env("CODEAGENT_DASHBOARD_URL");
    private final String localRoot = env("CODEAGENT_LOCAL_ROOT");
    private final String dataDir = env("CODEAGENT_DATA_DIR");

    public static void main(String[] args) throws Exception {
        List<String> words = new ArrayList<>(List.of(args));
        Integer pick = null;
        int flag = words.indexOf("--pick");
        if (flag >= 0) {
            if (flag + 1 >= words.size() || !words.get(flag + 1).matches("[1-3]")) {
                System.err.println("usage: bin/codeagent demo [--pick K] [intent]   (K = 1, 2 or 3)");
                System.exit(2);
            }
            pick = Integer.valueOf(words.get(flag + 1));
            words.subList(flag, flag + 2).clear();
        }
        String intent = words.isEmpty() ? DEFAULT_INTENT : String.join(" ", words);
        int code = new Demo().run(intent, pick);
        System.exit(code);
    }

    int run(String intent, Integer pick) throws Exception {
        String v1 = adapter + "/api/v1/repositories/local/local/local/" + REPO;
        SampleProject sample = SampleProject.load();

        step("Sample repository '" + REPO + "' on the local git provider");
        Response created = call("POST", adapter + "/api/repos/local", Json.write(Map.of(
                "name", REPO, "defaultBranch", "main", "files", sample.files())), true);
        if (created.status == 409) {
            System.out.println("  already there, reusing it");
        } else {
            expect(created, 200, 201);
            System.out.println("  created at " + localRoot + "/" + REPO + " (checks in .codeagent.yml: javac, then the "
                    + "tests with the java launcher)");
        }
        String mainHead = str(Json.obj(expect(call("GET", v1 + "/branches?name=main", null, true), 200).body), "commit");

        String feature = "feature/login-" + Instant.now().getEpochSecond();
        step("Branch " + feature + " with a change, and a pull request to main");
        expect(call("POST", v1 + "/branches", Json.write(Map.of("name", feature, "commit", mainHead)), true), 200, 201);
        Map<String, Object> commit = Json.obj(expect(call("POST", v1 + "/commits", Json.write(Map.of(
                "branch", feature, "expectedHead", mainHead,
                "message", "Remember the last login time",
                "changes", List.of(Map.of("changeType", "edit", "path", SampleProject.HANDLER_PATH,
                        "content", sample.handlerOnFeatureBranch())))), true), 200, 201).body);
        System.out.println("  committed " + shortSha(str(commit, "commit")) + " on " + feature);
        Map<String, Object> pr = Json.obj(expect(call("POST", adapter + "/api/repos/local/" + REPO + "/pull-requests",
                Json.write(Map.of("sourceBranch", feature, "targetBranch", "main",
                        "title", "Remember the last login time",
                        "description", "Stores when a user last logged in.")), true), 200, 201).body);
        long prId = num(pr, "id");
        System.out.println("  pull request #" + prId + " " + feature + " -> main");

        String command = "@CodeAgent /edit /3 " + intent;
        step("Comment on pull request #" + prId + ": " + command);
        Map<String, Object> author = Map.of("id", "demo-user", "uniqueName", "demo@localhost",
                "displayName", "Demo User");
        Map<String, Object> thread = Json.obj(expect(call("POST", adapter + "/api/repos/local/" + REPO
                + "/pull-requests/" + prId + "/threads", Json.write(Map.of("content", command, "author", author)),
                true), 200, 201).body);
        long threadId = num(thread, "threadId");
        long commentId = num(thread, "commentId");

        String jobId = deliver(prId, threadId, commentId, command);
        System.out.println("  gateway accepted it: job " + jobId);
        System.out.println("  follow it live on the dashboard: " + dashboard + "/jobs/" + jobId);

        step("Following the job");
        Map<String, Object> job = follow(jobId);

        step("Result: " + job.get("runtimeStatus") + " (" + job.get("outcome") + ")");
        for (Object o : list(job, "variants")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> v = (Map<String, Object>) o;
            System.out.printf("  variant %s  %-9s  %-22s  branch %s%n", v.get("k"), v.get("state"),
                    Objects.toString(v.get("strategy"), "-"), Objects.toString(v.get("branch"), "-"));
            if (v.get("pullRequestUrl") != null) {
                System.out.printf("             draft PR #%s  %s  (+%s/-%s in %s files, %s/%s)%n",
                        v.get("pullRequestId"), v.get("pullRequestUrl"), v.get("linesAdded"), v.get("linesRemoved"),
                        v.get("filesChanged"), v.get("provider"), v.get("model"));
            }
            if (v.get("error") != null) {
                System.out.println("             error: " + v.get("error"));
            }
            System.out.println("             " + checks(v));
        }
        if (job.get("recommendedVariant") != null) {
            System.out.println("  recommended: variant " + job.get("recommendedVariant") + " — " + job.get("recommendation"));
        }

        step("Summary posted in the comment thread");
        String threads = expect(call("GET", adapter + "/api/repos/local/" + REPO + "/pull-requests/" + prId
                + "/threads", null, true), 200).body;
        System.out.println(indent(lastAgentComment(threads, threadId)));

        System.out.println();
        System.out.println("Inspect the branches with git:  git -C " + localRoot + "/" + REPO
                + " branch --list 'agents/*' -v");
        System.out.println("Draft pull requests:            curl -H \"Authorization: Bearer $(cat " + dataDir
                + "/internal-token)\" " + adapter + "/api/repos/local/" + REPO + "/pull-requests");
        if (!"Completed".equals(job.get("runtimeStatus"))) {
            return 1;
        }
        return pick == null ? 0 : refineAndPick(prId, threadId, jobId, pick);
    }

    /** The rest of the loop in the same thread: refine variant K, then pick it. */
    private int refineAndPick(long prId, long threadId, String editJobId, int k) throws Exception {
        String refine = "@CodeAgent /refine " + k + " Keep the public method names unchanged and explain the checks "
                + "in a comment";
        if (!followUp(prId, threadId, refine)) {
            return 1;
        }
        step("Variant " + k + " is checked again after the refine; the summary is rewritten when it is done");
        if (!"Completed".equals(follow(editJobId).get("runtimeStatus"))) {
            return 1;
        }
        if (!followUp(prId, threadId, "@CodeAgent /pick " + k)) {
            return 1;
        }
        Map<String, Object> edit = Json.obj(expect(call("GET", orchestrator + "/api/orchestrators/"
                + URLEncoder.encode(editJobId, StandardCharsets.UTF_8), null, true), 200).body);
        String mergeCommit = str(edit, "mergeCommit");
        step("Picked variant " + edit.get("picked") + ": squash commit " + mergeCommit + " on the pull request's "
                + "source branch");
        String pullRequests = expect(call("GET", adapter + "/api/repos/local/" + REPO + "/pull-requests", null, true),
                200).body;
        for (Object o : (List<?>) Json.parse(pullRequests)) {
            Map<?, ?> pr = (Map<?, ?>) o;
            if (Objects.toString(pr.get("sourceRef"), "").startsWith("refs/heads/agents/")) {
                System.out.printf("  PR #%s  %-9s  %s%n", pr.get("id"), pr.get("status"), pr.get("sourceRef"));
            }
        }
        System.out.println("  abandoned variants: " + edit.get("abandoned"));
        System.out.println("Inspect the squash commit:      git -C " + localRoot + "/" + REPO + " show --stat "
                + mergeCommit);
        return mergeCommit == null ? 1 : 0;
    }

    /** Posts {@code text} as the demo user's reply in the thread, hands it to the gateway and prints the answer. */
    private boolean followUp(long prId, long threadId, String text) throws Exception {
        step("Reply in the thread: " + text);
        Map<String, Object> author = Map.of("id", "demo-user", "uniqueName", "demo@localhost",
                "displayName", "Demo User");
        Map<String, Object> comment = Json.obj(expect(call("POST", adapter + "/api/repos/local/" + REPO
                + "/pull-requests/" + prId + "/threads/" + threadId + "/comments",
                Json.write(Map.of("content", text, "author", author)), true), 200, 201).body);
        String jobId = deliver(prId, threadId, num(comment, "commentId"), text);
        Map<String, Object> job = follow(jobId);
        String threads = expect(call("GET", adapter + "/api/repos/local/" + REPO + "/pull-requests/" + prId
                + "/threads", null, true), 200).body;
        System.out.println(indent(lastAgentComment(threads, threadId)));
        return "Completed".equals(job.get("runtimeStatus")) && "success".equals(job.get("outcome"));
    }

    /** Hands a comment to the gateway as the generic comment-event API receives it; returns the job id. */
    private String deliver(long prId, long threadId, long commentId, String content) throws Exception {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("provider", "local");
        event.put("organization", "local");
        event.put("project", "local");
        event.put("repository", REPO);
        event.put("pullRequestId", prId);
        event.put("threadId", threadId);
        event.put("commentId", commentId);
        event.put("author", Map.of("id", "demo-user", "name", "Demo User"));
        event.put("content", content);
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(gateway + "/api/comment-events"))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(event)));
        if (webhookSecret != null) {
            post.header(webhookSecretHeader, webhookSecret);
        }
        if (webhookUser != null && webhookPassword != null) {
            post.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (webhookUser + ":" + webhookPassword).getBytes(StandardCharsets.UTF_8)));
        }
        Response accepted = send(post);
        expect(accepted, 200, 202);
        return str(Json.obj(accepted.body), "jobId");
    }

    private Map<String, Object> follow(String jobId) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(15));
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            Map<String, Object> job = Json.obj(expect(call("GET", orchestrator + "/api/orchestrators/"
                    + URLEncoder.encode(jobId, StandardCharsets.UTF_8), null, true), 200).body);
            StringBuilder line = new StringBuilder("  " + job.get("runtimeStatus"));
            for (Object o : list(job, "variants")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> v = (Map<String, Object>) o;
                line.append("  |  #").append(v.get("k")).append(' ').append(v.get("state"));
                if (v.get("step") != null && !"succeeded".equals(v.get("state"))) {
                    line.append(" (").append(v.get("step")).append(')');
                }
            }
            if (!line.toString().equals(last)) {
                System.out.println(line);
                last = line.toString();
            }
            Object status = job.get("runtimeStatus");
            if ("Completed".equals(status) || "Failed".equals(status) || "Terminated".equals(status)) {
                return job;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("job " + jobId + " did not finish within 15 minutes");
    }

    /** A variant's checks in one line: each check of its last round, its tests, its repairs and its rank. */
    @SuppressWarnings("unchecked")
    private static String checks(Map<String, Object> variant) {
        List<?> rounds = list(variant, "checks");
        if (rounds.isEmpty()) {
            return "checks: none ran";
        }
        Map<String, Object> last = (Map<String, Object>) rounds.get(rounds.size() - 1);
        StringBuilder line = new StringBuilder("checks:");
        if (last.get("error") != null) {
            line.append(' ').append(last.get("error"));
        }
        for (Object o : list(last, "checks")) {
            Map<String, Object> check = (Map<String, Object>) o;
            line.append(' ').append(check.get("name")).append(' ').append(check.get("status"));
            if (check.get("durationMs") instanceof Number ms) {
                line.append(String.format(" (%.1f s)", ms.doubleValue() / 1000));
            }
            line.append(',');
        }
        if (last.get("tests") instanceof Map<?, ?> tests) {
            line.append(" tests ").append(tests.get("passed")).append(" passed, ").append(tests.get("failed"))
                    .append(" failed,");
        }
        line.append(" repairs ").append(rounds.size() - 1);
        if (variant.get("rank") != null) {
            line.append(", rank ").append(variant.get("rank"))
                    .append(Boolean.TRUE.equals(variant.get("recommended")) ? " (recommended)" : "");
        }
        return line.toString();
    }

    private static String lastAgentComment(String threadsJson, long threadId) {
        Object parsed = Json.parse(threadsJson);
        List<?> threads;
        if (parsed instanceof List<?> l) {
            threads = l;
        } else {
            Map<?, ?> page = (Map<?, ?>) parsed;
            threads = (List<?>) (page.containsKey("threads") ? page.get("threads") : page.get("items"));
        }
        String content = "(no reply found)";
        for (Object t : threads) {
            Map<?, ?> thread = (Map<?, ?>) t;
            Object id = thread.containsKey("id") ? thread.get("id") : thread.get("threadId");
            if (id instanceof Number n && n.longValue() == threadId) {
                for (Object c : (List<?>) thread.get("comments")) {
                    String text = Objects.toString(((Map<?, ?>) c).get("content"), "");
                    if (text.contains("<!-- codeagent:")) {
                        content = text;
                    }
                }
            }
        }
        return content.replaceAll("<!--.*?-->", "").strip();
    }

    // --- HTTP -------------------------------------------------------------------------------------------

    record Response(int status, String body) {
    }

    private Response call(String method, String url, String json, boolean internal) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (internal) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private Response send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(request.header("x-corr-id", "demo-" + Instant.now().toEpochMilli())
                .build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body());
    }

    private static Response expect(Response response, int... accepted) {
        for (int code : accepted) {
            if (response.status == code) {
                return response;
            }
        }
        throw new IllegalStateException("unexpected HTTP " + response.status + ": " + response.body);
    }

    private static void step(String text) {
        System.out.println();
        System.out.println("==> " + text);
    }

    private static String env(String name) {
        String value = optionalEnv(name);
        if (value == null) {
            throw new IllegalStateException(name + " is not set (run this through bin/codeagent demo)");
        }
        return value;
    }

    private static String optionalEnv(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String str(Map<String, Object> m, String key) {
        return Objects.toString(m.get(key), null);
    }

    private static long num(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).longValue();
    }

    private static List<?> list(Map<String, Object> m, String key) {
        return m.get(key) instanceof List<?> l ? l : List.of();
    }

    private static String shortSha(String sha) {
        return sha == null ? "?" : sha.substring(0, Math.min(8, sha.length()));
    }

    private static String indent(String text) {
        return "  " + text.replace("\n", "\n  ");
    }

    /**
     * The sample project in {@code bin/demo/sample} ({@code -Dcodeagent.demo.sample} names another folder): a small
     * Java login handler without input validation, its tests, and the {@code .codeagent.yml} whose checks build and
     * test every variant with the JDK alone.
     */
    static final class SampleProject {

        static final String HANDLER_PATH = "src/main/java/com/example/auth/LoginHandler.java";

        private final Map<String, String> files;

        private SampleProject(Map<String, String> files) {
            this.files = files;
        }

        static SampleProject load() throws IOException {
            Path dir = Path.of(System.getProperty("codeagent.demo.sample", "bin/demo/sample"));
            if (!Files.isRegularFile(dir.resolve(HANDLER_PATH))) {
                throw new IllegalStateException("no sample project at " + dir.toAbsolutePath()
                        + " (run this through bin/codeagent demo)");
            }
            Map<String, String> files = new TreeMap<>();
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    files.put(dir.relativize(file).toString().replace('\\', '/'), Files.readString(file));
                }
            }
            return new SampleProject(files);
        }

        Map<String, String> files() {
            return files;
        }

        /** The pull request's change: the handler remembers when the last login happened. */
        String handlerOnFeatureBranch() {
            String handler = files.get(HANDLER_PATH);
            int end = handler.lastIndexOf('}');
            return (handler.substring(0, end) + """

                        private java.time.Instant lastLogin;

                        /** When the last login attempt happened, or null. */
                        public java.time.Instant lastLogin() {
                            return lastLogin;
                        }
                    """ + handler.substring(end)).replace("        return users.find(request.username())",
                    "        lastLogin = java.time.Instant.now();\n        return users.find(request.username())");
        }
    }

    /** Just enough JSON for this demo: objects, arrays, strings, numbers, booleans, null. */
    static final class Json {

        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String text) {
            Json p = new Json(text);
            Object v = p.value();
            p.ws();
            if (p.i != p.s.length()) {
                throw new IllegalArgumentException("trailing characters in JSON");
            }
            return v;
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> obj(String text) {
            return (Map<String, Object>) parse(text);
        }

        static String write(Object v) {
            StringBuilder sb = new StringBuilder();
            write(v, sb);
            return sb.toString();
        }

        private static void write(Object v, StringBuilder sb) {
            if (v == null) {
                sb.append("null");
            } else if (v instanceof String str) {
                sb.append('"');
                for (char c : str.toCharArray()) {
                    switch (c) {
                        case '"' -> sb.append("\\\"");
                        case '\\' -> sb.append("\\\\");
                        case '\n' -> sb.append("\\n");
                        case '\r' -> sb.append("\\r");
                        case '\t' -> sb.append("\\t");
                        default -> {
                            if (c < 0x20) {
                                sb.append(String.format("\\u%04x", (int) c));
                            } else {
                                sb.append(c);
                            }
                        }
                    }
                }
                sb.append('"');
            } else if (v instanceof Map<?, ?> m) {
                sb.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!first) {
                        sb.append(',');
                    }
                    first = false;
                    write(String.valueOf(e.getKey()), sb);
                    sb.append(':');
                    write(e.getValue(), sb);
                }
                sb.append('}');
            } else if (v instanceof List<?> l) {
                sb.append('[');
                for (int k = 0; k < l.size(); k++) {
                    if (k > 0) {
                        sb.append(',');
                    }
                    write(l.get(k), sb);
                }
                sb.append(']');
            } else {
                sb.append(v);
            }
        }

        private Object value() {
            ws();
            char c = s.charAt(i);
            switch (c) {
                case '{': {
                    i++;
                    Map<String, Object> m = new LinkedHashMap<>();
                    ws();
                    if (s.charAt(i) == '}') {
                        i++;
                        return m;
                    }
                    while (true) {
                        ws();
                        String key = string();
                        ws();
                        i++; // ':'
                        m.put(key, value());
                        ws();
                        if (s.charAt(i++) == '}') {
                            return m;
                        }
                    }
                }
                case '[': {
                    i++;
                    List<Object> l = new ArrayList<>();
                    ws();
                    if (s.charAt(i) == ']') {
                        i++;
                        return l;
                    }
                    while (true) {
                        l.add(value());
                        ws();
                        if (s.charAt(i++) == ']') {
                            return l;
                        }
                    }
                }
                case '"':
                    return string();
                case 't':
                    i += 4;
                    return Boolean.TRUE;
                case 'f':
                    i += 5;
                    return Boolean.FALSE;
                case 'n':
                    i += 4;
                    return null;
                default: {
                    int start = i;
                    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                        i++;
                    }
                    String n = s.substring(start, i);
                    return n.matches("-?\\d+") ? (Object) Long.parseLong(n) : (Object) Double.parseDouble(n);
                }
            }
        }

        private String string() {
            StringBuilder sb = new StringBuilder();
            i++; // opening quote
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> sb.append('\n');
                        case 'r' -> sb.append('\r');
                        case 't' -> sb.append('\t');
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'u' -> {
                            sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> sb.append(e);
                    }
                } else {
                    sb.append(c);
                }
            }
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
