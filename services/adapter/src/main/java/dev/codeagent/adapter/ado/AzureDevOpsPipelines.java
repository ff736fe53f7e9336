package dev.codeagent.adapter.ado;

import static dev.codeagent.adapter.ado.AzureDevOpsAnswers.text;

import dev.codeagent.adapter.provider.BranchNames;
import dev.codeagent.adapter.provider.CommitIds;
import dev.codeagent.adapter.provider.GitProblems;
import dev.codeagent.adapter.provider.RepositoryCoordinates;
import dev.codeagent.contracts.check.TestCounts;
import dev.codeagent.contracts.pipeline.PipelineFailure;
import dev.codeagent.contracts.pipeline.PipelineRef;
import dev.codeagent.contracts.pipeline.PipelineRun;
import dev.codeagent.contracts.pipeline.PipelineRunCancellation;
import dev.codeagent.contracts.pipeline.PipelineRunResult;
import dev.codeagent.contracts.pipeline.PipelineRunState;
import dev.codeagent.contracts.pipeline.PipelineTests;
import dev.codeagent.contracts.pipeline.QueuePipelineRunRequest;
import dev.codeagent.platform.web.ApiProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/**
 * Pipelines of the repository's project as checks (Pipelines and Test Results APIs, api-version 7.1): find a
 * pipeline by name or id (Pipelines - List, paged by continuation token; Pipelines - Get), queue a run on a branch at
 * a commit (Runs - Run Pipeline), read a run (Runs - Get) and the test results its build published (Test Runs - List
 * by {@code buildUri}, Test Runs - Get Test Run Statistics, Results - List of the failed ones), say why a run failed
 * (Timeline - Get of its build, and the end of the failed task's log: Builds - Get Build Logs, Builds - Get Build Log)
 * and cancel a run (Builds - Update with {@code status: cancelling}).
 *
 * <p>Queueing is not idempotent on Azure DevOps: a repeated request starts a second run. So a run is looked for
 * before it is queued and again after a lost answer (Builds - List of the pipeline's definition on the branch, by
 * {@code sourceVersion}: the run id of a pipeline is the id of its build), as {@link FindOrCreate} does for every
 * create.
 */
class AzureDevOpsPipelines {

    private static final int MAX_PAGES = 50;
    private static final long MAX_PAGE_ANSWER = 4L * 1024 * 1024;
    private static final int BUILDS_PER_LOOKUP = 50;
    private static final int TEST_RUNS_PER_PAGE = 100;
    private static final int MAX_FAILING_TESTS = 20;
    /** Outcomes of a test result counted as failed; every outcome but these and {@code Passed} counts as skipped. */
    private static final Set<String> FAILED_OUTCOMES = Set.of("failed", "error", "timeout", "aborted");
    private static final String FAILED_FILTER = "Failed,Error,Timeout,Aborted";
    private static final long MAX_ANSWER = 1024 * 1024;
    private static final int MAX_ERRORS = 20;
    private static final int TAIL_LINES = 15;
    /** Lines asked for from the end of a log: some more than kept, as blank and section lines are dropped. */
    private static final int TAIL_READ = 60;
    private static final int MAX_LINE = 300;
    /** The agent's stamp in front of every line of a build log. */
    private static final Pattern TIMESTAMP = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z ?");
    /**
     * Issues that only say a step's process failed ("Bash exited with code '1'."): the reason is in the step's log, so
     * its end is read as well.
     */
    private static final Pattern EXIT_ONLY = Pattern.compile(
            "(?i).*(exited with code|process completed with exit code|failed with exit code|returned exit code).*");

    private final AzureDevOpsClient client;
    private final FindOrCreate findOrCreate;

    AzureDevOpsPipelines(AzureDevOpsClient client) {
        this.client = client;
        this.findOrCreate = new FindOrCreate(client);
    }

    /**
     * The pipeline {@code pipeline} names: an id (digits) is read directly; a name is matched without regard to case
     * against every page of the project's pipelines, or against {@code folder\name} when it contains a backslash. Two
     * pipelines of that name in different folders are a 422 asking for the id or the folder.
     */
    PipelineRef pipeline(RepositoryCoordinates repo, String pipeline) {
        String wanted = pipeline == null ? "" : pipeline.strip();
        if (wanted.isEmpty()) {
            throw GitProblems.invalid("A pipeline name or id is needed");
        }
        if (wanted.chars().allMatch(Character::isDigit) && wanted.length() < 10) {
            AzureDevOpsCall call = AzureDevOpsCall.get("/pipelines/" + wanted, "read the pipeline " + wanted,
                    AzureDevOpsScopes.BUILD_READ);
            return ref(client.json(repo, client.projectUri(repo, call), call));
        }
        List<PipelineRef> matches = new ArrayList<>();
        String continuation = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            AzureDevOpsCall call = AzureDevOpsCall.get("/pipelines", "list the pipelines of " + repo.project(),
                    AzureDevOpsScopes.BUILD_READ);
            if (continuation != null) {
                call = call.withQuery("continuationToken", continuation);
            }
            AzureDevOpsResponse response = client.send(client.projectUri(repo, call), call, MAX_PAGE_ANSWER);
            if (!AzureDevOpsClient.isSuccess(response.status())) {
                throw client.problem(repo, call, response);
            }
            for (JsonNode found : client.parse(call, response).path("value")) {
                PipelineRef ref = ref(found);
                if (matches(ref, wanted)) {
                    matches.add(ref);
                }
            }
            continuation = response.header("x-ms-continuationtoken");
            if (continuation == null || continuation.isBlank()) {
                break;
            }
        }
        if (matches.isEmpty()) {
            throw GitProblems.notFound("Azure DevOps has no pipeline named '" + wanted + "' in project "
                    + repo.project());
        }
        if (matches.size() > 1) {
            throw GitProblems.unprocessable("Several pipelines are named '" + wanted + "' in project " + repo.project()
                    + ": " + matches.stream().map(m -> m.id() + " (" + m.folder() + ")").toList()
                    + "; name one by its id or as folder\\name");
        }
        return matches.get(0);
    }

    /**
     * A run of the pipeline on {@code request.branch()} building {@code request.commit()}: the newest such run when
     * there is one, else a new one ({@code resources.repositories.self} with the branch as {@code refName} and the
     * commit as {@code version}, so the run builds that commit even if the branch moved on).
     */
    PipelineRun queue(RepositoryCoordinates repo, long pipelineId, QueuePipelineRunRequest request) {
        String fullRef = BranchNames.fullRef(request.branch());
        String commit = CommitIds.requireFull(request.commit().toLowerCase(Locale.ROOT), "commit");
        Map<String, Object> body = Map.of("resources", Map.of("repositories", Map.of("self",
                Map.of("refName", fullRef, "version", commit))));
        AzureDevOpsCall call = AzureDevOpsCall.write("POST", "/pipelines/" + pipelineId + "/runs", body,
                "queue a run of pipeline " + pipelineId + " on " + fullRef, AzureDevOpsScopes.BUILD_EXECUTE, false);
        return findOrCreate.run(repo, client.projectUri(repo, call),
                () -> existingRun(repo, pipelineId, fullRef, commit).map(id -> run(repo, pipelineId, id)), call,
                answer -> Optional.of(run(answer, pipelineId, true)),
                refusal -> refusal != null ? refusal : GitProblems.unavailable("Azure DevOps did not queue a run of "
                        + "pipeline " + pipelineId + " on " + fullRef, null, null));
    }

    PipelineRun run(RepositoryCoordinates repo, long pipelineId, long runId) {
        AzureDevOpsCall call = AzureDevOpsCall.get("/pipelines/" + pipelineId + "/runs/" + runId,
                "read run " + runId + " of pipeline " + pipelineId, AzureDevOpsScopes.BUILD_READ);
        return run(client.json(repo, client.projectUri(repo, call), call), pipelineId, false);
    }

    /** The test results the run's build published; {@link PipelineTests#none()} when it published none. */
    PipelineTests tests(RepositoryCoordinates repo, long runId) {
        List<Long> testRuns = testRuns(repo, runId);
        if (testRuns.isEmpty()) {
            return PipelineTests.none();
        }
        int passed = 0;
        int failed = 0;
        int skipped = 0;
        List<String> failing = new ArrayList<>();
        for (long testRun : testRuns) {
            AzureDevOpsCall call = AzureDevOpsCall.get("/test/runs/" + testRun + "/Statistics",
                    "read the statistics of test run " + testRun, AzureDevOpsScopes.TEST_READ);
            int failedHere = 0;
            for (JsonNode statistic : client.json(repo, client.projectUri(repo, call), call).path("runStatistics")) {
                String outcome = String.valueOf(text(statistic, "outcome")).toLowerCase(Locale.ROOT);
                int count = statistic.path("count").asInt(0);
                if (outcome.equals("passed")) {
                    passed += count;
                } else if (FAILED_OUTCOMES.contains(outcome)) {
                    failedHere += count;
                } else {
                    skipped += count;
                }
            }
            failed += failedHere;
            if (failedHere > 0 && failing.size() < MAX_FAILING_TESTS) {
                failing.addAll(failingTests(repo, testRun, MAX_FAILING_TESTS - failing.size()));
            }
        }
        return new PipelineTests(true, new TestCounts(passed, failed, skipped), failing);
    }

    /** The ids of the test runs published for build {@code runId}, paged by {@code $skip}. */
    private List<Long> testRuns(RepositoryCoordinates repo, long runId) {
        List<Long> ids = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            AzureDevOpsCall call = AzureDevOpsCall.get("/test/runs", "list the test runs of build " + runId,
                    AzureDevOpsScopes.TEST_READ)
                    .withQuery("buildUri", "vstfs:///Build/Build/" + runId)
                    .withQuery("$top", Integer.toString(TEST_RUNS_PER_PAGE))
                    .withQuery("$skip", Integer.toString(page * TEST_RUNS_PER_PAGE));
            JsonNode value = client.json(repo, client.projectUri(repo, call), call).path("value");
            value.forEach(run -> ids.add(run.path("id").asLong()));
            if (value.size() < TEST_RUNS_PER_PAGE) {
                break;
            }
        }
        return ids;
    }

    /** {@code Class.method: first line of the message} of up to {@code limit} failed results of the test run. */
    private List<String> failingTests(RepositoryCoordinates repo, long testRun, int limit) {
        AzureDevOpsCall call = AzureDevOpsCall.get("/test/Runs/" + testRun + "/results",
                "read the failed results of test run " + testRun, AzureDevOpsScopes.TEST_READ)
                .withQuery("outcomes", FAILED_FILTER)
                .withQuery("$top", Integer.toString(limit));
        List<String> names = new ArrayList<>();
        for (JsonNode result : client.json(repo, client.projectUri(repo, call), call).path("value")) {
            String name = Optional.ofNullable(text(result, "automatedTestName"))
                    .orElseGet(() -> Optional.ofNullable(text(result, "testCaseTitle")).orElse("(unnamed test)"));
            String message = text(result, "errorMessage");
            String first = message == null ? "" : message.strip().lines().findFirst().orElse("");
            names.add(first.isEmpty() ? name : name + ": " + (first.length() > 300 ? first.substring(0, 300) : first));
            if (names.size() >= limit) {
                break;
            }
        }
        return names;
    }

    /**
     * Asks Azure DevOps to cancel the run (Builds - Update of its build with {@code status: cancelling}). Looks first:
     * a run that completed is left alone ({@code requested: false}) and one being cancelled is not asked again. The
     * update is safe to repeat, so a lost answer is retried; when the last attempt's answer is lost or refused (a run
     * that completed meanwhile), the build is read again and its state is the answer.
     */
    PipelineRunCancellation cancel(RepositoryCoordinates repo, long pipelineId, long runId) {
        JsonNode before = build(repo, runId);
        PipelineRunState state = buildState(text(before, "status"));
        if (state == PipelineRunState.COMPLETED || state == PipelineRunState.CANCELING) {
            return cancellation(pipelineId, runId, before, state == PipelineRunState.CANCELING);
        }
        AzureDevOpsCall call = AzureDevOpsCall.write("PATCH", "/build/builds/" + runId,
                Map.of("status", "cancelling"), "cancel run " + runId + " of pipeline " + pipelineId,
                AzureDevOpsScopes.BUILD_EXECUTE, true);
        ApiProblemException problem;
        try {
            AzureDevOpsResponse response = client.send(client.projectUri(repo, call), call, MAX_ANSWER);
            if (AzureDevOpsClient.isSuccess(response.status())) {
                return cancellation(pipelineId, runId, client.parse(call, response), true);
            }
            problem = client.problem(repo, call, response);
        } catch (ApiProblemException unanswered) {
            problem = unanswered;
        }
        int status = problem.status().value();
        if (status != 503 && status != 400 && status != 409 && status != 422) {
            throw problem;
        }
        JsonNode after = build(repo, runId);
        PipelineRunState now = buildState(text(after, "status"));
        if (now == PipelineRunState.CANCELING || now == PipelineRunState.COMPLETED) {
            return cancellation(pipelineId, runId, after, now == PipelineRunState.CANCELING
                    || "canceled".equalsIgnoreCase(text(after, "result")));
        }
        throw problem;
    }

    /**
     * Why the run failed: the error issues of its timeline's failed records and, when they are none or only say that
     * a process exited with a code, the end of the first failed task's log. A run that has no timeline (yet) or no
     * failed record has nothing to say.
     */
    PipelineFailure failure(RepositoryCoordinates repo, long runId) {
        AzureDevOpsCall call = AzureDevOpsCall.get("/build/builds/" + runId + "/timeline",
                "read the timeline of run " + runId, AzureDevOpsScopes.BUILD_READ);
        JsonNode records = client.json(repo, client.projectUri(repo, call), call).path("records");
        List<JsonNode> failed = StreamSupport.stream(records.spliterator(), false)
                .filter(r -> "failed".equalsIgnoreCase(text(r, "result")))
                .sorted(Comparator.comparing((JsonNode r) -> !"task".equalsIgnoreCase(text(r, "type")))
                        .thenComparing(r -> Optional.ofNullable(text(r, "startTime")).orElse("~")))
                .toList();
        Set<String> messages = new LinkedHashSet<>();
        List<String> errors = new ArrayList<>();
        boolean onlyExitCodes = true;
        for (JsonNode record : failed) {
            for (JsonNode issue : record.path("issues")) {
                String message = oneLine(text(issue, "message"));
                if (!"error".equalsIgnoreCase(text(issue, "type")) || message.isEmpty() || !messages.add(message)
                        || errors.size() >= MAX_ERRORS) {
                    continue;
                }
                onlyExitCodes &= EXIT_ONLY.matcher(message).matches();
                errors.add(cut(Optional.ofNullable(text(record, "name")).orElse("(unnamed step)") + ": " + message));
            }
        }
        if (!errors.isEmpty() && !onlyExitCodes) {
            return new PipelineFailure(errors, null, List.of());
        }
        for (JsonNode record : failed) {
            JsonNode log = record.path("log").path("id");
            if ("task".equalsIgnoreCase(text(record, "type")) && log.isNumber()) {
                return new PipelineFailure(errors, text(record, "name"), logTail(repo, runId, log.asLong()));
            }
        }
        return new PipelineFailure(errors, null, List.of());
    }

    /** The last lines of a build log, without the agent's timestamps, blank lines and section markers. */
    private List<String> logTail(RepositoryCoordinates repo, long runId, long logId) {
        long lines = lineCount(repo, runId, logId);
        AzureDevOpsCall call = AzureDevOpsCall.get("/build/builds/" + runId + "/logs/" + logId,
                "read log " + logId + " of run " + runId, AzureDevOpsScopes.BUILD_READ).asText();
        if (lines > TAIL_READ) {
            call = call.withQuery("startLine", Long.toString(lines - TAIL_READ));
        }
        AzureDevOpsResponse response = client.send(client.projectUri(repo, call), call, MAX_ANSWER);
        if (!AzureDevOpsClient.isSuccess(response.status())) {
            throw client.problem(repo, call, response);
        }
        List<String> kept = new String(response.body(), StandardCharsets.UTF_8).lines()
                .map(line -> TIMESTAMP.matcher(line).replaceFirst("").strip())
                .filter(line -> !line.isEmpty() && !line.startsWith("##[section]"))
                .map(line -> cut(client.scrub(line)))
                .toList();
        return kept.subList(Math.max(0, kept.size() - TAIL_LINES), kept.size());
    }

    /** The number of lines of the build's log (Builds - Get Build Logs); -1 when Azure DevOps does not say. */
    private long lineCount(RepositoryCoordinates repo, long runId, long logId) {
        AzureDevOpsCall call = AzureDevOpsCall.get("/build/builds/" + runId + "/logs",
                "list the logs of run " + runId, AzureDevOpsScopes.BUILD_READ);
        try {
            for (JsonNode log : client.json(repo, client.projectUri(repo, call), call).path("value")) {
                if (log.path("id").asLong() == logId) {
                    return log.path("lineCount").asLong(-1);
                }
            }
        } catch (ApiProblemException e) {
            // Only an optimisation: without the count the whole log is read, up to the answer's bound.
        }
        return -1;
    }

    private JsonNode build(RepositoryCoordinates repo, long runId) {
        AzureDevOpsCall call = AzureDevOpsCall.get("/build/builds/" + runId, "read run " + runId,
                AzureDevOpsScopes.BUILD_READ);
        return client.json(repo, client.projectUri(repo, call), call);
    }

    private static PipelineRunCancellation cancellation(long pipelineId, long runId, JsonNode build,
            boolean requested) {
        PipelineRunState state = buildState(text(build, "status"));
        return new PipelineRunCancellation(pipelineId, runId, requested, state,
                state == PipelineRunState.COMPLETED ? buildResult(text(build, "result")) : null);
    }

    /** A build's {@code BuildStatus} as the state of its run: every status before completion is in progress. */
    private static PipelineRunState buildState(String status) {
        if (status == null) {
            return PipelineRunState.UNKNOWN;
        }
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "completed" -> PipelineRunState.COMPLETED;
            case "cancelling" -> PipelineRunState.CANCELING;
            default -> PipelineRunState.IN_PROGRESS;
        };
    }

    /** A build's {@code BuildResult}: one that partially succeeded had a failed step, so as a check it failed. */
    private static PipelineRunResult buildResult(String result) {
        return "partiallySucceeded".equalsIgnoreCase(result) ? PipelineRunResult.FAILED : result(result);
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static String cut(String line) {
        return line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "…" : line;
    }

    /** The id of the newest run (build) of the pipeline on {@code fullRef} whose source version is {@code commit}. */
    private Optional<Long> existingRun(RepositoryCoordinates repo, long pipelineId, String fullRef, String commit) {
        AzureDevOpsCall call = AzureDevOpsCall.get("/build/builds", "look for a run of pipeline " + pipelineId
                + " on " + fullRef, AzureDevOpsScopes.BUILD_READ)
                .withQuery("definitions", Long.toString(pipelineId))
                .withQuery("branchName", fullRef)
                .withQuery("queryOrder", "queueTimeDescending")
                .withQuery("$top", Integer.toString(BUILDS_PER_LOOKUP));
        for (JsonNode build : client.json(repo, client.projectUri(repo, call), call).path("value")) {
            if (commit.equalsIgnoreCase(text(build, "sourceVersion"))) {
                return Optional.of(build.path("id").asLong());
            }
        }
        return Optional.empty();
    }

    private static boolean matches(PipelineRef ref, String wanted) {
        if (!wanted.contains("\\")) {
            return wanted.equalsIgnoreCase(ref.name());
        }
        String folder = ref.folder() == null ? "" : ref.folder().replaceAll("^\\\\+|\\\\+$", "");
        String path = folder.isEmpty() ? ref.name() : folder + "\\" + ref.name();
        return wanted.replaceAll("^\\\\+", "").equalsIgnoreCase(path);
    }

    private static PipelineRef ref(JsonNode pipeline) {
        String folder = text(pipeline, "folder");
        return new PipelineRef(pipeline.path("id").asLong(), text(pipeline, "name"), folder == null ? "\\" : folder);
    }

    private static PipelineRun run(JsonNode run, long pipelineId, boolean created) {
        long pipeline = run.path("pipeline").path("id").asLong(pipelineId);
        return new PipelineRun(pipeline, run.path("id").asLong(), text(run, "name"),
                state(text(run, "state")), result(text(run, "result")),
                text(run.path("_links").path("web"), "href"), instant(text(run, "createdDate")),
                instant(text(run, "finishedDate")), created);
    }

    private static PipelineRunState state(String value) {
        if (value == null) {
            return PipelineRunState.UNKNOWN;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "inprogress" -> PipelineRunState.IN_PROGRESS;
            case "canceling" -> PipelineRunState.CANCELING;
            case "completed" -> PipelineRunState.COMPLETED;
            default -> PipelineRunState.UNKNOWN;
        };
    }

    private static PipelineRunResult result(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "succeeded" -> PipelineRunResult.SUCCEEDED;
            case "failed" -> PipelineRunResult.FAILED;
            case "canceled" -> PipelineRunResult.CANCELED;
            default -> PipelineRunResult.UNKNOWN;
        };
    }

    private static Instant instant(String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
