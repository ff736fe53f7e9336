package dev.codeagent.system;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pipelines of the fake Azure DevOps project and their runs, in the shapes of the Pipelines, Build and Test
 * Results 7.1 specifications ({@code specification/pipelines/7.1/pipelines.json}, {@code build/7.1/build.json},
 * {@code test/7.1/test.json} of MicrosoftDocs/vsts-rest-api-specs). A queued run is {@code inProgress} until the test
 * completes it with a result and, optionally, the test results its build published; the run's id is also its build's
 * id, so Builds - List and the Test Results API ({@code buildUri=vstfs:///Build/Build/{id}}) see it. Callers hold the
 * fake's lock.
 */
final class FakeAdoPipelines {

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

    /** Builds - List of one definition on one branch, newest first: each run is a build. */
    List<Map<String, Object>> builds(long definition, String branchName) {
        List<Map<String, Object>> builds = new ArrayList<>();
        for (Run run : runs.values()) {
            if (run.pipelineId == definition && run.refName.equals(branchName)) {
                Map<String, Object> build = new LinkedHashMap<>();
                build.put("id", run.id);
                build.put("buildNumber", runName(run));
                build.put("status", run.state.equals("completed") ? "completed" : "inProgress");
                if (run.result != null) {
                    build.put("result", run.result);
                }
                build.put("queueTime", run.created.toString());
                build.put("uri", "vstfs:///Build/Build/" + run.id);
                build.put("definition", Map.of("id", definition, "name", pipelines.get(definition).get("name")));
                build.put("sourceBranch", run.refName);
                build.put("sourceVersion", run.version);
                build.put("reason", "manual");
                builds.add(0, build);
            }
        }
        return builds;
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
