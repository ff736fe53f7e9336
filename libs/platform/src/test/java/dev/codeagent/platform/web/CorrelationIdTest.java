package dev.codeagent.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class CorrelationIdTest {

    /** One worker, so that every task runs on the thread the previous one left behind. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        worker.shutdownNow();
        MDC.clear();
    }

    @Test
    void aWrappedTaskSeesTheCallersIdOnTheWorkerThreadWhichIsCleanAfterwards() throws Exception {
        Callable<String> task;
        try (CorrelationId.Scope ignored = CorrelationId.open("caller-1")) {
            task = CorrelationId.wrap(CorrelationId::current);
        }
        assertThat(CorrelationId.current()).isNull();

        assertThat(worker.submit(task).get(10, TimeUnit.SECONDS)).isEqualTo("caller-1");
        assertThat(worker.submit(CorrelationId::current).get(10, TimeUnit.SECONDS)).isNull();
        assertThat(worker.submit(() -> MDC.getCopyOfContextMap()).get(10, TimeUnit.SECONDS)).isNullOrEmpty();
    }

    @Test
    void theWorkerThreadGetsItsOwnIdBackEvenWhenTheTaskFails() throws Exception {
        Callable<String> failing;
        try (CorrelationId.Scope ignored = CorrelationId.open("caller-2")) {
            failing = CorrelationId.wrap(() -> {
                throw new IllegalStateException("failed under " + CorrelationId.current());
            });
        }
        String seen = worker.submit(() -> {
            try (CorrelationId.Scope ignored = CorrelationId.open("worker-own")) {
                try {
                    failing.call();
                    return "no failure";
                } catch (IllegalStateException e) {
                    return e.getMessage() + ", then " + CorrelationId.current();
                }
            }
        }).get(10, TimeUnit.SECONDS);
        assertThat(seen).isEqualTo("failed under caller-2, then worker-own");
    }

    @Test
    void aTaskWrappedWithoutAnIdRunsWithoutOneWhateverTheWorkerHad() throws Exception {
        Callable<String> task = CorrelationId.wrap(CorrelationId::current);
        String seen = worker.submit(() -> {
            try (CorrelationId.Scope ignored = CorrelationId.open("stale")) {
                return task.call() + ", then " + CorrelationId.current();
            }
        }).get(10, TimeUnit.SECONDS);
        assertThat(seen).isEqualTo("null, then stale");
    }

    @Test
    void theIdIsCapturedWhenTheTaskIsWrappedNotWhenItRuns() throws Exception {
        Callable<String> task;
        try (CorrelationId.Scope outer = CorrelationId.open("at-wrap")) {
            task = CorrelationId.wrap(CorrelationId::current);
            try (CorrelationId.Scope inner = CorrelationId.open("later")) {
                assertThat(worker.submit(task).get(10, TimeUnit.SECONDS)).isEqualTo("at-wrap");
            }
        }
    }
}
