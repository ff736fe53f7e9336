package dev.codeagent.contracts.check;

import java.util.List;

/**
 * What a run found.
 *
 * @param runId        as requested
 * @param source       configured, detected or none
 * @param configError  why {@code .codeagent.yml} could not be used, with its line ({@code line 4: unknown key
 *                     "chekcs"}); null when it was fine or absent. The run then ran no check ({@code source = none}).
 * @param repair       model repair rounds allowed after a failed run ({@code repair:} in the configuration; the
 *                     runner's default for detected checks)
 * @param isolation    {@code container}, {@code process} (or later {@code kubernetes}): where the checks ran
 * @param image        the container image, null for process isolation
 * @param checks       one outcome per check, in order
 * @param passed       true when every check passed; false when one failed, timed out or erred, and when none ran
 * @param log          the combined output of the checks, head and tail kept when it exceeds the runner's limit; the
 *                     orchestrator stores it as the run's artifact
 * @param durationMs   wall time of the whole run, fetching the tree included
 * @param pipelines    Azure DevOps pipelines (names or ids) that {@code pipelines:} of {@code .codeagent.yml} asks to
 *                     run as further checks, which the orchestrator queues; empty when none. Added after the first
 *                     version: null in older answers
 */
public record CheckRunResult(
        String runId,
        CheckSource source,
        String configError,
        int repair,
        String isolation,
        String image,
        List<CheckOutcome> checks,
        boolean passed,
        String log,
        long durationMs,
        List<String> pipelines) {

    public CheckRunResult {
        pipelines = pipelines == null ? List.of() : List.copyOf(pipelines);
    }

    /** A result that names no pipeline. */
    public CheckRunResult(String runId, CheckSource source, String configError, int repair, String isolation,
            String image, List<CheckOutcome> checks, boolean passed, String log, long durationMs) {
        this(runId, source, configError, repair, isolation, image, checks, passed, log, durationMs, List.of());
    }

    /** The sum of the checks' test counts; null when no check reported tests. */
    public TestCounts tests() {
        TestCounts sum = null;
        for (CheckOutcome check : checks) {
            if (check.tests() != null) {
                TestCounts t = check.tests();
                sum = sum == null ? t : new TestCounts(sum.passed() + t.passed(), sum.failed() + t.failed(),
                        sum.skipped() + t.skipped());
            }
        }
        return sum;
    }
}
