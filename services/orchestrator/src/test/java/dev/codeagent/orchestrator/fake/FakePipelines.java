package dev.codeagent.orchestrator.fake;

import dev.codeagent.contracts.check.TestCounts;
import dev.codeagent.contracts.pipeline.PipelineFailure;
import dev.codeagent.contracts.pipeline.PipelineRef;
import dev.codeagent.contracts.pipeline.PipelineRun;
import dev.codeagent.contracts.pipeline.PipelineRunCancellation;
import dev.codeagent.contracts.pipeline.PipelineRunResult;
import dev.codeagent.contracts.pipeline.PipelineRunState;
import dev.codeagent.contracts.pipeline.PipelineTests;
import dev.codeagent.contracts.pipeline.QueuePipelineRunRequest;
import dev.codeagent.orchestrator.fake.FakeServices.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * The adapter's pipeline API ({@code dev.codeagent.contracts.pipeline}) as the fake answers it: pipelines by name or
 * id, runs queued idempotently per pipeline, branch and commit (200 for one that exists, as the adapter's lookup
 * does), in progress until the test completes them; a cancel of a run in progress makes it {@code canceling} (one of a
 * completed run changes nothing, as the adapter answers), and a failed run explains itself with the failure the test
 * gave it.
 */
public final class FakePipelines {

    private static final Pattern RUNS = Pattern.compile("/pipelines/(\\d+)/runs");
    private static final Pattern RUN = Pattern.compile("/pipelines/(\\d+)/runs/(\\d+)(/tests|/failure)?");
    private static final Pattern CANCEL = Pattern.compile("/pipelines/(\\d+)/runs/(\\d+)/cancel");

    /** A run of the fake. */
    public static final class Run {
        public final long pipelineId;
        public final long runId;
        public final String branch;
        public final String commit;
        volatile PipelineRunState state = PipelineRunState.IN_PROGRESS;
        volatile PipelineRunResult result;
        volatile PipelineTests tests = PipelineTests.none();
        volatile PipelineFailure failure = PipelineFailure.none();
        final AtomicInteger cancels = new AtomicInteger();

        Run(long pipelineId, long runId, String branch, String commit) {
            this.pipelineId = pipelineId;
            this.runId = runId;
            this.branch = branch;
            this.commit = commit;
        }

        /** Completes the run with {@code result} and the test results it published ({@code null}: none). */
        public void complete(PipelineRunResult result, TestCounts counts, String... failingTests) {
            this.tests = counts == null ? PipelineTests.none() : new PipelineTests(true, counts, List.of(failingTests));
            this.result = result;
            this.state = PipelineRunState.COMPLETED;
        }

        /** What the run's timeline says when it failed without failing tests. */
        public void failWith(PipelineFailure failure) {
            this.failure = failure;
            complete(PipelineRunResult.FAILED, null);
        }

        /** The cancel requests it received. */
        public int cancels() {
            return cancels.get();
        }

        public PipelineRunState state() {
            return state;
        }

        PipelineRun view(boolean created) {
            return new PipelineRun(pipelineId, runId, "20260302." + runId, state, result,
                    "https://dev.azure.com/contoso/Web%20Shop/_build/results?buildId=" + runId,
                    Instant.parse("2026-03-02T10:00:00Z"), state == PipelineRunState.COMPLETED
                            ? Instant.parse("2026-03-02T10:20:00Z") : null, created);
        }
    }

    private final JsonMapper json;
    private final Map<String, Long> pipelines = new ConcurrentHashMap<>();
    private final List<Run> runs = new CopyOnWriteArrayList<>();
    private final List<QueuePipelineRunRequest> queued = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(900);
    private volatile boolean refused;

    FakePipelines(JsonMapper json) {
        this.json = json;
    }

    /** A pipeline of every repository's project. */
    public void define(String name, long id) {
        pipelines.put(name, id);
    }

    /** Answer every request as the adapter does for a repository that is not on Azure DevOps (422). */
    public void refuse() {
        refused = true;
    }

    /** The runs, in the order they were queued. */
    public List<Run> runs() {
        return List.copyOf(runs);
    }

    /** Every queue request received, a repeated one included. */
    public List<QueuePipelineRunRequest> queueRequests() {
        return List.copyOf(queued);
    }

    void reset() {
        pipelines.clear();
        runs.clear();
        queued.clear();
        refused = false;
    }

    Response answer(String method, String rest, Map<String, String> params, String body) {
        if (refused) {
            return new Response(422, Map.of("type", "https://codeagent.dev/problems/unprocessable",
                    "title", "Unprocessable", "status", 422,
                    "detail", "Pipelines need the Azure DevOps provider: the 'local' provider has no pipelines"));
        }
        if (method.equals("GET") && rest.equals("/pipelines")) {
            String wanted = params.get("pipeline");
            for (Map.Entry<String, Long> p : pipelines.entrySet()) {
                if (p.getKey().equalsIgnoreCase(wanted) || p.getValue().toString().equals(wanted)) {
                    return new Response(200, new PipelineRef(p.getValue(), p.getKey(), "\\"));
                }
            }
            return new Response(404, Map.of("title", "Not Found", "status", 404,
                    "detail", "Azure DevOps has no pipeline named '" + wanted + "'"));
        }
        Matcher queue = RUNS.matcher(rest);
        if (method.equals("POST") && queue.matches()) {
            long pipelineId = Long.parseLong(queue.group(1));
            QueuePipelineRunRequest request = json.readValue(body, QueuePipelineRunRequest.class);
            queued.add(request);
            synchronized (runs) {
                for (Run run : runs) {
                    if (run.pipelineId == pipelineId && run.branch.equals(request.branch())
                            && run.commit.equals(request.commit())) {
                        return new Response(200, run.view(false));
                    }
                }
                Run run = new Run(pipelineId, ids.incrementAndGet(), request.branch(), request.commit());
                runs.add(run);
                return new Response(201, run.view(true));
            }
        }
        Matcher cancel = CANCEL.matcher(rest);
        if (method.equals("POST") && cancel.matches()) {
            long runId = Long.parseLong(cancel.group(2));
            for (Run run : new ArrayList<>(runs)) {
                if (run.runId == runId) {
                    run.cancels.incrementAndGet();
                    boolean requested = run.state != PipelineRunState.COMPLETED;
                    if (requested) {
                        run.state = PipelineRunState.CANCELING;
                    }
                    return new Response(200, new PipelineRunCancellation(run.pipelineId, runId, requested, run.state,
                            run.result));
                }
            }
            return new Response(404, Map.of("title", "Not Found", "status", 404, "detail", "no run " + runId));
        }
        Matcher read = RUN.matcher(rest);
        if (method.equals("GET") && read.matches()) {
            long runId = Long.parseLong(read.group(2));
            for (Run run : new ArrayList<>(runs)) {
                if (run.runId == runId) {
                    return new Response(200, read.group(3) == null ? run.view(false)
                            : read.group(3).equals("/tests") ? run.tests : run.failure);
                }
            }
            return new Response(404, Map.of("title", "Not Found", "status", 404, "detail", "no run " + runId));
        }
        return new Response(404, Map.of("title", "no route " + rest));
    }
}
