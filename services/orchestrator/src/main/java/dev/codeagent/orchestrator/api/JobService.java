package dev.codeagent.orchestrator.api;

import com.github.kagkarlsson.scheduler.Scheduler;
import dev.codeagent.contracts.ProblemTypes;
import dev.codeagent.contracts.command.CommandKind;
import dev.codeagent.contracts.command.StartJobRequest;
import dev.codeagent.contracts.job.JobPage;
import dev.codeagent.contracts.job.JobView;
import dev.codeagent.orchestrator.config.WorkflowProperties;
import dev.codeagent.orchestrator.job.JobFilter;
import dev.codeagent.orchestrator.job.JobRecord;
import dev.codeagent.orchestrator.job.JobStore;
import dev.codeagent.orchestrator.job.JobViews;
import dev.codeagent.orchestrator.job.NewJob;
import dev.codeagent.orchestrator.job.PageCursor;
import dev.codeagent.orchestrator.job.VariantRecord;
import dev.codeagent.orchestrator.metrics.OrchestratorMetrics;
import dev.codeagent.orchestrator.workflow.JobTasks;
import dev.codeagent.orchestrator.workflow.JobWaker;
import dev.codeagent.orchestrator.workflow.Times;
import dev.codeagent.platform.web.ApiProblemException;
import dev.codeagent.platform.web.CorrelationId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

    private static final Logger log = LoggerFactory.getLogger(JobService.class);

    private final JobStore store;
    private final Scheduler scheduler;
    private final TransactionTemplate transactions;
    private final WorkflowProperties properties;
    private final JobWaker waker;
    private final OrchestratorMetrics metrics;

    public JobService(JobStore store, Scheduler scheduler, TransactionTemplate transactions,
            WorkflowProperties properties, JobWaker waker, OrchestratorMetrics metrics) {
        this.store = store;
        this.scheduler = scheduler;
        this.transactions = transactions;
        this.properties = properties;
        this.waker = waker;
        this.metrics = metrics;
    }

    /**
     * The job for the request's key, and whether this call created it. This is the gateway's hand-off, so
     * it costs as few statements as possible: the insert is tried first (a new command is the common case)
     * and the unique key on the idempotency key decides between new and duplicate — whichever request or
     * replica commits first creates the job, the others read it back.
     */
    public Started start(StartJobRequest request) {
        validate(request);
        Instant now = Times.now();
        String id = UUID.randomUUID().toString();
        String corrId = CorrelationId.current() != null ? CorrelationId.current() : CorrelationId.generate();
        NewJob job = new NewJob(id, request, corrId, now, now.plus(properties.jobTimeout()));
        try {
            // The job row (with its comment, author, delivery and time) is the record of the acceptance; the
            // audit trail starts when the job does. The task's id is the fresh job id, so it is inserted
            // without the existence check of scheduleIfNotExists.
            transactions.executeWithoutResult(tx -> {
                store.insert(job);
                scheduler.scheduleBatch(List.of(JobTasks.prepare(id)), now);
            });
        } catch (DuplicateKeyException e) {
            // Rolled back as a whole: the key already has its job (its transaction committed first).
            return new Started(store.findByKey(request.idempotencyKey()).map(JobRecord::id).orElseThrow(() -> e),
                    false);
        }
        // Scheduled inside the transaction, so the scheduler could not see it yet: look now that it is committed.
        scheduler.triggerCheckForDueExecutions();
        metrics.jobStarted(request.kind().name());
        log.info("Job {} accepted: {} on {} PR {} ({} variants)", id, request.kind(), request.repository().slug(),
                request.pullRequestId(), request.variants());
        return new Started(id, true);
    }

    public JobView view(String id) {
        JobRecord job = find(id);
        return JobViews.job(job, store.variants(id));
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
        Map<String, List<VariantRecord>> variants = store.variantsOf(page.stream().map(JobRecord::id).toList());
        List<JobView> items = page.stream()
                .map(j -> JobViews.job(j, variants.getOrDefault(j.id(), List.of())))
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
        if (store.requestCancel(id, JobRecord.CANCEL_TERMINATED, Times.now())) {
            store.audit(id, "terminate", reason == null || reason.isBlank() ? "on request" : reason, Times.now());
            log.info("Job {} terminate requested", id);
            waker.wake(scheduler, id);
        }
        return view(id);
    }

    private JobRecord find(String id) {
        return store.find(id).orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND,
                "Job not found", "No job with id " + id.replaceAll("[^A-Za-z0-9-]", "?")));
    }

    private void validate(StartJobRequest request) {
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
        return new ApiProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid start request",
                detail);
    }

    /** Result of a start: the job's id and whether this call created it. */
    public record Started(String jobId, boolean created) {
    }
}
