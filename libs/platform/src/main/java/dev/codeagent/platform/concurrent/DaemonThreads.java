package dev.codeagent.platform.concurrent;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Thread factories for the services' own background work (pollers, writers, timers, model calls): daemon
 * threads, so none of them holds up the JVM's exit, and named, so thread dumps and log lines say whose they are.
 */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** Every thread named {@code name}: for executors with one thread, or threads nobody needs to tell apart. */
    public static ThreadFactory named(String name) {
        return runnable -> daemon(runnable, name);
    }

    /** Threads named {@code prefix-1}, {@code prefix-2}, …: for pools. */
    public static ThreadFactory numbered(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> daemon(runnable, prefix + "-" + count.incrementAndGet());
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
