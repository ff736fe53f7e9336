package dev.codeagent.runner.exec;

/**
 * Cancellation of one run: the executor registers how to stop what it is running now, and a cancel stops it and
 * every check after it.
 */
public final class RunControl {

    private volatile boolean cancelled;
    private Runnable stopper;

    public boolean cancelled() {
        return cancelled;
    }

    public void cancel() {
        Runnable current;
        synchronized (this) {
            cancelled = true;
            current = stopper;
        }
        if (current != null) {
            current.run();
        }
    }

    /** Runs {@code stop} now when the run is already cancelled, else when it is. */
    public void onCancel(Runnable stop) {
        synchronized (this) {
            stopper = stop;
            if (!cancelled) {
                return;
            }
        }
        stop.run();
    }

    public synchronized void clear() {
        stopper = null;
    }
}
