package dev.codeagent.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * The gateway's own meters. Meters are cached by tag combination so that the hot path does a map
 * lookup, not a registry lookup; every tag value comes from a small fixed set (never from the payload).
 */
@Component
public class GatewayMetrics {

    private final MeterRegistry registry;
    private final DistributionSummary handoffBatchSize;
    private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, DeliveryMeters> deliveries = new ConcurrentHashMap<>();

    private record DeliveryMeters(Counter count, Timer duration) {
    }

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.handoffBatchSize = DistributionSummary.builder("codeagent.gateway.handoff.batch.size")
                .description("Commands per batch handed to the orchestrator in one call")
                .register(registry);
    }

    /**
     * {@code codeagent.gateway.deliveries} (counter) and {@code codeagent.gateway.delivery.duration} (timer:
     * from the controller's first look at the delivery to its answer): one per delivery, by endpoint, event
     * type and outcome. They replace Spring MVC's http.server.requests, which the gateway switches off.
     */
    public void delivery(String endpoint, String eventType, String outcome, long startedNanos) {
        String key = endpoint + '|' + eventType + '|' + outcome;
        DeliveryMeters meters = deliveries.get(key);
        if (meters == null) {
            meters = deliveries.computeIfAbsent(key, k -> new DeliveryMeters(
                    Counter.builder("codeagent.gateway.deliveries")
                            .description("Deliveries received, by endpoint, event type and outcome")
                            .tags("endpoint", endpoint, "event", eventType, "outcome", outcome)
                            .register(registry),
                    Timer.builder("codeagent.gateway.delivery.duration")
                            .description("Time the gateway took to answer a delivery, hand-off included")
                            .tags("endpoint", endpoint, "event", eventType, "outcome", outcome)
                            .register(registry)));
        }
        meters.count().increment();
        meters.duration().record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    /** {@code codeagent.gateway.commands}: parse outcomes (edit, help, rejected, not-a-command). */
    public void parsed(String outcome) {
        counters.computeIfAbsent("p|" + outcome, k -> Counter.builder("codeagent.gateway.commands")
                .description("Comments parsed, by outcome")
                .tag("outcome", outcome)
                .register(registry)).increment();
    }

    /** {@code codeagent.gateway.auth.failures}: refused credentials, by endpoint and reason. */
    public void authFailure(String endpoint, String reason) {
        counters.computeIfAbsent("a|" + endpoint + '|' + reason, k -> Counter
                .builder("codeagent.gateway.auth.failures")
                .description("Deliveries refused for missing or wrong credentials")
                .tags("endpoint", endpoint, "reason", reason)
                .register(registry)).increment();
    }

    /** {@code codeagent.gateway.handoff}: duration of the hand-off to the orchestrator, retries included. */
    public void handoff(String outcome, long nanos) {
        timers.computeIfAbsent(outcome, k -> Timer.builder("codeagent.gateway.handoff")
                .description("Hand-off of a command to the orchestrator, retries included")
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * {@code codeagent.gateway.handoff.batch.size}: commands per batch sent to the orchestrator (once per
     * batch; its retries are not counted again).
     */
    public void handoffBatch(int commands) {
        handoffBatchSize.record(commands);
    }

    /** {@code codeagent.gateway.handoff.errors}: failed calls, by reason (each retry counts). */
    public void handoffError(String reason) {
        counters.computeIfAbsent("e|" + reason, k -> Counter.builder("codeagent.gateway.handoff.errors")
                .description("Failed attempts to hand a command to the orchestrator")
                .tag("reason", reason)
                .register(registry)).increment();
    }
}
