package dev.codeagent.orchestrator.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PageCursorTest {

    @Test
    void roundTripsCreationTimeAndId() {
        PageCursor cursor = new PageCursor(Instant.parse("2026-11-29T04:00:00.123456Z"), "1b6e1c1e-aaaa-bbbb-cccc-000000000001");
        assertThat(PageCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void rejectsTokensItDidNotIssue() {
        assertThatThrownBy(() -> PageCursor.decode("not a token!")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PageCursor.decode("djI6MTIzOmFiYw")).isInstanceOf(IllegalArgumentException.class);
    }
}
