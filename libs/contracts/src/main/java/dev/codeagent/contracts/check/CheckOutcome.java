package dev.codeagent.contracts.check;

import java.util.List;

/**
 * One check of a run.
 *
 * @param name         as configured ({@code build}, {@code test}) or detected
 * @param command      the command line that ran
 * @param status       how it ended
 * @param exitCode     the command's exit code; null when it did not exit by itself (timed out, cancelled, error)
 * @param tests        counts from the JUnit reports ({@code junit} glob, or the detected tool's usual reports); null
 *                     when the check produced none
 * @param failingTests up to 20 failing tests as {@code Class.method}, with the first line of the failure message
 * @param errors       up to 20 first error lines of the output (compiler errors and the like), for the repair prompt
 *                     and the variant PR's comment
 * @param durationMs   wall time of the check
 * @param url          where people see the check's run (an Azure DevOps pipeline run's page); null for the runner's
 *                     checks, whose log the job keeps. Added after the first version: absent in older answers and rows
 */
public record CheckOutcome(
        String name,
        String command,
        CheckStatus status,
        Integer exitCode,
        TestCounts tests,
        List<String> failingTests,
        List<String> errors,
        long durationMs,
        String url) {

    /** A check without a page of its own (the runner's). */
    public CheckOutcome(String name, String command, CheckStatus status, Integer exitCode, TestCounts tests,
            List<String> failingTests, List<String> errors, long durationMs) {
        this(name, command, status, exitCode, tests, failingTests, errors, durationMs, null);
    }
}
