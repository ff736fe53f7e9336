package dev.codeagent.deployment.compose;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Runs {@code docker-compose config} (Debian's docker-compose 1.29, the oldest Compose the files must
 * stay compatible with) on a combination of files and profiles, in a controlled environment: the
 * developer's shell variables and .env file never leak into the result.
 */
final class ComposeCli {

    private static final String BINARY = "docker-compose";

    private final Path root;

    ComposeCli(Path root) {
        this.root = root;
    }

    static boolean available() {
        return onPath(BINARY);
    }

    static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** {@code docker-compose config} of the scenario; throws with compose's message when it fails. */
    RenderedCompose config(ComposeScenario scenario, Path emptyEnvFile) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(BINARY, "--env-file", emptyEnvFile.toString(),
                "--project-directory", root.toString()));
        for (String file : scenario.files()) {
            command.add("-f");
            command.add(root.resolve(file).toString());
        }
        for (String profile : scenario.profiles()) {
            command.add("--profile");
            command.add(profile);
        }
        command.add("config");
        Result result = run(command, scenario.environment());
        if (result.exitCode() != 0) {
            throw new AssertionError(scenario + ": docker-compose config failed (exit " + result.exitCode()
                    + "):\n" + result.stderr());
        }
        Map<String, Object> model = new Yaml(new SafeConstructor(new LoaderOptions())).load(result.stdout());
        return new RenderedCompose(scenario, model);
    }

    /** Runs compose with an environment that lacks a variable the files require; returns compose's stderr. */
    Result configExpectingFailure(ComposeScenario scenario, Path emptyEnvFile) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(BINARY, "--env-file", emptyEnvFile.toString(),
                "--project-directory", root.toString()));
        for (String file : scenario.files()) {
            command.add("-f");
            command.add(root.resolve(file).toString());
        }
        command.add("config");
        command.add("-q");
        return run(command, scenario.environment());
    }

    private Result run(List<String> command, Map<String, String> environment)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("CODEAGENT_") || name.startsWith("COMPOSE_")
                || name.startsWith("TRAEFIK_") || name.startsWith("NGROK_") || name.startsWith("DOCKER_")
                || name.startsWith("SUPABASE_") || name.startsWith("OLLAMA_") || name.startsWith("LOG_MAX")
                || name.equals("JRE_IMAGE") || name.equals("BUILD_IMAGE"));
        env.putAll(environment);
        Path stdout = Files.createTempFile("compose-config", ".out");
        Path stderr = Files.createTempFile("compose-config", ".err");
        try {
            Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("docker-compose config did not finish within 60 s: " + command);
            }
            return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    record Result(int exitCode, String stdout, String stderr) {
    }
}
