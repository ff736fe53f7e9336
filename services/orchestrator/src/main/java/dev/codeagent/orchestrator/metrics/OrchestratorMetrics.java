package dev.codeagent.orchestrator.metrics;

import dev.codeagent.contracts.job.Outcome;
import dev.codeagent.contracts.job.RuntimeStatus;
import dev.codeagent.contracts.job.VariantState;
import dev.codeagent.orchestrator.job.JobStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The orchestrator's own metrics: {@code codeagent_jobs_finished_total{outcome,status}},
 * {@code codeagent_jobs_started_total{kind}}, {@code codeagent_variant_duration_seconds{state}},
 * {@code codeagent_step_retries_total{step}} and the backlog gauge {@code codeagent_jobs_backlog}
 * (jobs not finished yet, read from the database so every replica reports the shared value).
 */
@Component
public class OrchestratorMetrics {

    private final MeterRegistry registry;

    public OrchestratorMetrics(MeterRegistry registry, JobStore store) {
        this.registry = registry;
        Gauge.builder("codeagent.jobs.backlog", store, s -> {
                    try {
                        return s.backlog();
                    } catch (RuntimeException e) {
                        return Double.NaN;
                    }
                })
                .description("Jobs accepted but not finished")
                .register(registry);
    }

    public void jobStarted(String kind) {
        Counter.builder("codeagent.jobs.started").tag("kind", kind.toLowerCase(Locale.ROOT))
                .description("Jobs accepted").register(registry).increment();
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
