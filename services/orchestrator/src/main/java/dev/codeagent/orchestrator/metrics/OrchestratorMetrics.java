package dev.codeagent.orchestrator.metrics;

import dev.codeagent.contracts.job.Outcome;
import dev.codeagent.contracts.job.RuntimeStatus;
import dev.codeagent.contracts.job.VariantState;
import dev.codeagent.orchestrator.job.JobQueue;
import dev.codeagent.orchestrator.job.JobStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.springframework.stereotype.Component;

/**
 * The orchestrator's own metrics: {@code codeagent_jobs_finished_total{outcome,status}},
 * {@code codeagent_jobs_started_total{kind}}, {@code codeagent_jobs_refused_total}, {@code codeagent_variant_duration_seconds{state}},
 * {@code codeagent_step_retries_total{step}} and the gauges {@code codeagent_jobs_backlog} (jobs not finished yet),
 * {@code codeagent_jobs_running} and {@code codeagent_jobs_queued} (the caps on running work), read from the database
 * so every replica reports the shared value.
 */
@Component
public class OrchestratorMetrics {

    private final MeterRegistry registry;

    public OrchestratorMetrics(MeterRegistry registry, JobStore store, JobQueue queue) {
        this.registry = registry;
        gauge("codeagent.jobs.backlog", "Jobs accepted but not finished", store::backlog);
        gauge("codeagent.jobs.running", "Jobs admitted under the caps on running work and not finished, "
                + "across all replicas", queue::running);
        gauge("codeagent.jobs.queued", "Jobs waiting in the queue for the caps on running work to admit them",
                queue::queued);
    }

    /** A gauge read from the database, so that every replica reports the shared value; NaN while it cannot be read. */
    private void gauge(String name, String description, LongSupplier value) {
        Gauge.builder(name, value, v -> {
                    try {
                        return v.getAsLong();
                    } catch (RuntimeException e) {
                        return Double.NaN;
                    }
                })
                .description(description)
                // The supplier is a lambda nothing else holds; a weak reference would let it be collected.
                .strongReference(true)
                .register(registry);
    }

    public void jobStarted(String kind) {
        Counter.builder("codeagent.jobs.started").tag("kind", kind.toLowerCase(Locale.ROOT))
                .description("Jobs accepted").register(registry).increment();
    }

    public void jobRefused() {
        Counter.builder("codeagent.jobs.refused")
                .description("Edit commands refused because the queue was full (CODEAGENT_MAX_QUEUED_JOBS)")
                .register(registry).increment();
    }

    public void jobFinished(RuntimeStatus status, Outcome outcome) {
        Counter.builder("codeagent.jobs.finished")
                .tag("status", status.name().toLowerCase(Locale.ROOT))
                .tag("outcome", outcome == null ? "none" : outcome.name().toLowerCase(Locale.ROOT))
                .description("Jobs finished, by runtime status and outcome").register(registry).increment();
    }

    public void variantFinished(VariantState state, Duration duration) {
        Timer.builder("codeagent.variant.duration").tag("state", state.name().toLowerCase(Locale.ROOT))
                .description("Time from a variant's start to its end").register(registry)
                .record(duration.isNegative() ? Duration.ZERO : duration);
    }

    public void stepRetried(String step) {
        Counter.builder("codeagent.step.retries").tag("step", step)
                .description("Workflow steps retried after a transient failure").register(registry).increment();
    }
}
