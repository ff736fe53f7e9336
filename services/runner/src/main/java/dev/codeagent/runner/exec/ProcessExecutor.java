package dev.codeagent.runner.exec;

import dev.codeagent.platform.concurrent.DaemonThreads;
import dev.codeagent.runner.config.Isolation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs checks as processes on the runner's host, in the sandbox folder. Nothing stops such a check from reading
 * what the runner's user can read or from reaching the network, so this mode must be chosen explicitly; what it
 * does do is hide the runner's own secrets (every {@code CODEAGENT_*} variable and anything named like a
 * credential) and kill the whole process tree at the timeout. Image, network and limits do not apply.
 */
public class ProcessExecutor implements CheckExecutor {

    private static final Pattern SECRET_NAME = Pattern.compile(
            ".*(TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|API_KEY|ACCESS_KEY|PRIVATE_KEY|_PAT|CONNECTION_STRING).*");

    @Override
    public Isolation isolation() {
        return Isolation.PROCESS;
    }

    @Override
    public Readiness readiness() {
        return new Readiness(true, "checks run as processes on this host (CODEAGENT_RUNNER_ISOLATION=process)");
    }

    @Override
    public Execution run(Invocation invocation) {
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", invocation.check().run())
                .directory(invocation.sandbox().toFile())
                .redirectErrorStream(true);
        // No cache volume here: the tools use the host user's own caches (~/.m2, ~/.npm, …).
        scrub(builder.environment());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new CheckStartFailure("Could not start sh: " + e.getMessage(), e);
        }
        invocation.control().onCancel(() -> kill(process));
        Thread pump = DaemonThreads.named("check-output-" + invocation.attempt())
                .newThread(() -> copy(process, invocation));
        pump.start();
        try {
            boolean exited = process.waitFor(invocation.timeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!exited) {
                kill(process);
            }
            process.waitFor();
            pump.join(TimeUnit.SECONDS.toMillis(5));
            if (invocation.control().cancelled()) {
                return Execution.cancelled();
            }
            return exited ? Execution.exited(process.exitValue()) : Execution.timedOut();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(process);
            return Execution.cancelled();
        } finally {
            invocation.control().clear();
        }
    }

    /** Removes the runner's secrets from the check's environment; PATH, HOME, locale and proxies stay. */
    static void scrub(Map<String, String> environment) {
        environment.keySet().removeIf(name -> {
            String upper = name.toUpperCase(Locale.ROOT);
            return upper.startsWith("CODEAGENT_") || SECRET_NAME.matcher(upper).matches();
        });
    }

    /** Children first, so none is re-parented and left running when its parent dies. */
    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static void copy(Process process, Invocation invocation) {
        try (InputStream in = process.getInputStream()) {
            in.transferTo(invocation.output());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
