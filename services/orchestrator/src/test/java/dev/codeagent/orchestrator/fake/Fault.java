package dev.codeagent.orchestrator.fake;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fault the fake injects into the next {@code times} requests whose path ends with {@code pathPart}: an error status (optionally with
 * Retry-After), a delay (to provoke client timeouts), or a gate that holds the answer until released.
 * {@code afterProcessing} faults let the side effect happen and then spoil the answer.
 */
public final class Fault {

    private final String method;
    private final String pathPart;
    private final String bodyPart;
    private final AtomicInteger remaining;
    private final int status;
    private final Integer retryAfterSeconds;
    private final Duration delay;
    private final CountDownLatch gate;
    private final boolean afterProcessing;
    private final AtomicInteger hits = new AtomicInteger();

    private Fault(String method, String pathPart, String bodyPart, int times, int status, Integer retryAfterSeconds,
            Duration delay, CountDownLatch gate, boolean afterProcessing) {
        this.method = method;
        this.pathPart = pathPart;
        this.bodyPart = bodyPart;
        this.remaining = new AtomicInteger(times);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
        this.delay = delay;
        this.gate = gate;
        this.afterProcessing = afterProcessing;
    }

    public static Fault status(String method, String pathPart, int times, int status, Integer retryAfterSeconds) {
        return new Fault(method, pathPart, null, times, status, retryAfterSeconds, null, null, false);
    }

    /**
     * The next {@code times} matching requests are processed, then answered with {@code status} instead of their
     * result: the change was made, but the caller saw an error (the "lost answer").
     */
    public static Fault lostAnswer(String method, String pathPart, int times, int status) {
        return new Fault(method, pathPart, null, times, status, null, null, null, true);
    }

    public static Fault delay(String method, String pathPart, String bodyPart, int times, Duration delay,
            boolean afterProcessing) {
        return new Fault(method, pathPart, bodyPart, times, 0, null, delay, null, afterProcessing);
    }

    public static Fault gate(String method, String pathPart, String bodyPart, int times, CountDownLatch gate,
            boolean afterProcessing) {
        return new Fault(method, pathPart, bodyPart, times, 0, null, null, gate, afterProcessing);
    }

    boolean matches(String method, String path, String body) {
        return this.method.equals(method) && path.endsWith(pathPart) && (bodyPart == null || body.contains(bodyPart));
    }

    boolean take() {
        if (remaining.getAndDecrement() > 0) {
            hits.incrementAndGet();
            return true;
        }
        return false;
    }

    void apply() {
        try {
            if (delay != null) {
                Thread.sleep(delay.toMillis());
            }
            if (gate != null) {
                gate.await(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    int status() {
        return status;
    }

    Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    boolean afterProcessing() {
        return afterProcessing;
    }

    /** How many requests this fault has hit so far. */
    public int hits() {
        return hits.get();
    }
}
