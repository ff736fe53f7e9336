package dev.codeagent.orchestrator.api;

import dev.codeagent.contracts.command.StartJobRequest;
import dev.codeagent.contracts.git.CommentRequest;
import dev.codeagent.orchestrator.client.AdapterClient;
import dev.codeagent.platform.concurrent.DaemonThreads;
import dev.codeagent.platform.web.CorrelationId;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells the thread of a command refused at capacity why nothing happens. The refusal itself is the 503 the
 * sender sees, and Azure DevOps shows it to nobody; without this reply the author would wait in vain. The reply
 * is posted off the request thread (the start answer must not wait for the git host) under a key derived from
 * the command's, so the redeliveries that follow a 503 never post it twice. A reply that cannot be posted is
 * logged; the next redelivery tries again.
 */
@Component
public class CapacityReplies {

    private static final Logger log = LoggerFactory.getLogger(CapacityReplies.class);
    /** More refusals waiting than this are the very overload being refused; their redeliveries come back. */
    private static final int MAX_WAITING = 100;

    private final AdapterClient adapter;
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(MAX_WAITING), DaemonThreads.named("codeagent-capacity-replies"),
            (runnable, pool) -> log.warn("Too many capacity replies waiting; one is left to the redelivery"));

    public CapacityReplies(AdapterClient adapter) {
        this.adapter = adapter;
    }

    /** Replies (once per command) that the command was refused because {@code busy}; returns at once. */
    public void tell(StartJobRequest request, String busy) {
        Callable<Void> reply = CorrelationId.wrap(() -> post(request, busy));
        executor.execute(() -> {
            try {
                reply.call();
            } catch (Exception e) {
                log.warn("Could not tell thread {} of PR {} that the command was refused at capacity: {}",
                        request.threadId(), request.pullRequestId(), e.toString());
            }
        });
    }

    private Void post(StartJobRequest request, String busy) {
        String text = "Code Agent is at capacity and could not start this command: " + busy + " Azure DevOps "
                + "delivers it again for a few minutes, and it starts as soon as there is room; if nothing happens, "
                + "post the command again later.";
        adapter.reply(request.repository(), request.pullRequestId(), request.threadId(),
                new CommentRequest(text, request.commentId()), key(request.idempotencyKey()));
        log.info("Told thread {} of PR {} that the command was refused at capacity", request.threadId(),
                request.pullRequestId());
        return null;
    }

    /** The reply's idempotency key: fixed length whatever the command's key, and the same for every redelivery. */
    static String key(String commandKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(commandKey.getBytes(StandardCharsets.UTF_8));
            return "capacity-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
