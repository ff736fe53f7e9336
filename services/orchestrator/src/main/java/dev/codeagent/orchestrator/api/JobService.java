package dev.codeagent.orchestrator.api;

import com.github.kagkarlsson.scheduler.Scheduler;
import dev.codeagent.contracts.ProblemTypes;
import dev.codeagent.contracts.command.CommandKind;
import dev.codeagent.contracts.command.StartJobBatchItem;
import dev.codeagent.contracts.command.StartJobRequest;
import dev.codeagent.contracts.job.JobPage;
import dev.codeagent.contracts.job.JobView;
import dev.codeagent.orchestrator.config.WorkflowProperties;
import dev.codeagent.orchestrator.artifact.ArtifactStore;
import dev.codeagent.orchestrator.job.CancelReason;
import dev.codeagent.orchestrator.job.CheckRound;
import dev.codeagent.orchestrator.job.CheckStore;
import dev.codeagent.orchestrator.job.FollowUpStore;
import dev.codeagent.orchestrator.job.JobAudit;
import dev.codeagent.orchestrator.job.JobFilter;
import dev.codeagent.orchestrator.job.JobIds;
import dev.codeagent.orchestrator.job.JobQueue;
import dev.codeagent.orchestrator.job.JobRecord;
import dev.codeagent.orchestrator.job.JobStore;
import dev.codeagent.orchestrator.job.JobViews;
import dev.codeagent.orchestrator.job.NewJob;
import dev.codeagent.orchestrator.job.PageCursor;
import dev.codeagent.orchestrator.job.PipelineRunStore;
import dev.codeagent.orchestrator.job.VariantRecord;
import dev.codeagent.orchestrator.job.VariantStore;
import dev.codeagent.orchestrator.metrics.OrchestratorMetrics;
import dev.codeagent.orchestrator.workflow.CheckCancellation;
import dev.codeagent.orchestrator.workflow.JobTasks;
import dev.codeagent.orchestrator.workflow.JobWaker;
import dev.codeagent.platform.web.ApiProblemException;
import dev.codeagent.platform.web.CorrelationId;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepting, reading, listing and terminating jobs. A start is idempotent by the command's key, enforced
 * by the database's unique constraint: whichever request (or replica) inserts first creates the job, the
 * others read it back.
 */
@Service
public class JobService {

    /** Title of the problem for an invalid start command, in the single start's answer and a batch item's. */
    public static final String INVALID_START_TITLE = "Invalid start request";
    /** Title of the problem for a command refused because too many wait to run already. */
    public static final String AT_CAPACITY_TITLE = "At capacity";
    /**
     * How long a refused sender is asked to wait: about what a running job takes to finish and let the next in.
     * The gateway's own {@code Retry-After} applies to Azure DevOps, which retries on its own schedule.
     */
    static final Duration AT_CAPACITY_RETRY_AFTER = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(JobService.class);

    private final JobStore store;
    private final VariantStore variants;
    private final JobAudit audit;
    private final Scheduler scheduler;
    private final TransactionTemplate transactions;
    private final WorkflowProperties properties;
    private final JobQueue queue;
    private final JobWaker waker;
    private final OrchestratorMetrics metrics;
    private final Validator validator;
    private final Clock clock;
    private final CapacityReplies capacityReplies;
    private final CheckStore checks;
    private final CheckCancellation checkRuns;
    private final ArtifactStore artifacts;
    private final FollowUpStore followUps;
    private final PipelineRunStore pipelineRuns;

    public JobService(JobStore store, VariantStore variants, JobAudit audit, Scheduler scheduler,
            TransactionTemplate transactions, WorkflowProperties properties, JobQueue queue, JobWaker waker,
            OrchestratorMetrics metrics, Validator validator, Clock clock, CapacityReplies capacityReplies,
            CheckStore checks, CheckCancellation checkRuns, ArtifactStore artifacts, FollowUpStore followUps,
            PipelineRunStore pipelineRuns) {
        this.store = store;
        this.variants = variants;
        this.audit = audit;
        this.scheduler = scheduler;
        this.transactions = transactions;
        this.properties = properties;
        this.queue = queue;
        this.waker = waker;
        this.metrics = metrics;
        this.validator = validator;
        this.clock = clock;
        this.capacityReplies = capacityReplies;
        this.checks = checks;
        this.checkRuns = checkRuns;
        this.artifacts = artifacts;
        this.followUps = followUps;
        this.pipelineRuns = pipelineRuns;
    }

    /**
     * The job for the request's key, and whether this call created it. This is the gateway's hand-off, so
     * it costs as few statements as possible: the insert is tried first (a new command is the common case)
     * and the unique key on the idempotency key decides between new and duplicate — whichever request or
     * replica commits first creates the job, the others read it back. A new edit command beyond
     * {@code CODEAGENT_MAX_QUEUED_JOBS} is {@link Refused}.
     */
    public StartOutcome start(StartJobRequest request) {
        validate(request);
        String corrId = CorrelationId.current() != null ? CorrelationId.current() : CorrelationId.generate();
        return accept(List.of(newJob(request, corrId, clock.instant()))).get(0);
    }

    /**
     * Starts a batch of commands, each as {@link #start} would, in one statement on PostgreSQL. Items are
     * independent: an invalid one gets its {@link Invalid} outcome and the others go ahead. Outcomes are in
     * the items' order.
     */
    public List<StartOutcome> startAll(List<StartJobBatchItem> items) {
        StartOutcome[] outcomes = new StartOutcome[items.size()];
        List<NewJob> jobs = new ArrayList<>(items.size());
        List<Integer> positions = new ArrayList<>(items.size());
        Instant now = clock.instant();
        for (int i = 0; i < items.size(); i++) {
            StartJobBatchItem item = items.get(i);
            String problem = problem(item);
            if (problem != null) {
                outcomes[i] = new Invalid(problem);
                continue;
            }
            String corrId = CorrelationId.acceptOrGenerate(item.correlationId());
            jobs.add(newJob(item.command(), corrId, now));
            positions.add(i);
        }
        List<StartOutcome> accepted = accept(jobs);
        for (int n = 0; n < accepted.size(); n++) {
            outcomes[positions.get(n)] = accepted.get(n);
        }
        return List.of(outcomes);
    }

    private NewJob newJob(StartJobRequest request, String corrId, Instant now) {
        return new NewJob(JobIds.next(now), request, corrId, now, now.plus(properties.jobTimeout()));
    }

    /** What is wrong with a batch item, as the single start API would say it, or null. */
    private String problem(StartJobBatchItem item) {
        if (item == null || item.command() == null) {
            return "command must not be null";
        }
        Set<ConstraintViolation<StartJobRequest>> violations = validator.validate(item.command());
        if (!violations.isEmpty()) {
            return violations.stream().map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted()
                    .collect(Collectors.joining("; "));
        }
        try {
            validate(item.command());
            return null;
        } catch (ApiProblemException e) {
            return e.getMessage();
        }
    }

    /**
     * Writes the jobs that are new (with their variants and first tasks) and finds the existing job of every
     * other one; refuses new edit commands beyond the queue's cap. The job row (with its comment, author,
     * delivery and time) is the record of the acceptance; the audit trail starts when the job does.
     */
    private List<StartOutcome> accept(List<NewJob> all) {
        if (all.isEmpty()) {
            return List.of();
        }
        StartOutcome[] outcomes = new StartOutcome[all.size()];
        List<NewJob> jobs = withinQueueCap(all, outcomes);
        List<Started> started = insert(jobs);
        for (int i = 0, n = 0; i < outcomes.length; i++) {
            if (outcomes[i] == null) {
                outcomes[i] = started.get(n++);
            }
        }
        return List.of(outcomes);
    }

    /**
     * The jobs that fit under {@code CODEAGENT_MAX_QUEUED_JOBS}; each other one gets its {@link Refused} in
     * {@code outcomes}. Only new edit commands are refused: a command whose key has a job already (a redelivery)
     * is answered with that job, and help and malformed commands, which only get a reply, always go through. The
     * bound is checked against the jobs committed so far, so starts racing on several replicas may pass it by
     * the few in flight at that moment; the caps on running jobs are exact.
     */
    private List<NewJob> withinQueueCap(List<NewJob> jobs, StartOutcome[] outcomes) {
        long edits = jobs.stream().filter(j -> j.request().kind() == CommandKind.EDIT).count();
        if (edits == 0) {
            return jobs;
        }
        long waiting = queue.waiting();
        long room = queue.caps().maxQueuedJobs() - waiting;
        if (edits <= room) {
            return jobs;
        }
        List<NewJob> kept = new ArrayList<>(jobs.size());
        for (int i = 0; i < jobs.size(); i++) {
            NewJob job = jobs.get(i);
            if (job.request().kind() != CommandKind.EDIT
                    || store.findByKey(job.request().idempotencyKey()).isPresent()) {
                kept.add(job);
            } else if (room > 0) {
                room--;
                kept.add(job);
            } else {
                String busy = waiting + " edit commands are waiting to run (at most " + queue.caps().maxQueuedJobs()
                        + ").";
                outcomes[i] = new Refused("Code Agent is at capacity: " + busy + " Send the command again later.",
                        AT_CAPACITY_RETRY_AFTER);
                metrics.jobRefused();
                try (CorrelationId.Scope ignored = CorrelationId.open(job.corrId())) {
                    log.warn("Command {} refused: {} edit commands waiting", job.request().idempotencyKey(), waiting);
                    capacityReplies.tell(job.request(), busy);
                }
            }
        }
        return kept;
    }

    private List<Started> insert(List<NewJob> jobs) {
        if (jobs.isEmpty()) {
            return List.of();
        }
        Set<String> created = store.singleStatementStarts()
                ? store.insertWithFirstTasks(jobs, JobTasks::prepare)
                : insertEach(jobs);
        List<Started> started = new ArrayList<>(jobs.size());
        for (NewJob job : jobs) {
            if (created.contains(job.id())) {
                started.add(new Started(job.id(), true));
                StartJobRequest request = job.request();
                metrics.jobStarted(request.kind().name());
                try (CorrelationId.Scope ignored = CorrelationId.open(job.corrId())) {
                    log.info("Job {} accepted: {} on {} PR {} ({} variants)", job.id(), request.kind(),
                            request.repository().slug(), request.pullRequestId(), request.variants());
                }
            } else {
                // The key already has its job, committed by now; nothing of this command was written.
                started.add(new Started(store.findByKey(job.request().idempotencyKey()).map(JobRecord::id)
                        .orElseThrow(() -> new IllegalStateException(
                                "the job insert conflicted, but no job has its idempotency key")), false));
            }
        }
        if (!created.isEmpty()) {
            // Scheduled with the jobs, so the scheduler could not see them yet: look now that they are committed.
            scheduler.triggerCheckForDueExecutions();
        }
        return started;
    }

    /** Each job with its variants and first task in a transaction of its own; the ids of those written. */
    private Set<String> insertEach(List<NewJob> jobs) {
        Set<String> created = new HashSet<>();
        for (NewJob job : jobs) {
            try {
                // The task's id is the fresh job id, so it is inserted without the existence check of
                // scheduleIfNotExists.
                transactions.executeWithoutResult(tx -> {
                    store.insert(job);
                    scheduler.scheduleBatch(List.of(JobTasks.prepare(job.id())), job.createdAt());
                });
                created.add(job.id());
            } catch (DuplicateKeyException e) {
                // The key's job committed first; this one was rolled back as a whole.
            }
        }
        return created;
    }

    public JobView view(String id) {
        JobRecord job = find(id);
        return JobViews.job(job, variants.variants(id), checks.rounds(id), pipelineRuns.runs(id), clock.instant(),
                followUps.followUpsOf(id), followUps.pick(id), followUps.command(id));
    }

    /** The log of a variant's round of checks, as the runner answered it. */
    public byte[] checkLog(String id, int k, int round) {
        find(id);
        return checks.round(id, k, round).map(CheckRound::logKey).flatMap(key -> key == null ? Optional.empty()
                        : artifacts.get(key))
                .orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND,
                        "Log not found", "Job " + id + " variant " + k + " has no log of checks round " + round));
    }

    public JobPage list(JobFilter filter, String continuationToken, int top) {
        PageCursor cursor = null;
        if (continuationToken != null && !continuationToken.isBlank()) {
            try {
                cursor = PageCursor.decode(continuationToken);
            } catch (IllegalArgumentException e) {
                throw new ApiProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION,
                        "Invalid continuation token", e.getMessage());
            }
        }
        List<JobRecord> jobs = store.page(filter, cursor, top + 1);
        boolean more = jobs.size() > top;
        List<JobRecord> page = more ? jobs.subList(0, top) : jobs;
        List<String> ids = page.stream().map(JobRecord::id).toList();
        Map<String, List<VariantRecord>> pageVariants = variants.variantsOf(ids);
        Map<String, Map<Integer, List<CheckRound>>> pageChecks = checks.roundsOf(ids);
        List<JobView> items = page.stream()
                .map(j -> JobViews.job(j, pageVariants.getOrDefault(j.id(), List.of()),
                        pageChecks.getOrDefault(j.id(), Map.of())))
                .toList();
        String next = more ? new PageCursor(page.get(page.size() - 1).createdAt(), page.get(page.size() - 1).id())
                .encode() : null;
        return new JobPage(items, next);
    }

    /** Requests cancellation; running variants stop at their next step. */
    public JobView terminate(String id, String reason) {
        JobRecord job = find(id);
        if (job.status().isTerminal()) {
            throw new ApiProblemException(HttpStatus.GONE, ProblemTypes.CONFLICT, "Job already finished",
                    "Job " + id + " is " + job.status() + " and cannot be terminated");
        }
        if (store.requestCancel(id, CancelReason.TERMINATED, clock.instant())) {
            audit.record(id, "terminate", reason == null || reason.isBlank() ? "on request" : reason, clock.instant());
            log.info("Job {} terminate requested", id);
            waker.wake(scheduler, id);
            checkRuns.cancelRuns(id);
        }
        return view(id);
    }

    private JobRecord find(String id) {
        return store.find(id).orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND,
                "Job not found", "No job with id " + id.replaceAll("[^A-Za-z0-9-]", "?")));
    }

    private void validate(StartJobRequest request) {
        boolean namesVariant = request.kind() == CommandKind.PICK || request.kind() == CommandKind.REFINE
                || request.kind() == CommandKind.RETRY;
        if (namesVariant && request.variant() == null) {
            throw invalid("variant must be given for a " + request.kind().name().toLowerCase(Locale.ROOT)
                    + " command");
        }
        if (request.kind() == CommandKind.REFINE && (request.intent() == null || request.intent().isBlank())) {
            throw invalid("intent (the feedback) must not be empty for a refine command");
        }
        if (request.kind() != CommandKind.EDIT) {
            return;
        }
        if (request.intent() == null || request.intent().isBlank()) {
            throw invalid("intent must not be empty for an edit command");
        }
        if (request.variants() < 1 || request.variants() > properties.maxVariants()) {
            throw invalid("variants must be between 1 and " + properties.maxVariants());
        }
    }

    private static ApiProblemException invalid(String detail) {
        return new ApiProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, INVALID_START_TITLE, detail);
    }

    /**
     * What became of a command: {@link Started}, or {@link Invalid} for a batch item. Callers answer through
     * {@link #map}, which names every kind, so a new kind does not compile until each caller handles it.
     */
    public sealed interface StartOutcome permits Started, Invalid, Refused {

        <R> R map(Function<Started, R> started, Function<Invalid, R> invalid, Function<Refused, R> refused);
    }

    /** Result of a start: the job's id and whether this call created it. */
    public record Started(String jobId, boolean created) implements StartOutcome {

        @Override
        public <R> R map(Function<Started, R> started, Function<Invalid, R> invalid, Function<Refused, R> refused) {
            return started.apply(this);
        }
    }

    /** A batch item that was not a valid command, and why (the single start API would answer 400). */
    public record Invalid(String detail) implements StartOutcome {

        @Override
        public <R> R map(Function<Started, R> started, Function<Invalid, R> invalid, Function<Refused, R> refused) {
            return invalid.apply(this);
        }
    }

    /**
     * A new edit command refused because {@code CODEAGENT_MAX_QUEUED_JOBS} commands wait to run already: nothing was
     * written for it, so the same command sent again later is a new start.
     */
    public record Refused(String detail, Duration retryAfter) implements StartOutcome {

        @Override
        public <R> R map(Function<Started, R> started, Function<Invalid, R> invalid, Function<Refused, R> refused) {
            return refused.apply(this);
        }
    }
}
