package dev.codeagent.platform.web;

import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/** The correlation id of the current unit of work, kept in the logging MDC under {@value #MDC_KEY}. */
public final class CorrelationId {

    public static final String MDC_KEY = "corrId";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");

    private CorrelationId() {
    }

    /** The id in scope, or null. */
    public static String current() {
        return MDC.get(MDC_KEY);
    }

    /** Sets the id for this thread (none when null); returns a scope that restores the previous one. */
    public static Scope open(String id) {
        String previous = MDC.get(MDC_KEY);
        set(id);
        return () -> set(previous);
    }

    private static void set(String id) {
        if (id == null) {
            MDC.remove(MDC_KEY);
        } else {
            MDC.put(MDC_KEY, id);
        }
    }

    /**
     * {@code task} with the caller's id: the id in scope now is in scope while the task runs, on whatever
     * thread runs it, and that thread's own is back afterwards. The MDC is per thread, so work handed to an
     * executor would otherwise log without the id of the request it serves.
     */
    public static <T> Callable<T> wrap(Callable<T> task) {
        String id = current();
        return () -> {
            try (Scope ignored = open(id)) {
                return task.call();
            }
        };
    }

    /** An incoming id if it is safe to log and echo (bounded, no control characters), else a fresh one. */
    public static String acceptOrGenerate(String incoming) {
        if (incoming != null && VALID.matcher(incoming).matches()) {
            return incoming;
        }
        return generate();
    }

    public static String generate() {
        return UUID.randomUUID().toString();
    }

    /** Restores the previous correlation id when closed. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
