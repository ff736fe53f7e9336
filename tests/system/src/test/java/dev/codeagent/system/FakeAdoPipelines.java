package dev.codeagent.system;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The pipelines of the fake Azure DevOps project and their runs, in the shapes of the Pipelines, Build and Test
 * Results 7.1 specifications ({@code specification/pipelines/7.1/pipelines.json}, {@code build/7.1/build.json},
 * {@code test/7.1/test.json} of MicrosoftDocs/vsts-rest-api-specs). A queued run is {@code inProgress} until the test
 * completes it with a result and, optionally, the test results its build published or why it failed (its build's
 * timeline and logs), or until Builds - Update asks to cancel it ({@code canceling}; the build {@code cancelling}). The
 * run's id is also its build's id, so Builds - List, Get and Update, the timeline, the logs and the Test Results API
 * ({@code buildUri=vstfs:///Build/Build/{id}}) see it. Callers hold the fake's lock.
 */
final class FakeAdoPipelines {

    /** The steps of every run's job, in order; a failed run's failing task comes after them. */
    private static final List<String> STEPS = List.of("Initialize job", "Checkout payments-api");

    private final String projectUrl;
    private final String projectWebUrl;
    private final Map<Long, Map<String, Object>> pipelines = new LinkedHashMap<>();
    private final Map<Long, Run> runs = new LinkedHashMap<>();
    private final Map<Long, TestRun> testRuns = new LinkedHashMap<>();
    private long nextRun = 1201;
    private long nextTestRun = 501;

    /** A queued run as the fake keeps it. */
    static final class Run {
        final long id;
        final long pipelineId;
        final String refName;
        final String version;
        final Instant created;
        String state = "inProgress";
        String result;
        Instant finished;
        Failure failure;

        Run(long id, long pipelineId, String refName, String version, Instant created) {
            this.id = id;
            this.pipelineId = pipelineId;
            this.refName = refName;
            this.version = version;
            this.created = created;
        }
    }

    /**
     * Test results a run's build published: one test run with {@code passed} and {@code failed} results, the failed
     * ones named by {@code failedTests} ({@code automatedTestName}) with {@code errorMessage}.
     */
    record Published(int passed, List<String> failedTests, String errorMessage) {
    }

    private record TestRun(long id, long buildId, String name, Published results) {
    }

    /**
     * Why a run failed without published test results: its task {@code task} failed with the error {@code issues} of
     * its timeline record and wrote {@code log} (lines without the agent's timestamps) as its log.
     */
    record Failure(String task, List<String> issues, List<String> log) {
    }

    FakeAdoPipelines(String projectUrl, String projectWebUrl) {
        this.projectUrl = projectUrl;
        this.projectWebUrl = projectWebUrl;
    }

    void define(long id, String name, String folder) {
        Map<String, Object> pipeline = new LinkedHashMap<>();
        pipeline.put("_links", Map.of("self", Map.of("href", projectUrl + "/_apis/pipelines/" + id),
                "web", Map.of("href", projectWebUrl + "/_build/definition?definitionId=" + id)));
        pipeline.put("url", projectUrl + "/_apis/pipelines/" + id + "?revision=3");
        pipeline.put("id", id);
        pipeline.put("revision", 3);
        pipeline.put("name", name);
        pipeline.put("folder", folder);
        pipelines.put(id, pipeline);
    }

    /** Pipelines - List (one page). */
    List<Map<String, Object>> pipelines() {
        return List.copyOf(pipelines.values());
    }

    Optional<Map<String, Object>> pipeline(long id) {
        return Optional.ofNullable(pipelines.get(id));
    }

    /** Runs - Run Pipeline: a new run of the branch at the version, in progress. */
    Map<String, Object> queue(long pipelineId, String refName, String version) {
        Run run = new Run(nextRun++, pipelineId, refName, version, Instant.now());
        runs.put(run.id, run);
        return runJson(run);
    }

    Optional<Map<String, Object>> run(long pipelineId, long runId) {
        Run run = runs.get(runId);
        return run == null || run.pipelineId != pipelineId ? Optional.empty() : Optional.of(runJson(run));
    }

    /** The runs queued so far, in order. */
    List<Run> runs() {
        return List.copyOf(runs.values());
    }

    /**
     * Ends a run with {@code result} (succeeded, failed, canceled) and the test results its build published (null:
     * none).
     */
    void complete(long runId, String result, Published published) {
        Run run = runs.get(runId);
        run.state = "completed";
        run.result = result;
        run.finished = Instant.now();
        if (published != null) {
            long id = nextTestRun++;
            testRuns.put(id, new TestRun(id, runId, "JUnit_TestResults_" + runId, published));
        }
    }

    /**
     * Ends a run as failed without published test results, for the reason {@code failure} gives in its build's
     * timeline and log.
     */
    void fail(long runId, Failure failure) {
        complete(runId, "failed", null);
        runs.get(runId).failure = failure;
    }

    /** Builds - List of one definition on one branch, newest first: each run is a build. */
    List<Map<String, Object>> builds(long definition, String branchName) {
        List<Map<String, Object>> builds = new ArrayList<>();
        for (Run run : runs.values()) {
            if (run.pipelineId == definition && run.refName.equals(branchName)) {
                builds.add(0, buildJson(run));
            }
        }
        return builds;
    }

    /** Builds - Get. */
    Optional<Map<String, Object>> build(long buildId) {
        return Optional.ofNullable(runs.get(buildId)).map(this::buildJson);
    }

    /**
     * Builds - Update with {@code status: cancelling}: a run in progress is being cancelled from now on (it stays so
     * until the test completes it); empty for a run that completed, which Azure DevOps refuses to cancel.
     */
    Optional<Map<String, Object>> cancel(long buildId) {
        Run run = runs.get(buildId);
        if (run.state.equals("completed")) {
            return Optional.empty();
        }
        run.state = "canceling";
        return Optional.of(buildJson(run));
    }

    /**
     * Timeline - Get of a run's build: its stage, job and tasks as {@code TimelineRecord}s; a failed run's failing
     * task last, with its error issues and the id of its log.
     */
    Map<String, Object> timeline(long buildId) {
        Run run = runs.get(buildId);
        boolean done = run.state.equals("completed");
        String result = !done ? null : run.result.equals("canceled") ? "canceled"
                : run.result.equals("succeeded") ? "succeeded" : "failed";
        String stage = recordId(run, "Stage");
        String job = recordId(run, "Job");
        List<Map<String, Object>> records = new ArrayList<>();
        records.add(record(run, stage, null, "Stage", "Build", 1, result, null, List.of()));
        records.add(record(run, job, stage, "Job", "Build job", 1, result, 1L, List.of()));
        for (int i = 0; i < STEPS.size(); i++) {
            records.add(record(run, recordId(run, STEPS.get(i)), job, "Task", STEPS.get(i), i + 1,
                    done ? "succeeded" : null, i + 2L, List.of()));
        }
        if (run.failure != null) {
            String task = run.failure.task();
            records.add(record(run, recordId(run, task), job, "Task", task, STEPS.size() + 1, "failed", failedLog(),
                    run.failure.issues()));
        }
        Map<String, Object> timeline = new LinkedHashMap<>();
        timeline.put("records", records);
        timeline.put("lastChangedBy", "00000002-0000-8888-8000-000000000000");
        timeline.put("lastChangedOn", (run.finished != null ? run.finished : run.created).toString());
        timeline.put("id", recordId(run, "Timeline"));
        timeline.put("changeId", records.size());
        timeline.put("url", projectUrl + "/_apis/build/builds/" + run.id + "/Timeline");
        return timeline;
    }

    /** Builds - Get Build Logs: one log per step with its line count (the failing task's holds its lines). */
    List<Map<String, Object>> logs(long buildId) {
        Run run = runs.get(buildId);
        List<Map<String, Object>> logs = new ArrayList<>();
        for (long id = 1; id <= lastLog(run); id++) {
            Map<String, Object> log = new LinkedHashMap<>();
            log.put("lineCount", logLines(run, id).size());
            log.put("createdOn", run.created.toString());
            log.put("lastChangedOn", (run.finished != null ? run.finished : run.created).toString());
            log.put("id", id);
            log.put("type", "Container");
            log.put("url", logUrl(run, id));
            logs.add(log);
        }
        return logs;
    }

    /**
     * Builds - Get Build Log as text, each line stamped by the agent, from {@code startLine} to {@code endLine}
     * (1-based, inclusive) when given; empty when the build has no such log.
     */
    Optional<String> log(long buildId, long logId, Long startLine, Long endLine) {
        Run run = runs.get(buildId);
        if (run == null || logId < 1 || logId > lastLog(run)) {
            return Optional.empty();
        }
        List<String> lines = logLines(run, logId);
        int from = startLine == null ? 0 : (int) Math.min(lines.size(), Math.max(0, startLine - 1));
        int to = endLine == null ? lines.size() : (int) Math.min(lines.size(), Math.max(from, endLine));
        StringBuilder text = new StringBuilder();
        Instant stamp = run.created;
        for (String line : lines.subList(from, to)) {
            text.append(stamp).append(' ').append(line).append('\n');
            stamp = stamp.plusMillis(137);
        }
        return Optional.of(text.toString());
    }

    private List<String> logLines(Run run, long logId) {
        if (logId == failedLog()) {
            List<String> lines = new ArrayList<>();
            lines.add("##[section]Starting: " + run.failure.task());
            lines.addAll(run.failure.log());
            lines.add("##[section]Finishing: " + run.failure.task());
            return lines;
        }
        String step = logId == 1 ? "Build job" : STEPS.get((int) logId - 2);
        return List.of("##[section]Starting: " + step, "", "##[section]Finishing: " + step);
    }

    /** The id of the failing task's log: after the job's and every step's. */
    private static long failedLog() {
        return STEPS.size() + 2L;
    }

    private static long lastLog(Run run) {
        return run.failure == null ? failedLog() - 1 : failedLog();
    }

    private static String recordId(Run run, String name) {
        return UUID.nameUUIDFromBytes((run.id + "/" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private String logUrl(Run run, long logId) {
        return projectUrl + "/_apis/build/builds/" + run.id + "/logs/" + logId;
    }

    private Map<String, Object> record(Run run, String id, String parentId, String type, String name, int order,
            String result, Long logId, List<String> issues) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("previousAttempts", List.of());
        record.put("id", id);
        record.put("parentId", parentId);
        record.put("type", type);
        record.put("name", name);
        record.put("startTime", run.created.toString());
        record.put("finishTime", run.finished == null ? null : run.finished.toString());
        record.put("currentOperation", null);
        record.put("percentComplete", null);
        record.put("state", result == null ? "inProgress" : "completed");
        record.put("result", result);
        record.put("resultCode", null);
        record.put("changeId", order);
        record.put("lastModified", (run.finished != null ? run.finished : run.created).toString());
        record.put("workerName", "Azure Pipelines 3");
        record.put("order", order);
        record.put("errorCount", issues.size());
        record.put("warningCount", 0);
        record.put("url", null);
        record.put("log", logId == null ? null : Map.of("id", logId, "type", "Container", "url", logUrl(run, logId)));
        record.put("task", type.equals("Task") ? Map.of("id", UUID.nameUUIDFromBytes(name.getBytes(
                StandardCharsets.UTF_8)).toString(), "name", name, "version", "1.0.0") : null);
        record.put("attempt", 1);
        record.put("identifier", null);
        List<Map<String, Object>> list = new ArrayList<>();
        for (String message : issues) {
            list.add(Map.of("type", "error", "category", "General", "message", message,
                    "data", Map.of("type", "error", "logFileLineNumber", "2")));
        }
        record.put("issues", list);
        return record;
    }

    private Map<String, Object> buildJson(Run run) {
        Map<String, Object> build = new LinkedHashMap<>();
        build.put("id", run.id);
        build.put("buildNumber", runName(run));
        build.put("status", switch (run.state) {
            case "completed" -> "completed";
            case "canceling" -> "cancelling";
            default -> "inProgress";
        });
        if (run.result != null) {
            build.put("result", run.result);
        }
        build.put("queueTime", run.created.toString());
        if (run.finished != null) {
            build.put("finishTime", run.finished.toString());
        }
        build.put("url", projectUrl + "/_apis/build/Builds/" + run.id);
        build.put("uri", "vstfs:///Build/Build/" + run.id);
        build.put("definition", Map.of("id", run.pipelineId, "name", pipelines.get(run.pipelineId).get("name")));
        build.put("sourceBranch", run.refName);
        build.put("sourceVersion", run.version);
        build.put("reason", "manual");
        build.put("_links", Map.of("web", Map.of("href", webUrl(run.id)),
                "timeline", Map.of("href", projectUrl + "/_apis/build/builds/" + run.id + "/Timeline")));
        return build;
    }

    /** Test Runs - List by build. */
    List<Map<String, Object>> testRuns(String buildUri) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (TestRun run : testRuns.values()) {
            if (buildUri.equals("vstfs:///Build/Build/" + run.buildId())) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("id", run.id());
                json.put("name", run.name());
                json.put("url", projectUrl + "/_apis/test/Runs/" + run.id());
                json.put("build", Map.of("id", Long.toString(run.buildId())));
                json.put("isAutomated", true);
                json.put("state", "Completed");
                json.put("totalTests", run.results().passed() + run.results().failedTests().size());
                json.put("webAccessUrl", projectWebUrl + "/_TestManagement/Runs?runId=" + run.id());
                found.add(json);
            }
        }
        return found;
    }

    /** Test Runs - Get Test Run Statistics. */
    Optional<Map<String, Object>> statistics(long testRunId) {
        TestRun run = testRuns.get(testRunId);
        if (run == null) {
            return Optional.empty();
        }
        List<Map<String, Object>> statistics = new ArrayList<>();
        statistics.add(Map.of("state", "Completed", "outcome", "Passed", "count", run.results().passed()));
        if (!run.results().failedTests().isEmpty()) {
            statistics.add(Map.of("state", "Completed", "outcome", "Failed", "count",
                    run.results().failedTests().size()));
        }
        return Optional.of(Map.of("run", Map.of("id", Long.toString(run.id()), "name", run.name(), "url",
                projectUrl + "/_apis/test/Runs/" + run.id()), "runStatistics", statistics));
    }

    /** Results - List with an {@code outcomes} filter: only failed results are kept by name here. */
    Optional<List<Map<String, Object>>> failedResults(long testRunId, String outcomes, int top) {
        TestRun run = testRuns.get(testRunId);
        if (run == null) {
            return Optional.empty();
        }
        List<Map<String, Object>> results = new ArrayList<>();
        if (outcomes == null || outcomes.toLowerCase(java.util.Locale.ROOT).contains("failed")) {
            int id = 100000;
            for (String name : run.results().failedTests()) {
                if (results.size() >= top) {
                    break;
                }
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("id", ++id);
                result.put("outcome", "Failed");
                result.put("testCaseTitle", name.substring(name.lastIndexOf('.') + 1));
                result.put("automatedTestName", name);
                result.put("errorMessage", run.results().errorMessage());
                result.put("testRun", Map.of("id", Long.toString(run.id())));
                results.add(result);
            }
        }
        return Optional.of(results);
    }

    private Map<String, Object> runJson(Run run) {
        Map<String, Object> pipeline = pipelines.get(run.pipelineId);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("_links", Map.of(
                "self", Map.of("href", projectUrl + "/_apis/pipelines/" + run.pipelineId + "/runs/" + run.id),
                "web", Map.of("href", webUrl(run.id)),
                "pipeline.web", Map.of("href", projectWebUrl + "/_build/definition?definitionId=" + run.pipelineId),
                "pipeline", Map.of("href", pipeline.get("url"))));
        json.put("pipeline", Map.of("url", pipeline.get("url"), "id", run.pipelineId, "revision", 3, "name",
                pipeline.get("name"), "folder", pipeline.get("folder")));
        json.put("state", run.state);
        if (run.result != null) {
            json.put("result", run.result);
        }
        json.put("createdDate", run.created.toString());
        if (run.finished != null) {
            json.put("finishedDate", run.finished.toString());
        }
        json.put("url", projectUrl + "/_apis/pipelines/" + run.pipelineId + "/runs/" + run.id);
        json.put("resources", Map.of("repositories", Map.of("self", Map.of(
                "repository", Map.of("id", FakeAzureDevOps.REPOSITORY_ID, "type", "azureReposGit"),
                "refName", run.refName, "version", run.version))));
        json.put("id", run.id);
        json.put("name", runName(run));
        return json;
    }

    /** The run's page: {@code _links.web.href}. */
    String webUrl(long runId) {
        return projectWebUrl + "/_build/results?buildId=" + runId;
    }

    private static String runName(Run run) {
        return "20261207." + (run.id - 1200);
    }
}
