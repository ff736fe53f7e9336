package dev.codeagent.healthmonitor.status;

import dev.codeagent.healthmonitor.config.MonitorProperties;
import dev.codeagent.healthmonitor.config.Target;
import dev.codeagent.healthmonitor.config.TargetCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** What the monitor knows about every target: current status, history and recent changes. */
@Component
public class StatusBoard {

    private static final int RECENT_POINTS = 40;

    private final Map<String, TargetTrack> tracks = new LinkedHashMap<>();
    private final Deque<StatusChange> changes = new ArrayDeque<>();
    private final MonitorProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public StatusBoard(TargetCatalog catalog, MonitorProperties properties, ApplicationEventPublisher events,
            Clock clock) {
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        Instant now = clock.instant();
        for (Target target : catalog.targets()) {
            tracks.put(target.name(), new TargetTrack(target, properties.historySize(),
                    properties.failureThreshold(), now));
        }
    }

    /** Targets whose next check is due now. */
    public synchronized List<Target> due(Instant now) {
        List<Target> due = new ArrayList<>();
        Duration retry = properties.retryInterval().compareTo(properties.interval()) < 0
                ? properties.retryInterval() : properties.interval();
        for (TargetTrack track : tracks.values()) {
            if (track.due(now, properties.interval(), retry)) {
                due.add(track.target());
            }
        }
        return due;
    }

    /** Records a check and publishes the change it causes, if any. */
    public void record(String name, CheckResult result) {
        StatusChangedEvent event;
        synchronized (this) {
            TargetTrack track = tracks.get(name);
            if (track == null) {
                throw new IllegalArgumentException("Unknown target " + name);
            }
            StatusChange change = track.record(result);
            if (change == null) {
                return;
            }
            changes.addFirst(change);
            while (changes.size() > properties.changesKept()) {
                changes.removeLast();
            }
            event = new StatusChangedEvent(change, detail(track, clock.instant()), overall());
        }
        events.publishEvent(event);
    }

    public synchronized OverallStatus overall() {
        boolean optionalDown = false;
        for (TargetTrack track : tracks.values()) {
            if (track.status() == ServiceStatus.DOWN) {
                if (track.target().critical()) {
                    return OverallStatus.UNHEALTHY;
                }
                optionalDown = true;
            }
        }
        return optionalDown ? OverallStatus.DEGRADED : OverallStatus.HEALTHY;
    }

    public synchronized HealthReport health() {
        Map<String, ServiceHealth> services = new LinkedHashMap<>();
        for (TargetTrack track : tracks.values()) {
            services.put(track.target().name(), new ServiceHealth(track.status(), track.target().critical(),
                    track.latencyMs(), track.error(), track.since()));
        }
        return new HealthReport(overall(), services);
    }

    public synchronized ServicesReport services() {
        Instant now = clock.instant();
        List<ServiceDetail> details = new ArrayList<>();
        for (TargetTrack track : tracks.values()) {
            details.add(detail(track, now));
        }
        return new ServicesReport(overall(), now, properties.interval().toMillis(),
                properties.uptimeWindow().toMillis(), details, List.copyOf(changes));
    }

    /** Whether the named target is up; false for unknown names. For metrics. */
    public synchronized boolean isUp(String name) {
        TargetTrack track = tracks.get(name);
        return track != null && track.status() == ServiceStatus.UP;
    }

    /** Whether the named target has failed every check since the monitor started. */
    public synchronized boolean neverUp(String name) {
        TargetTrack track = tracks.get(name);
        return track != null && !track.everUp();
    }

    /** Latency of the named target's latest check in milliseconds, NaN before any. For metrics. */
    public synchronized double latencyMs(String name) {
        TargetTrack track = tracks.get(name);
        return track == null || track.latencyMs() == null ? Double.NaN : track.latencyMs();
    }

    private ServiceDetail detail(TargetTrack track, Instant now) {
        List<CheckResult> history = track.history();
        Instant windowStart = now.minus(properties.uptimeWindow());
        int inWindow = 0;
        int upInWindow = 0;
        for (CheckResult check : history) {
            if (!check.at().isBefore(windowStart)) {
                inWindow++;
                if (check.up()) {
                    upInWindow++;
                }
            }
        }
        Double uptime = inWindow == 0 ? null : Math.round(upInWindow * 10000.0 / inWindow) / 100.0;
        List<ServiceDetail.HistoryPoint> recent = history.subList(Math.max(0, history.size() - RECENT_POINTS),
                history.size()).stream()
                .map(c -> new ServiceDetail.HistoryPoint(c.at(), c.up(), c.latencyMs()))
                .toList();
        CheckResult last = track.last();
        Target target = track.target();
        return new ServiceDetail(target.name(), target.displayUrl(), target.critical(),
                target.expectedStatus().toString(), track.status(), track.checked(), track.since(),
                track.latencyMs(), last == null ? null : last.httpStatus(), track.error(),
                last == null ? null : last.at(), uptime, inWindow, recent);
    }
}
