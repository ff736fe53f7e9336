package dev.codeagent.runner.run;

import dev.codeagent.contracts.ProblemTypes;
import dev.codeagent.contracts.check.CheckOutcome;
import dev.codeagent.contracts.check.CheckRunRequest;
import dev.codeagent.contracts.check.CheckRunResult;
import dev.codeagent.contracts.check.CheckSource;
import dev.codeagent.contracts.check.CheckStatus;
import dev.codeagent.contracts.command.RepositoryRef;
import dev.codeagent.platform.web.ApiProblemException;
import dev.codeagent.runner.config.Isolation;
import dev.codeagent.runner.config.RunnerProperties;
import dev.codeagent.runner.exec.CheckExecutor;
import dev.codeagent.runner.exec.CheckInfrastructureFailure;
import dev.codeagent.runner.exec.CheckStartFailure;
import dev.codeagent.runner.exec.Execution;
import dev.codeagent.runner.exec.Invocation;
import dev.codeagent.runner.exec.RunControl;
import dev.codeagent.runner.plan.BuildToolDetector;
import dev.codeagent.runner.plan.CheckConfigParser;
import dev.codeagent.runner.plan.CheckPlan;
import dev.codeagent.runner.plan.CheckSpec;
import dev.codeagent.runner.report.CappedLog;
import dev.codeagent.runner.report.ErrorLines;
import dev.codeagent.runner.report.JUnitReports;
import dev.codeagent.runner.sandbox.Sandboxes;
import dev.codeagent.runner.sandbox.TreeFetcher;
import dev.codeagent.runner.sandbox.ZipUnpacker;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * One run: fetch the tree, unpack it into a fresh sandbox, read {@code .codeagent.yml} or detect the build tool,
 * run the checks in order (the rest are skipped after one fails), read their JUnit reports and first error lines,
 * and answer; the sandbox is removed whatever happens.
 */
public class CheckRunner {

    private static final Logger log = LoggerFactory.getLogger(CheckRunner.class);

    private final TreeFetcher fetcher;
    private final Sandboxes sandboxes;
    private final ZipUnpacker unpacker;
    private final CheckExecutor executor;
    private final RunnerProperties properties;

    public CheckRunner(TreeFetcher fetcher, Sandboxes sandboxes, CheckExecutor executor,
            RunnerProperties properties) {
        this.fetcher = fetcher;
        this.sandboxes = sandboxes;
        this.unpacker = new ZipUnpacker(properties.maxTreeSize().toBytes(), properties.maxTreeFiles());
        this.executor = executor;
        this.properties = properties;
    }

    public CheckRunResult run(CheckRunRequest request, RunControl control) {
        long started = System.nanoTime();
        Path sandbox = sandboxes.create(request.runId());
        try {
            Path tree = unpack(request, sandbox);
            CheckPlan plan = plan(tree);
            String image = plan.image() != null ? plan.image() : properties.image();
            Duration timeout = plan.timeout() != null && plan.timeout().compareTo(properties.timeout()) < 0
                    ? plan.timeout() : properties.timeout();
            int repair = plan.source() == CheckSource.NONE ? 0
                    : plan.repair() != null ? plan.repair() : properties.repair();
            CappedLog runLog = new CappedLog(properties.logLimit().toBytes());
            if (plan.configError() != null) {
                runLog.append(CheckConfigParser.FILE + ": " + plan.configError() + "\n");
            }
            Context context = new Context(sandbox.getFileName().toString(), tree, image, timeout, plan,
                    cacheKey(request.repository()), control);
            List<CheckOutcome> outcomes = new ArrayList<>();
            CheckStatus stop = null;
            for (CheckSpec check : plan.checks()) {
                if (stop != null || control.cancelled()) {
                    CheckStatus status = control.cancelled() ? CheckStatus.CANCELLED : CheckStatus.SKIPPED;
                    outcomes.add(new CheckOutcome(check.name(), check.run(), status, null, null, List.of(),
                            List.of(), 0));
                    continue;
                }
                CheckOutcome outcome = runCheck(context, outcomes.size() + 1, check, runLog);
                outcomes.add(outcome);
                if (outcome.status() != CheckStatus.PASSED) {
                    stop = outcome.status();
                }
            }
            boolean passed = !outcomes.isEmpty()
                    && outcomes.stream().allMatch(o -> o.status() == CheckStatus.PASSED);
            long duration = Duration.ofNanos(System.nanoTime() - started).toMillis();
            log.info("Run {} of {} at {}: {} checks {}, {} in {} ms", request.runId(), request.repository().slug(),
                    request.commit(), plan.source().name().toLowerCase(Locale.ROOT), outcomes.size(),
                    passed ? "passed" : "not passed", duration);
            return new CheckRunResult(request.runId(), plan.source(), plan.configError(), repair,
                    executor.isolation().label(), executor.isolation() != Isolation.PROCESS ? image : null,
                    outcomes, passed, runLog.text(), duration, plan.pipelines());
        } finally {
            sandboxes.delete(sandbox);
        }
    }

    private Path unpack(CheckRunRequest request, Path sandbox) {
        Path zip = sandbox.resolve("tree.zip");
        Path tree = sandbox.resolve("tree");
        fetcher.fetch(request.repository(), request.commit(), zip);
        try {
            Files.createDirectory(tree);
            unpacker.unpack(zip, tree);
            Files.delete(zip);
            return tree;
        } catch (ZipUnpacker.UnsafeArchive e) {
            throw new ApiProblemException(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.UNPROCESSABLE,
                    "Tree refused", "The tree of " + request.commit() + " was not unpacked: " + e.getMessage());
        } catch (IOException e) {
            throw new ApiProblemException(HttpStatus.BAD_GATEWAY, ProblemTypes.UNAVAILABLE, "Tree not available",
                    "The archive of " + request.commit() + " could not be read: " + e.getMessage());
        }
    }

    private static CheckPlan plan(Path tree) {
        Path config = tree.resolve(CheckConfigParser.FILE);
        if (Files.isRegularFile(config)) {
            try {
                CheckPlan configured = CheckConfigParser.parse(Files.readString(config, StandardCharsets.UTF_8));
                if (configured.image() == null && configured.source() == CheckSource.CONFIGURED) {
                    // Configured commands, the detected tool's image.
                    String detected = BuildToolDetector.detect(tree).map(CheckPlan::image).orElse(null);
                    return new CheckPlan(configured.source(), null, configured.checks(), detected,
                            configured.timeout(), configured.repair(), configured.cache(), configured.network(),
                            configured.pipelines());
                }
                return configured;
            } catch (IOException e) {
                return CheckPlan.none("line 1: " + CheckConfigParser.FILE + " is not readable UTF-8 text");
            }
        }
        return BuildToolDetector.detect(tree).orElse(CheckPlan.none(null));
    }

    /** What every check of a run shares. */
    private record Context(String attempt, Path tree, String image, Duration timeout, CheckPlan plan,
            String cacheKey, RunControl control) {
    }

    private CheckOutcome runCheck(Context context, int index, CheckSpec check, CappedLog runLog) {
        CappedLog output = new CappedLog(properties.logLimit().toBytes());
        runLog.append("$ " + check.run() + "    # " + check.name() + "\n");
        Invocation invocation = new Invocation(context.attempt(), index, check, context.tree(), context.image(),
                context.timeout(), context.plan().cache(), context.cacheKey(), context.plan().network(),
                new Tee(output, runLog), context.control());
        long started = System.nanoTime();
        CheckStatus status;
        Integer exitCode = null;
        List<String> errors;
        JUnitReports.Result junit = new JUnitReports.Result(null, List.of());
        try {
            Execution execution = executor.run(invocation);
            exitCode = execution.exitCode();
            junit = JUnitReports.read(context.tree(), check.junit());
            errors = new ArrayList<>(ErrorLines.of(output.text()));
            status = switch (execution.ending()) {
                case TIMED_OUT -> CheckStatus.TIMED_OUT;
                case CANCELLED -> CheckStatus.CANCELLED;
                case EXITED -> exitCode == 0 && (junit.counts() == null || junit.counts().failed() == 0)
                        ? CheckStatus.PASSED : CheckStatus.FAILED;
            };
            if (status == CheckStatus.TIMED_OUT) {
                errors.add(0, "Killed after " + context.timeout().toSeconds() + " s (timeout)");
            }
        } catch (CheckInfrastructureFailure e) {
            // Not a result: the orchestrator repeats the run (same run id) as after any transient failure.
            log.warn("Run attempt {}: check {} interrupted by its infrastructure: {}", context.attempt(),
                    check.name(), e.getMessage());
            throw new ApiProblemException(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE,
                    "Check interrupted", "Check " + check.name() + " was interrupted by its infrastructure, not by"
                    + " the code under test: " + e.getMessage(), properties.busyRetryAfter(), Map.of(), null);
        } catch (CheckStartFailure e) {
            status = CheckStatus.ERROR;
            errors = List.of(e.getMessage());
            runLog.append(e.getMessage() + "\n");
        }
        long duration = Duration.ofNanos(System.nanoTime() - started).toMillis();
        runLog.append("\n[" + check.name() + ": " + status.name().toLowerCase(Locale.ROOT)
                + (exitCode == null ? "" : ", exit code " + exitCode) + ", " + duration + " ms]\n\n");
        return new CheckOutcome(check.name(), check.run(), status, exitCode, junit.counts(), junit.failing(),
                errors.size() > ErrorLines.MAX ? errors.subList(0, ErrorLines.MAX) : errors, duration);
    }

    /** Names a repository's cache volume without putting its name (which may say more than it should) in it. */
    static String cacheKey(RepositoryRef repo) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((repo.provider() + "/" + repo.organization()
                    + "/" + repo.project() + "/" + repo.repository()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The check's output goes to its own capture (for error lines) and to the run's log. */
    private static final class Tee extends OutputStream {

        private final CappedLog first;
        private final CappedLog second;

        Tee(CappedLog first, CappedLog second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            first.write(bytes, offset, length);
            second.write(bytes, offset, length);
        }
    }
}
