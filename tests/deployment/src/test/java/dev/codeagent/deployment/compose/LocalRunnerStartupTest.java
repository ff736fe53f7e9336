package dev.codeagent.deployment.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code bin/codeagent up} tells a service that is still starting from one that has exited: on a loaded
 * machine the launching subshell may not have exec'ed the JVM yet when the readiness loop first looks, and
 * that service must not be reported as "exited during start-up" (CI saw it once, with empty logs).
 */
class LocalRunnerStartupTest {

    @TempDir
    Path dataDir;

    @BeforeEach
    void bashIsThere() {
        LocalRunnerScript.assumeBash();
    }

    @Test
    void aLaunchedProcessThatHasNotBecomeTheJvmYetIsStartingNotExited() throws Exception {
        // A stand-in for the subshell before its exec: alive, but its command line is not the service's jar.
        String out = LocalRunnerScript.run(Map.of("CODEAGENT_DATA_DIR", dataDir.toString()), """
                mkdir -p "$RUN_DIR"
                sleep 30 & printf '%s' "$!" > "$(pid_file gateway)"
                running_pid gateway >/dev/null && echo running || echo not-running
                launched gateway && echo launched || echo gone
                kill "$(cat "$(pid_file gateway)")"; wait 2>/dev/null
                launched gateway && echo launched || echo gone
                """);

        assertThat(out.lines()).containsExactly("not-running", "launched", "gone");
    }

    @Test
    void noPidFileMeansNotLaunched() throws Exception {
        String out = LocalRunnerScript.run(Map.of("CODEAGENT_DATA_DIR", dataDir.toString()),
                "launched orchestrator && echo launched || echo gone");

        assertThat(out.strip()).isEqualTo("gone");
    }
}
