package dev.codeagent.orchestrator.workflow;

import dev.codeagent.contracts.check.CheckOutcome;
import dev.codeagent.contracts.check.CheckRunResult;
import dev.codeagent.contracts.check.CheckStatus;
import dev.codeagent.contracts.pipeline.PipelineRef;
import dev.codeagent.contracts.pipeline.PipelineRun;
import dev.codeagent.contracts.pipeline.PipelineRunResult;
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
 * {@link CheckOutcome} of the round, with its test results and a link to its page.
 */
@Component
public class PipelineChecks {

    private static final Logger log = LoggerFactory.getLogger(PipelineChecks.class);

    private final AdapterClient adapter;
    private final PipelineRunStore runs;
    private final PipelineCheckProperties properties;
    private final Clock clock;

    public PipelineChecks(AdapterClient adapter, PipelineRunStore runs, PipelineCheckProperties properties,
            Clock clock) {
        this.adapter = adapter;
        this.runs = runs;
        this.properties = properties;
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

    /** Ends the round's running runs as {@code state} (timed out, stopped, error) for {@code reason}. */
    public void stop(JobRecord job, VariantRecord v, State state, String reason) {
        for (PipelineRunRecord run : runs.runs(job.id(), v.k(), v.checkRound())) {
            if (run.running()) {
                runs.ended(run, state, null, null, List.of(), reason, clock.instant());
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
            record = new PipelineRunRecord(job.id(), v.k(), v.checkRound(), pipeline, v.commitSha(), ref.id(),
                    ref.name(), run.runId(), run.name(), run.webUrl(), State.RUNNING, null, null, List.of(), null,
                    now, null);
            log.info("Job {} variant {} round {}: pipeline {} run {} ({})", job.id(), v.k(), v.checkRound(),
                    ref.name(), run.runId(), run.created() ? "queued" : "found");
        } catch (CallFailure e) {
            if (e.isTransient()) {
                throw e;
            }
            record = new PipelineRunRecord(job.id(), v.k(), v.checkRound(), pipeline, v.commitSha(), null, null,
                    null, null, null, State.ERROR, null, null, List.of(), e.getMessage(), now, now);
        }
        runs.record(record);
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
            runs.ended(run, State.ERROR, null, null, List.of(), e.getMessage(), now);
            return true;
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
            runs.ended(run, State.COMPLETED, result(current.result()), tests.counts(), tests.failingTests(), note,
                    now);
            return true;
        }
        if (Duration.between(run.queuedAt(), now).compareTo(properties.timeout()) >= 0) {
            runs.ended(run, State.TIMED_OUT, null, null, List.of(), "still running after "
                    + properties.timeout().toMinutes() + " min (CODEAGENT_ADO_CHECK_TIMEOUT)", now);
            return true;
        }
        return false;
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
        if (status == CheckStatus.FAILED && run.failingTests().isEmpty() && run.webUrl() != null) {
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
