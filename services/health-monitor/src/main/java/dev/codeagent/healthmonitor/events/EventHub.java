package dev.codeagent.healthmonitor.events;

import dev.codeagent.healthmonitor.config.MonitorProperties;
import dev.codeagent.healthmonitor.recovery.ContainerRestart;
import dev.codeagent.healthmonitor.status.StatusBoard;
import dev.codeagent.healthmonitor.status.StatusChangedEvent;
import dev.codeagent.platform.concurrent.DaemonThreads;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events for the dashboard: a {@code snapshot} when a client connects, a {@code change} on every
 * status change, a {@code recovery} when the monitor restarted a target's containers (or failed to), and a comment
 * line as heartbeat. Sending happens on one dispatcher thread so a slow client
 * never stalls the poller; a client that fails a write is dropped.
 */
@Component
public class EventHub implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventHub.class);
    /** Clients reconnect on their own; a bounded lifetime keeps forgotten connections from piling up. */
    private static final long EMITTER_TIMEOUT_MS = TimeUnit.MINUTES.toMillis(30);
    private static final long RECONNECT_MS = 3000;

    private final List<SseEmitter> clients = new CopyOnWriteArrayList<>();
    private final StatusBoard board;
    private final MonitorProperties properties;
    private volatile ScheduledExecutorService dispatcher;

    public EventHub(StatusBoard board, MonitorProperties properties) {
        this.board = board;
        this.properties = properties;
    }

    /** Registers a client and queues its snapshot. */
    public SseEmitter subscribe() {
        SseEmitter emitter = new SseEmitter(EMITTER_TIMEOUT_MS);
        ScheduledExecutorService executor = dispatcher;
        if (executor == null) {
            emitter.complete();
            return emitter;
        }
        clients.add(emitter);
        emitter.onCompletion(() -> clients.remove(emitter));
        emitter.onTimeout(() -> {
            clients.remove(emitter);
            emitter.complete();
        });
        emitter.onError(e -> clients.remove(emitter));
        executor.execute(() -> send(emitter, SseEmitter.event().name("snapshot").reconnectTime(RECONNECT_MS)
                .data(board.services(), MediaType.APPLICATION_JSON)));
        return emitter;
    }

    @EventListener
    void onStatusChanged(StatusChangedEvent event) {
        ScheduledExecutorService executor = dispatcher;
        if (executor == null) {
            return;
        }
        ChangeEvent data = new ChangeEvent(event.overall(), event.change(), event.service());
        executor.execute(() -> {
            for (SseEmitter client : clients) {
                send(client, SseEmitter.event().name("change").data(data, MediaType.APPLICATION_JSON));
            }
        });
    }

    @EventListener
    void onContainerRestart(ContainerRestart restart) {
        ScheduledExecutorService executor = dispatcher;
        if (executor == null) {
            return;
        }
        executor.execute(() -> {
            for (SseEmitter client : clients) {
                send(client, SseEmitter.event().name("recovery").data(restart, MediaType.APPLICATION_JSON));
            }
        });
    }

    /** Number of connected clients. */
    public int clientCount() {
        return clients.size();
    }

    private void heartbeat() {
        for (SseEmitter client : clients) {
            send(client, SseEmitter.event().comment("heartbeat"));
        }
    }

    private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            // The client went away (or the emitter already completed): forget it quietly.
            clients.remove(emitter);
            log.debug("Dropped an event stream client: {}", e.toString());
            try {
                emitter.completeWithError(e);
            } catch (RuntimeException ignored) {
                // already completed
            }
        }
    }

    @Override
    public synchronized void start() {
        if (dispatcher != null) {
            return;
        }
        dispatcher = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("sse-dispatcher"));
        long heartbeat = properties.heartbeat().toMillis();
        dispatcher.scheduleAtFixedRate(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
    }

    /** Ends every stream first, so open dashboards do not hold up graceful shutdown. */
    @Override
    public synchronized void stop() {
        ScheduledExecutorService executor = dispatcher;
        dispatcher = null;
        if (executor != null) {
            executor.shutdownNow();
        }
        for (SseEmitter client : clients) {
            try {
                client.complete();
            } catch (RuntimeException ignored) {
                // already completed
            }
        }
        clients.clear();
    }

    @Override
    public boolean isRunning() {
        return dispatcher != null;
    }
}
