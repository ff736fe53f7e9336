package dev.codeagent.gateway.handoff;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Groups the commands that arrive while earlier calls to the orchestrator are in flight into one call,
 * without a background thread and without waiting for a batch to fill (leader/follower batching).
 *
 * <p>Why: under load the orchestrator's and the database's fixed cost per call (HTTP handling, one
 * statement, one fsync'd commit) dominate; a call that carries several commands pays them once. With
 * deliveries one at a time nothing changes: every command is a call of its own, sent at once.
 *
 * <p>How: at most {@code maxInFlight} request threads are leaders, each sending one batch. A command that
 * arrives while that many are in flight queues (FIFO) and its thread waits. A leader's batch is its own
 * command plus up to {@code batchSize - 1} from the head of the queue. When its call ends, the leader
 * completes the batch's commands and hands its slot to the queue's head, which then leads a batch that
 * starts with its own command — so every leader's own command is in the batch it sends, and no request
 * thread keeps working for others after its own answer. The queue is only non-empty while
 * {@code maxInFlight} calls are in flight.
 */
final class HandoffBatcher {

    /** Sends one batch; answers one result per item, in the items' order. */
    @FunctionalInterface
    interface Sender {
        /**
         * @param items        the serialised items, oldest first
         * @param startedNanos when the oldest item's hand-off started: the retries' time budget counts from it
         */
        List<HandoffResult> send(List<byte[]> items, long startedNanos);
    }

    private final int maxInFlight;
    private final int batchSize;
    private final long maxWaitNanos;
    private final Sender sender;
    private final HandoffResult waitedTooLong;
    private final HandoffResult leaderFailed;

    private final ReentrantLock lock = new ReentrantLock();
    /** Guarded by lock. */
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    /** Guarded by lock. */
    private int inFlight;

    /**
     * @param maxWait how long a queued command waits for its answer at most; beyond it, it is answered
     *                unavailable (its delivery will be retried) rather than holding the request forever
     */
    HandoffBatcher(int maxInFlight, int batchSize, Duration maxWait, Duration retryAfter, Sender sender) {
        if (maxInFlight < 1 || batchSize < 1) {
            throw new IllegalArgumentException("maxInFlight and batchSize must be at least 1");
        }
        this.maxInFlight = maxInFlight;
        this.batchSize = batchSize;
        this.maxWaitNanos = maxWait.toNanos();
        this.sender = sender;
        this.waitedTooLong = new HandoffResult.Unavailable(
                "The orchestrator did not take the command in time; please retry.", retryAfter);
        this.leaderFailed = new HandoffResult.Unavailable(
                "The hand-off to the orchestrator failed unexpectedly; please retry.", retryAfter);
    }

    /**
     * Hands {@code item} on, alone or with others, and returns its own result. An unexpected exception of
     * the sender surfaces in the thread that sent the batch; the batch's other commands are answered
     * unavailable.
     */
    HandoffResult submit(byte[] item, long startedNanos) {
        Pending own = new Pending(item, startedNanos);
        lock.lock();
        try {
            if (inFlight < maxInFlight) {
                inFlight++;
            } else {
                own.wake = lock.newCondition();
                queue.addLast(own);
            }
        } finally {
            lock.unlock();
        }
        if (own.wake != null) {
            HandoffResult answered = awaitTurn(own);
            if (answered != null) {
                return answered;
            }
        }
        return lead(own);
    }

    /** Commands waiting for a call (for tests). */
    int queued() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Calls in flight, or about to be (for tests). */
    int inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }

    /** A queued command's result, or null when its thread is to lead the next batch. */
    private HandoffResult awaitTurn(Pending own) {
        boolean interrupted = false;
        long deadline = own.startedNanos + maxWaitNanos;
        lock.lock();
        try {
            while (own.result == null && !own.lead) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    // Withdrawn so that it is not sent after it was answered. If a leader has already taken
                    // it, it is sent anyway, which is harmless: the command is idempotent.
                    queue.remove(own);
                    return waitedTooLong;
                }
                try {
                    own.wake.awaitNanos(left);
                } catch (InterruptedException e) {
                    // Leaving now could lose a hand-over on its way to this command: keep waiting, and
                    // restore the interrupt afterwards.
                    interrupted = true;
                }
            }
            return own.lead ? null : own.result;
        } finally {
            lock.unlock();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private HandoffResult lead(Pending own) {
        // The batch carries others' commands: an interrupt of this request thread must not cut their call
        // short. The status is restored afterwards.
        boolean interrupted = Thread.interrupted();
        List<Pending> batch = List.of(own);
        List<HandoffResult> results = null;
        try {
            batch = take(own);
            List<byte[]> items = new ArrayList<>(batch.size());
            for (Pending pending : batch) {
                items.add(pending.item);
            }
            results = sender.send(items, own.startedNanos);
            if (results.size() != batch.size()) {
                throw new IllegalStateException(results.size() + " results for " + batch.size() + " commands");
            }
            return results.get(0);
        } finally {
            // Whatever happened, or the queued commands would wait for a hand-over that never comes.
            finish(batch, results);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private List<Pending> take(Pending own) {
        lock.lock();
        try {
            List<Pending> batch = new ArrayList<>(Math.min(batchSize, 1 + queue.size()));
            batch.add(own);
            while (batch.size() < batchSize && !queue.isEmpty()) {
                batch.add(queue.pollFirst());
            }
            return batch;
        } finally {
            lock.unlock();
        }
    }

    /** Answers the batch's other commands ({@code results} null: the send failed) and hands the slot on. */
    private void finish(List<Pending> batch, List<HandoffResult> results) {
        boolean answered = results != null && results.size() == batch.size();
        lock.lock();
        try {
            for (int i = 1; i < batch.size(); i++) {
                Pending pending = batch.get(i);
                pending.result = answered ? results.get(i) : leaderFailed;
                pending.wake.signal();
            }
            Pending next = queue.pollFirst();
            if (next != null) {
                next.lead = true;
                next.wake.signal();
            } else {
                inFlight--;
            }
        } finally {
            lock.unlock();
        }
    }

    /** One command on its way. */
    private static final class Pending {
        final byte[] item;
        final long startedNanos;
        /** Set, before it is queued, only for a command that has to wait. */
        Condition wake;
        /** Guarded by lock. */
        HandoffResult result;
        /** Guarded by lock: told to lead the next batch. */
        boolean lead;

        Pending(byte[] item, long startedNanos) {
            this.item = item;
            this.startedNanos = startedNanos;
        }
    }
}
