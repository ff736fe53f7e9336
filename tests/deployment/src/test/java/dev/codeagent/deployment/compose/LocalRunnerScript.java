package dev.codeagent.deployment.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs steps of {@code bin/codeagent}: sourced, the script only defines its functions. */
final class LocalRunnerScript {

    private static final Path SCRIPT = RepositoryRoot.find().resolve("bin/codeagent");

    private LocalRunnerScript() {
    }

    static void assumeBash() {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash")),
                "bash not installed");
    }

    /**
     * Sources the script and runs {@code commands} (arguments from {@code $2} on) with no CODEAGENT_* or
     * SERVER_* variable but {@code settings}; asserts exit 0 and returns the standard output.
     */
    static String run(Map<String, String> settings, String commands, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "-c", "source \"$1\" && " + commands, "test",
                SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("CODEAGENT_") || name.startsWith("SERVER_"));
        env.putAll(settings);
        Process process = builder.start();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(err).isZero();
        return out;
    }
}
