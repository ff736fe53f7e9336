package dev.codeagent.orchestrator.workflow;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceException;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The db-scheduler tasks of a job: one prepare instance per job, one variant instance per variant k, one
 * fan-in instance, a deadline that stops a job that runs too long, and one instance that cancels the Azure DevOps
 * pipeline runs the job stopped following. Instance ids are derived from the
 * job id, so scheduling the same step twice is a no-op.
 */
public final class JobTasks {

    public static final TaskDescriptor<Void> PREPARE = TaskDescriptor.of("codeagent-job-prepare");
    public static final TaskDescriptor<Void> VARIANT = TaskDescriptor.of("codeagent-job-variant");
    public static final TaskDescriptor<Void> FAN_IN = TaskDescriptor.of("codeagent-job-fan-in");
    public static final TaskDescriptor<Void> DEADLINE = TaskDescriptor.of("codeagent-job-deadline");
    public static final TaskDescriptor<Void> PIPELINE_CANCEL = TaskDescriptor.of("codeagent-job-pipeline-cancel");

    private JobTasks() {
    }

    public static TaskInstance<Void> prepare(String jobId) {
        return PREPARE.instance(jobId).build();
    }

    public static TaskInstance<Void> variant(String jobId, int k) {
        return VARIANT.instance(jobId + "/" + k).build();
    }

    public static TaskInstance<Void> fanIn(String jobId) {
        return FAN_IN.instance(jobId).build();
    }

    public static TaskInstance<Void> deadline(String jobId) {
        return DEADLINE.instance(jobId).build();
    }

    public static TaskInstance<Void> pipelineCancel(String jobId) {
        return PIPELINE_CANCEL.instance(jobId).build();
    }

    /**
     * Schedules the instance unless it is already scheduled, also when another worker schedules it at the same
     * moment: db-scheduler looks before it inserts, so when the last two variants of a job end together both
     * see no fan-in and the second insert fails on the primary key. That is the outcome wanted, not a failure
     * of the variant step — even if the other worker's fan-in has run and gone by the time this one looks.
     */
    static void scheduleOnce(SchedulerClient scheduler, TaskInstance<Void> instance, Instant at) {
        try {
            scheduler.scheduleIfNotExists(instance, at);
        } catch (TaskInstanceException e) {
            if (!isDuplicateKey(e)
                    && scheduler.getScheduledExecution(TaskInstanceId.of(instance.getTaskName(), instance.getId())).isEmpty()) {
                throw e;
            }
        }
    }

    /** SQLSTATE 23505 (unique violation) anywhere in the cause chain; H2 and PostgreSQL both use it. */
    private static boolean isDuplicateKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    public static TaskInstanceId variantId(String jobId, int k) {
        return VARIANT.instanceId(jobId + "/" + k);
    }

    /** Job id of a variant instance id ({@code <jobId>/<k>}). */
    static String jobOf(String variantInstanceId) {
        return variantInstanceId.substring(0, variantInstanceId.lastIndexOf('/'));
    }

    /** k of a variant instance id. */
    static int kOf(String variantInstanceId) {
        return Integer.parseInt(variantInstanceId.substring(variantInstanceId.lastIndexOf('/') + 1));
    }
}
