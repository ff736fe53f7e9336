package dev.codeagent.platform.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.Test;

class DaemonThreadsTest {

    @Test
    void namedThreadsAreDaemonsWithTheName() {
        Thread thread = DaemonThreads.named("history-writer").newThread(() -> { });

        assertThat(thread.isDaemon()).isTrue();
        assertThat(thread.getName()).isEqualTo("history-writer");
    }

    @Test
    void numberedThreadsCountFromOnePerFactory() {
        ThreadFactory readers = DaemonThreads.numbered("ado-reader");

        assertThat(readers.newThread(() -> { }).getName()).isEqualTo("ado-reader-1");
        assertThat(readers.newThread(() -> { }).getName()).isEqualTo("ado-reader-2");
        assertThat(DaemonThreads.numbered("other").newThread(() -> { }).getName()).isEqualTo("other-1");
        assertThat(readers.newThread(() -> { }).isDaemon()).isTrue();
    }
}
