package dev.codeagent.orchestrator.workflow;

import dev.codeagent.contracts.check.CheckOutcome;
import dev.codeagent.contracts.check.CheckRunResult;
import dev.codeagent.contracts.check.CheckStatus;
import dev.codeagent.contracts.pipeline.PipelineFailure;
import dev.codeagent.contracts.pipeline.PipelineRef;
import dev.codeagent.contracts.pipeline.PipelineRun;
import dev.codeagent.contracts.pipeline.PipelineRunResult;
import dev.codeagent.contracts.pipeline.PipelineRunState;
import dev.codeagent.contracts.pipeline.PipelineTests;
import dev.codeagent.contracts.pipeline.QueuePipelineRunRequest;
import dev.codeagent.orchestrator.client.AdapterClient;
import dev.codeagent.orchestrator.client.CallFailure;
import dev.codeagent.orchestrator.config.PipelineCheckProperties;
import dev.codeagent.orchestrator.job.JobRecord;
import dev.codeagent.orchestrator.job.PipelineRunRecord;
import dev.codeagent.orchestrator.job.PipelineRunRecord.State;
import dev.codeagent.orchestrator.job.PipelineRunStore;
import dev.codeagent.orchestrator.job.VariantRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Azure DevOps pipelines as checks of a round: queues one run per pipeline on the variant's branch at the round's
 * commit and records it before anything waits for it, then looks at the running ones each time the variant's step
 * runs again — the scheduler brings it back after {@code CODEAGENT_ADO_CHECK_POLL_INTERVAL}, so no thread waits for a
 * run and an orchestrator that restarts follows the recorded runs instead of queueing new ones. A run that takes
 * longer than {@code CODEAGENT_ADO_CHECK_TIMEOUT} from being queued counts as timed out. Each ended run becomes a
 * {@link CheckOutcome} of the round, with its test results, why it failed when no test says so (its timeline's errors,
 * else the end of the failed task's log) and a link to its page. A run it stops following (timed out, the job
 * terminated or out of time, the check phase given up) is marked for cancellation in Azure DevOps, which
 * {@link PipelineCancelStep} asks for. The progress reply is rewritten when a run is queued or its state in Azure DevOps
 * changes, not on every look.
 */
@Component
public class PipelineChecks {

    private static final Logger log = LoggerFactory.getLogger(PipelineChecks.class);
    /** Error lines of a check, as the runner keeps them (its {@code ErrorLines}): enough for a prompt and a comment. */
    private static final int MAX_ERROR_LINES = 20;
    /** Error lines the pull request's failure comment and the dashboard show of a check. */
    private static final int SHOWN_ERROR_LINES = 10;
    private static final int MAX_ISSUES_WITH_LOG = 2;

    private final AdapterClient adapter;
    private final PipelineRunStore runs;
    private final PipelineCheckProperties properties;
    private final ProgressReporter progress;
    private final Clock clock;

    public PipelineChecks(AdapterClient adapter, PipelineRunStore runs, PipelineCheckProperties properties,
            ProgressReporter progress, Clock clock) {
        this.adapter = adapter;
        this.runs = runs;
        this.properties = properties;
        this.progress = progress;
        this.clock = clock;
    }

    /** True when every repository's variants run pipelines ({@code CODEAGENT_ADO_CHECK_PIPELINES}). */
    public boolean everywhere() {
        return !properties.pipelines().isEmpty();
    }

    /** The pipelines of a round: those of every repository, then those {@code .codeagent.yml} names; once each. */
    public List<String> of(CheckRunResult local) {
        List<String> all = new ArrayList<>(properties.pipelines());
        if (local != null) {
            for (String pipeline : local.pipelines()) {
                if (all.stream().noneMatch(pipeline::equalsIgnoreCase)) {
                    all.add(pipeline);
                }
            }
        }
        return all;
    }

    /**
     * Queues the pipelines not queued yet for the variant's round and looks at those still running; returns when to
     * look again, or empty once every run ended. A failure that may pass (the adapter or Azure DevOps unavailable,
     * throttling) is thrown for the step to retry; a permanent one (no such pipeline, a missing scope, a repository
     * that is not on Azure DevOps) ends that pipeline's run as an error of the round.
     */
    public Optional<Instant> follow(JobRecord job, VariantRecord v, List<String> pipelines) {
        boolean running = false;
        for (String pipeline : pipelines) {
            PipelineRunRecord run = runs.run(job.id(), v.k(), v.checkRound(), pipeline)
                    .orElseGet(() -> queue(job, v, pipeline));
            if (run.running() && !look(job, run)) {
                running = true;
            }
        }
        return running ? Optional.of(clock.instant().plus(properties.pollInterval())) : Optional.empty();
    }

    /** Whether the round has pipeline runs recorded. */
    public boolean started(JobRecord job, VariantRecord v) {
        return !runs.runs(job.id(), v.k(), v.checkRound()).isEmpty();
    }

    /**
     * Ends the round's running runs as {@code state} (timed out, stopped, error) for {@code reason}, each marked for
     * cancellation in Azure DevOps.
     */
    public void stop(JobRecord job, VariantRecord v, State state, String reason) {
        for (PipelineRunRecord run : runs.runs(job.id(), v.k(), v.checkRound())) {
            if (run.running()) {
                runs.stopped(run, state, reason, clock.instant());
            }
        }
    }

    /** The round's runs as check outcomes, in the order they were queued. */
    public List<CheckOutcome> outcomes(JobRecord job, VariantRecord v) {
        return runs.runs(job.id(), v.k(), v.checkRound()).stream().map(PipelineChecks::outcome).toList();
    }

    private PipelineRunRecord queue(JobRecord job, VariantRecord v, String pipeline) {
        Instant now = clock.instant();
        PipelineRunRecord record;
        try {
            PipelineRef ref = adapter.pipeline(job.repository(), pipeline);
            PipelineRun run = adapter.queuePipelineRun(job.repository(), ref.id(),
                    new QueuePipelineRunRequest(v.branch(), v.commitSha()));
            record = PipelineRunRecord.queued(job.id(), v.k(), v.checkRound(), pipeline, v.commitSha(), ref.id(),
                    ref.name(), run.runId(), run.name(), run.webUrl(), State.RUNNING, runState(run.state()), null, now,
                    null);
            log.info("Job {} variant {} round {}: pipeline {} run {} ({})", job.id(), v.k(), v.checkRound(),
                    ref.name(), run.runId(), run.created() ? "queued" : "found");
        } catch (CallFailure e) {
            if (e.isTransient()) {
                throw e;
            }
            record = PipelineRunRecord.queued(job.id(), v.k(), v.checkRound(), pipeline, v.commitSha(), null, null,
                    null, null, null, State.ERROR, null, e.getMessage(), now, now);
        }
        runs.record(record);
        progress.changed(job.id());
        return runs.run(job.id(), v.k(), v.checkRound(), pipeline).orElseThrow();
    }

    /** Looks at a running run once; true when it ended (and is recorded so). */
    private boolean look(JobRecord job, PipelineRunRecord run) {
        Instant now = clock.instant();
        PipelineRun current;
        try {
            current = adapter.pipelineRun(job.repository(), run.pipelineId(), run.runId());
        } catch (CallFailure e) {
            if (e.isTransient()) {
                throw e;
            }
            runs.ended(run, State.ERROR, null, null, List.of(), List.of(), e.getMessage(), now);
            return true;
        }
        if (!current.completed() && runs.seen(run, runState(current.state()))) {
            progress.changed(job.id());
        }
        if (current.completed()) {
            PipelineTests tests;
            String note = null;
            try {
                tests = adapter.pipelineTests(job.repository(), run.pipelineId(), run.runId());
            } catch (CallFailure e) {
                if (e.isTransient()) {
                    throw e;
                }
                tests = PipelineTests.none();
                note = "test results not read: " + e.getMessage();
            }
            List<String> errorLines = current.result() == PipelineRunResult.FAILED && tests.failingTests().isEmpty()
                    ? errorLines(job, run) : List.of();
            runs.ended(run, State.COMPLETED, result(current.result()), tests.counts(), tests.failingTests(),
                    errorLines, note, now);
            progress.changed(job.id());
            return true;
        }
        if (Duration.between(run.queuedAt(), now).compareTo(properties.timeout()) >= 0) {
            runs.stopped(run, State.TIMED_OUT, "still running after " + properties.timeout().toMinutes()
                    + " min (CODEAGENT_ADO_CHECK_TIMEOUT)", now);
            return true;
        }
        return false;
    }

    /**
     * Why a run failed without a failing test, as error lines like the runner's: its timeline's error issues, then
     * the end of the failed task's log. Best effort: the run's result stands without them, and its link remains.
     */
    private List<String> errorLines(JobRecord job, PipelineRunRecord run) {
        PipelineFailure failure;
        try {
            failure = adapter.pipelineFailure(job.repository(), run.pipelineId(), run.runId());
        } catch (CallFailure e) {
            log.info("Job {}: why run {} of pipeline {} failed was not read: {}", job.id(), run.runId(),
                    run.displayName(), e.getMessage());
            return List.of();
        }
        if (failure.logTail().isEmpty()) {
            return failure.errors().stream().limit(MAX_ERROR_LINES).toList();
        }
        // The comment on the pull request and the dashboard show ten lines: the log's last ones must be among them.
        List<String> lines = new ArrayList<>(failure.errors().stream().limit(MAX_ISSUES_WITH_LOG).toList());
        lines.add("End of the log of " + (failure.failedTask() == null ? "the failed task"
                : "'" + failure.failedTask() + "'") + ":");
        List<String> tail = failure.logTail();
        lines.addAll(tail.subList(Math.max(0, tail.size() - (SHOWN_ERROR_LINES - lines.size())), tail.size()));
        return lines;
    }

    /** The run's state as Azure DevOps names it ({@code RunState}). */
    private static String runState(PipelineRunState state) {
        return switch (state == null ? PipelineRunState.UNKNOWN : state) {
            case IN_PROGRESS -> "inProgress";
            case CANCELING -> "canceling";
            case COMPLETED -> "completed";
            case UNKNOWN -> "unknown";
        };
    }

    private static String result(PipelineRunResult result) {
        return result == null ? "unknown" : result.name().toLowerCase(Locale.ROOT);
    }

    static CheckOutcome outcome(PipelineRunRecord run) {
        CheckStatus status = switch (run.state()) {
            case COMPLETED -> switch (String.valueOf(run.result())) {
                case "succeeded" -> CheckStatus.PASSED;
                case "failed" -> CheckStatus.FAILED;
                case "canceled" -> CheckStatus.CANCELLED;
                default -> CheckStatus.ERROR;
            };
            case TIMED_OUT -> CheckStatus.TIMED_OUT;
            case STOPPED -> CheckStatus.CANCELLED;
            case ERROR, RUNNING -> CheckStatus.ERROR;
        };
        List<String> errors = new ArrayList<>();
        if (run.error() != null) {
            errors.add(run.error());
        }
        errors.addAll(run.errorLines());
        if (status == CheckStatus.FAILED && run.failingTests().isEmpty() && run.errorLines().isEmpty()
                && run.webUrl() != null) {
            errors.add("The run failed without a failing test; its log: " + run.webUrl());
        }
        if (status == CheckStatus.CANCELLED && run.error() == null) {
            errors.add("The run was canceled in Azure DevOps");
        }
        long duration = run.finishedAt() == null ? 0 : Duration.between(run.queuedAt(), run.finishedAt()).toMillis();
        String command = "Azure DevOps pipeline " + run.displayName()
                + (run.runId() == null ? "" : ", run " + (run.runName() != null ? run.runName() : run.runId()));
        return new CheckOutcome(run.displayName(), command, status, null, run.tests(), run.failingTests(), errors,
                Math.max(0, duration), run.webUrl());
    }
}
