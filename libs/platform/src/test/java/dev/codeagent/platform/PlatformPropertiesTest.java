package dev.codeagent.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlatformPropertiesTest {

    @Test
    void missingTokenFailsWithInstructionsUnlessAuthIsOff() {
        assertThatThrownBy(() -> new PlatformProperties(" ", PlatformProperties.InternalAuth.TOKEN, List.of(),
                Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .hasMessageContaining("CODEAGENT_INTERNAL_TOKEN is not set")
                .hasMessageContaining("CODEAGENT_INTERNAL_AUTH=none");
        PlatformProperties off = new PlatformProperties(null, PlatformProperties.InternalAuth.NONE, null,
                Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(off.internalToken()).isNull();
        assertThat(off.publicPaths()).isEmpty();
    }

    @Test
    void shortTokenIsRefused() {
        assertThatThrownBy(() -> new PlatformProperties("short", PlatformProperties.InternalAuth.TOKEN, List.of(),
                Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .hasMessageContaining("too short")
                .hasMessageNotContaining("short\"");
    }
}
