package dev.codeagent.system;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.codeagent.system.StackClient.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks, repair and ranking across the real services: an {@code /edit /3} on the demo's sample repository
 * ({@link DemoSample}: {@code javac}, then its tests with the {@code java} launcher writing JUnit XML), the runner
 * with process isolation, and a scripted OpenAI-compatible model on WireMock that answers per variant (the prompt says
 * "Variant k of 3") and per repair round (the repair prompt says "Repair round 1" and carries the failing test):
 * variant 1 breaks the build and its repair does not fix it, variant 2 passes, variant 3 fails one test and is repaired in
 * round 1. The comparison table shows each outcome and recommends variant 2 (checks pass, no repair: the ranking rule
 * of docs/checks.md), every variant's draft pull request carries status {@code codeagent/checks}, and the repair is a
 * commit on variant 3's branch.
 */
@ExtendWith(ServiceJarsBuilt.class)
class ChecksJobIT {

    static final String ROUTE = "/v1/chat/completions";
    static final String API_KEY = "system-test-openai-key";
    static final String MODEL = "scripted-coder";
    static final String INTENT = "Add input validation to the login handler";
    static final String FAILING_TEST = DemoSample.TEST_CLASS + ".knownUserWithRightPasswordLogsIn";

    static final WireMockServer model = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    static ServiceStack stack;
    static StackClient client;

    @BeforeAll
    static void startStack() throws IOException {
        Path root = ServiceStack.root();
        model.start();
        script();
        Path dataDir = Files.createTempDirectory(Files.createDirectories(root.resolve("tests/system/target")),
                "ChecksJobIT-");
        Map<String, Map<String, String>> settings = new LinkedHashMap<>();
        settings.put(ServiceStack.LLM_PATCH, Map.of(
                "CODEAGENT_LLM_PROVIDERS", "openai",
                "CODEAGENT_OPENAI_BASE_URL", model.baseUrl() + "/v1",
                "CODEAGENT_OPENAI_API_KEY", API_KEY,
                "CODEAGENT_OPENAI_MODEL", MODEL));
        stack = ServiceStack.start(root, dataDir, settings);
        client = new StackClient(stack);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
        if (model.isRunning()) {
            model.stop();
        }
    }

    /** The model's answers: a repair prompt is matched before the first prompt of the same variant. */
    private static void script() {
        answer(chat(5).withRequestBody(containing("Variant 1 of 3")), edit("""
                <<<<<<< SEARCH
                    public boolean login(LoginRequest request) {
                =======
                    public boolean login(LoginRequest request) {
                        if (request.userName().isBlank()) {
                            return false;
                        }
                >>>>>>> REPLACE
                """), "Returns false for a blank user name.");
        answer(chat(5).withRequestBody(containing("Variant 2 of 3")), edit("""
                <<<<<<< SEARCH
                    public boolean login(LoginRequest request) {
                =======
                    public boolean login(LoginRequest request) {
                        if (request == null || isBlank(request.username()) || isBlank(request.password())) {
                            return false;
                        }
                >>>>>>> REPLACE
                """) + edit("""
                <<<<<<< SEARCH
                                .orElse(false);
                    }
                }
                =======
                                .orElse(false);
                    }

                    private static boolean isBlank(String value) {
                        return value == null || value.isBlank();
                    }
                }
                >>>>>>> REPLACE
                """), "Missing or blank credentials are rejected before the lookup.");
        answer(chat(5).withRequestBody(containing("Variant 3 of 3")), edit("""
                <<<<<<< SEARCH
                    public boolean login(LoginRequest request) {
                =======
                    public boolean login(LoginRequest request) {
                        if (request.username() == null || request.username().isBlank()) {
                            throw new IllegalArgumentException("a username is required");
                        }
                        if (request.password() == null || request.password().length() < 8) {
                            throw new IllegalArgumentException("a password has at least 8 characters");
                        }
                >>>>>>> REPLACE
                """), "Refuses a request without a username or with a short password.");
        // Variant 1's repair guesses the accessor's name wrong again: the build still fails.
        answer(chat(1).withRequestBody(containing("Repair round 1")).withRequestBody(containing("Variant 1 of 3")),
                edit("""
                <<<<<<< SEARCH
                        if (request.userName().isBlank()) {
                =======
                        if (request.getUsername().isBlank()) {
                >>>>>>> REPLACE
                """), "Uses the request's accessor for the user name.");
        answer(chat(1).withRequestBody(containing("Repair round 1")).withRequestBody(containing(FAILING_TEST)),
                edit("""
                <<<<<<< SEARCH
                        if (request.password() == null || request.password().length() < 8) {
                            throw new IllegalArgumentException("a password has at least 8 characters");
                        }
                =======
                        if (request.password() == null || request.password().isEmpty()) {
                            throw new IllegalArgumentException("a password is required");
                        }
                >>>>>>> REPLACE
                """), "A password length rule belongs to registration, not to login: only an empty password is refused.");
    }

    private static MappingBuilder chat(int priority) {
        return post(urlPathEqualTo(ROUTE)).atPriority(priority)
                .withHeader("Authorization", equalTo("Bearer " + API_KEY));
    }

    private static String edit(String block) {
        return DemoSample.HANDLER_PATH + "\n```java\n" + block + "```\n\n";
    }

    private static void answer(MappingBuilder request, String edits, String summary) {
        String content = edits + "Summary: " + summary + "\n";
        String body = """
                {"id":"chatcmpl-checks","object":"chat.completion","created":1767225600,"model":"%s",
                 "choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":1200,"completion_tokens":150,"total_tokens":1350}}"""
                .formatted(MODEL, JsonMapper.builder().build().writeValueAsString(content));
        model.stubFor(request.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    void variantsAreBuiltTestedRepairedAndRanked() throws Exception {
        Map<String, String> files = DemoSample.files(ServiceStack.root());
        StackClient.PullRequest pr = client.openPullRequest(files, "README.md",
                files.get("README.md") + "\nRun the checks locally as `.codeagent.yml` lists them.\n");

        StackClient.Job job = client.comment(pr, INTENT, 3);
        JsonNode view = client.awaitFinished(job, Duration.ofMinutes(4));

        assertThat(view.get("runtimeStatus").asString()).as("%s", view).isEqualTo("Completed");
        JsonNode broken = view.get("variants").get(0);
        JsonNode passing = view.get("variants").get(1);
        JsonNode repaired = view.get("variants").get(2);
        for (JsonNode v : view.get("variants")) {
            assertThat(v.get("state").asString()).as("%s", v).isEqualTo("succeeded");
            assertThat(v.get("provider").asString()).isEqualTo("openai");
        }
        // (a) the build fails with javac's error and the tests never run, before and after its one repair.
        assertThat(broken.get("checks")).as("%s", broken).hasSize(2);
        for (JsonNode round : broken.get("checks")) {
            assertThat(round.get("passed").asBoolean()).as("%s", round).isFalse();
            assertThat(round.get("checks").get(0).get("status").asString()).isEqualTo("failed");
            assertThat(round.get("checks").get(0).get("errors").toString()).contains("error: cannot find symbol");
            assertThat(round.get("checks").get(1).get("status").asString()).isEqualTo("skipped");
        }
        assertThat(broken.get("checks").get(0).get("checks").get(0).get("errors").get(0).asString())
                .endsWith("error: cannot find symbol (symbol: method userName(); location: variable request of type "
                        + "LoginRequest)");
        assertThat(broken.get("checks").get(1).get("checks").get(0).get("errors").get(0).asString())
                .contains("(symbol: method getUsername();");
        // (b) one round, all four tests pass.
        assertThat(passing.get("checks")).as("%s", passing).hasSize(1);
        assertThat(passing.get("checks").get(0).get("passed").asBoolean()).isTrue();
        assertThat(passing.get("checks").get(0).get("tests").get("passed").asInt()).isEqualTo(4);
        // (c) round 0 fails one test, round 1 checks the repair commit and passes.
        assertThat(repaired.get("checks")).as("%s", repaired).hasSize(2);
        JsonNode failedRound = repaired.get("checks").get(0);
        assertThat(failedRound.get("passed").asBoolean()).isFalse();
        assertThat(failedRound.get("tests").get("passed").asInt()).isEqualTo(3);
        assertThat(failedRound.get("tests").get("failed").asInt()).isEqualTo(1);
        assertThat(failedRound.get("checks").get(1).get("failingTests").get(0).asString())
                .startsWith(FAILING_TEST).contains("a password has at least 8 characters");
        JsonNode repairRound = repaired.get("checks").get(1);
        assertThat(repairRound.get("passed").asBoolean()).isTrue();
        assertThat(repairRound.get("commit").asString()).isEqualTo(repaired.get("commit").asString());

        // All checks pass for (b) and (c), with as many tests; (b) needed no repair.
        assertThat(passing.get("rank").asInt()).isEqualTo(1);
        assertThat(passing.get("recommended").asBoolean()).isTrue();
        assertThat(repaired.get("rank").asInt()).isEqualTo(2);
        assertThat(broken.get("rank").asInt()).isEqualTo(3);
        assertThat(view.get("recommendedVariant").asInt()).isEqualTo(2);
        assertThat(view.get("recommendation").asString()).isEqualTo("checks pass; needed no repair");

        String reply = client.lastReply(job);
        assertThat(reply).contains("| Variant | Approach | Files | +/− lines | Pull request | Status | Build | Tests "
                + "| Repairs | Rank |");
        assertThat(row(reply, 1)).contains("| ✅ succeeded | failed | — | 1 | 3 |");
        assertThat(row(reply, 2)).contains("| ✅ succeeded | passed | 4 passed, 0 failed | 0 | 1 · **recommended** |");
        assertThat(row(reply, 3)).contains("| ✅ succeeded | passed | 4 passed, 0 failed | 1 | 2 |");
        assertThat(reply).contains("**Recommended: variant 2** — checks pass; needed no repair.")
                .contains("all checks pass &gt; more tests pass &gt; fewer failing checks &gt; fewer repairs");

        // Five model calls: three variants, two repairs.
        model.verify(5, postRequestedFor(urlPathEqualTo(ROUTE)));
        model.verify(2, postRequestedFor(urlPathEqualTo(ROUTE)).withRequestBody(containing("Repair round 1")));
        // The repair prompt names what javac could not find, not only that it could not.
        model.verify(1, postRequestedFor(urlPathEqualTo(ROUTE)).withRequestBody(containing("Repair round 1"))
                .withRequestBody(containing("symbol: method userName()")));

        assertThat(checksStatus(broken)).containsEntry("state", "failed");
        assertThat(checksStatus(passing)).containsEntry("state", "succeeded")
                .containsEntry("description", "Code Agent checks passed (4 tests passed, 0 failed)");
        assertThat(checksStatus(repaired)).containsEntry("state", "succeeded");
        assertThat(client.threads(broken.get("pullRequestId").asLong()).toString())
                .contains("Code Agent checks failed** on this variant after 1 repair").contains("cannot find symbol");
        assertThat(client.threads(repaired.get("pullRequestId").asLong()).toString())
                .doesNotContain("Code Agent checks failed");

        try (Git git = Git.open(stack.repositories().resolve(StackClient.REPO).toFile());
                RevWalk walk = new RevWalk(git.getRepository())) {
            ObjectId head = git.getRepository().resolve("refs/heads/" + repaired.get("branch").asString());
            RevCommit repair = walk.parseCommit(head);
            assertThat(repair.getName()).isEqualTo(repaired.get("commit").asString());
            assertThat(repair.getShortMessage()).isEqualTo("Repair 1: test");
            assertThat(repair.getFullMessage()).contains("Model: openai/" + MODEL);
            assertThat(repair.getParent(0).getName()).isEqualTo(failedRound.get("commit").asString());
            assertThat(content(git, repair, DemoSample.HANDLER_PATH)).contains("a password is required")
                    .doesNotContain("at least 8 characters");
        }
    }

    /** The variant pull request's current {@code codeagent/checks} status, as the local git provider recorded it. */
    private static Map<String, String> checksStatus(JsonNode variant) throws IOException {
        long id = variant.get("pullRequestId").asLong();
        for (JsonNode pr : client.pullRequests()) {
            if (pr.get("id").asLong() == id) {
                List<JsonNode> checks = new ArrayList<>();
                for (JsonNode status : pr.get("statuses")) {
                    if ("codeagent".equals(status.get("genre").asString())
                            && "checks".equals(status.get("name").asString())) {
                        checks.add(status);
                    }
                }
                assertThat(checks).as("codeagent/checks statuses of PR %d: %s", id, pr).isNotEmpty();
                JsonNode latest = checks.get(checks.size() - 1);
                return Map.of("state", latest.get("state").asString(),
                        "description", latest.get("description").asString());
            }
        }
        throw new AssertionError("no pull request " + id + " in " + client.pullRequests());
    }

    private static String content(Git git, RevCommit commit, String path) throws IOException {
        try (TreeWalk tree = TreeWalk.forPath(git.getRepository(), path, commit.getTree())) {
            return new String(git.getRepository().open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
        }
    }
}
