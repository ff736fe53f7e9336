package dev.codeagent.healthmonitor.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.healthmonitor.status.OverallStatus;
import dev.codeagent.healthmonitor.status.ServiceStatus;
import dev.codeagent.healthmonitor.status.StatusChange;
import dev.codeagent.healthmonitor.status.StatusChangedEvent;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A stuck database never holds up the poller thread that publishes the changes. */
class HistoryWriterTest {

    final CountDownLatch databaseAnswers = new CountDownLatch(1);
    final List<StatusChange> stored = new CopyOnWriteArrayList<>();
    final HistoryStore stuckStore = new HistoryStore(null, null, null) {
        @Override
        public void record(StatusChange change) {
            try {
                databaseAnswers.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stored.add(change);
        }
    };
    final HistoryWriter writer = new HistoryWriter(stuckStore);

    @AfterEach
    void stop() {
        databaseAnswers.countDown();
        writer.stop();
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void changesAreQueuedWhileTheDatabaseIsStuckAndStoredInOrderOnceItAnswers() {
        writer.start();
        for (int i = 0; i < 10; i++) {
            writer.onStatusChanged(event(i));
        }
        assertThat(stored).isEmpty();

        databaseAnswers.countDown();
        writer.stop();  // drains the queue

        assertThat(stored).extracting(StatusChange::at)
                .containsExactlyElementsOf(IntStream.range(0, 10).mapToObj(Instant::ofEpochSecond).toList());
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void aFullQueueDropsChangesInsteadOfBlocking() {
        writer.start();
        int published = HistoryWriter.QUEUE_CAPACITY + 10;
        for (int i = 0; i < published; i++) {
            writer.onStatusChanged(event(i));
        }

        databaseAnswers.countDown();
        writer.stop();

        // One change was being written when the queue filled up; the rest of the overflow was dropped.
        assertThat(stored).hasSize(HistoryWriter.QUEUE_CAPACITY + 1);
    }

    private static StatusChangedEvent event(int second) {
        StatusChange change = new StatusChange("core", true, ServiceStatus.UP, ServiceStatus.DOWN,
                Instant.ofEpochSecond(second), "Connection refused", Instant.EPOCH);
        return new StatusChangedEvent(change, null, OverallStatus.UNHEALTHY);
    }
}
