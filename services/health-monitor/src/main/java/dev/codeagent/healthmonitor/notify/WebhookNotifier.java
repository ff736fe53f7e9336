package dev.codeagent.healthmonitor.notify;

import dev.codeagent.healthmonitor.config.MonitorProperties;
import dev.codeagent.healthmonitor.recovery.ContainerRestart;
import dev.codeagent.healthmonitor.status.HealthReport;
import dev.codeagent.healthmonitor.status.ServiceHealth;
import dev.codeagent.healthmonitor.status.ServiceStatus;
import dev.codeagent.healthmonitor.status.StatusBoard;
import dev.codeagent.healthmonitor.status.StatusChange;
import dev.codeagent.healthmonitor.status.StatusChangedEvent;
import dev.codeagent.platform.concurrent.DaemonThreads;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts {@code {"text": "..."}} to {@code CODEAGENT_MONITOR_WEBHOOK_URL} when a target goes down or comes back
 * (Slack and Microsoft Teams incoming webhooks accept this shape), and when the monitor restarted a hung target's
 * containers or could not.
 *
 * <p>Services that start together answer "down" for a while, so first checks are not news: a target that is
 * down from the start is reported once, if it is still down after a startup grace period (three intervals,
 * at least 30 s); a recovery is reported only for an outage that was reported. Failures are logged, never
 * retried: the next change sends a fresh message. The URL authorises posting, so it is never logged.
 */
@Component
public class WebhookNotifier implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookNotifier.class);
    private static final Duration MIN_GRACE = Duration.ofSeconds(30);

    private final URI url;
    private final MonitorProperties properties;
    private final StatusBoard board;
    private final JsonMapper jsonMapper;
    private final HttpClient client;
    private final NotificationText text;
    private final Duration startupGrace;
    /** Targets whose outage was announced, so their recovery is news. */
    private final Set<String> announcedDown = ConcurrentHashMap.newKeySet();
    private volatile ScheduledExecutorService timer;

    public WebhookNotifier(MonitorProperties properties, StatusBoard board, JsonMapper jsonMapper) {
        this.properties = properties;
        this.board = board;
        this.jsonMapper = jsonMapper;
        this.url = properties.webhookUrl() == null || properties.webhookUrl().isBlank() ? null
                : parse(properties.webhookUrl().strip());
        this.client = url == null ? null : HttpClient.newBuilder()
                .connectTimeout(properties.webhookTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.text = new NotificationText(properties.dashboardUrl());
        Duration threeIntervals = properties.interval().multipliedBy(3);
        this.startupGrace = threeIntervals.compareTo(MIN_GRACE) > 0 ? threeIntervals : MIN_GRACE;
    }

    public boolean enabled() {
        return url != null;
    }

    @EventListener
    void onStatusChanged(StatusChangedEvent event) {
        StatusChange change = event.change();
        if (url == null || change.initial()) {
            return;
        }
        if (change.to() == ServiceStatus.DOWN) {
            announcedDown.add(change.service());
            post(change.service(), text.describe(change, event.overall()));
        } else if (announcedDown.remove(change.service())) {
            post(change.service(), text.describe(change, event.overall()));
        }
    }

    @EventListener
    void onContainerRestart(ContainerRestart restart) {
        if (url != null) {
            post(restart.service(), text.describe(restart));
        }
    }

    /** After the startup grace: reports targets that have been down ever since the monitor started. */
    void reportDownSinceStart() {
        HealthReport health = board.health();
        for (Map.Entry<String, ServiceHealth> entry : health.services().entrySet()) {
            ServiceHealth service = entry.getValue();
            if (service.status() == ServiceStatus.DOWN && !announcedDown.contains(entry.getKey())
                    && board.neverUp(entry.getKey())) {
                announcedDown.add(entry.getKey());
                StatusChange change = new StatusChange(entry.getKey(), service.critical(), null, ServiceStatus.DOWN,
                        service.since(), service.error(), null);
                post(entry.getKey(), text.describe(change, health.status()));
            }
        }
    }

    private void post(String service, String message) {
        byte[] body = jsonMapper.writeValueAsBytes(Map.of("text", message));
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(properties.webhookTimeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (failure != null) {
                log.warn("Webhook notification about {} failed: {}", service, failure.toString());
            } else if (response.statusCode() >= 300) {
                log.warn("Webhook notification about {} was refused with HTTP {}", service, response.statusCode());
            } else {
                log.info("Notified webhook: {}", message);
            }
        });
    }

    @Override
    public synchronized void start() {
        if (url == null || timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("webhook-startup-grace"));
        timer.schedule(this::reportDownSinceStart, startupGrace.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }

    private static URI parse(String value) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("CODEAGENT_MONITOR_WEBHOOK_URL is not a valid URL");
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            throw new IllegalStateException("CODEAGENT_MONITOR_WEBHOOK_URL must be an http(s) URL");
        }
        return uri;
    }
}
