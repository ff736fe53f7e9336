package dev.codeagent.healthmonitor.metrics;

import dev.codeagent.healthmonitor.config.Target;
import dev.codeagent.healthmonitor.config.TargetCatalog;
import dev.codeagent.healthmonitor.status.StatusBoard;
import dev.codeagent.healthmonitor.status.StatusChangedEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Prometheus view of the board: {@code codeagent_service_up{service}} (1 up, 0 down),
 * {@code codeagent_service_check_latency_seconds{service}}, {@code codeagent_service_status_changes_total}
 * and {@code codeagent_health_status} (0 healthy, 1 degraded, 2 unhealthy).
 */
@Component
public class ServiceMetrics implements MeterBinder {

    private final TargetCatalog catalog;
    private final StatusBoard board;
    private MeterRegistry registry;

    public ServiceMetrics(TargetCatalog catalog, StatusBoard board) {
        this.catalog = catalog;
        this.board = board;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        for (Target target : catalog.targets()) {
            String name = target.name();
            String critical = Boolean.toString(target.critical());
            Gauge.builder("codeagent.service.up", board, b -> b.isUp(name) ? 1 : 0)
                    .description("Whether the target answered its health check as expected (1) or not (0)")
                    .tag("service", name).tag("critical", critical)
                    .register(registry);
            Gauge.builder("codeagent.service.check.latency", board, b -> b.latencyMs(name) / 1000.0)
                    .description("Duration of the target's latest health check")
                    .baseUnit("seconds")
                    .tag("service", name).tag("critical", critical)
                    .register(registry);
        }
        Gauge.builder("codeagent.health.status", board, b -> b.overall().ordinal())
                .description("Aggregate health: 0 healthy, 1 degraded (optional target down), 2 unhealthy")
                .register(registry);
    }

    @EventListener
    void onStatusChanged(StatusChangedEvent event) {
        MeterRegistry r = registry;
        if (r != null && !event.change().initial()) {
            Counter.builder("codeagent.service.status.changes")
                    .description("Transitions of a target between up and down")
                    .tag("service", event.change().service())
                    .tag("to", event.change().to().name())
                    .register(r)
                    .increment();
        }
    }
}
