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
 */
public record CheckOutcome(
        String name,
        String command,
        CheckStatus status,
        Integer exitCode,
        TestCounts tests,
        List<String> failingTests,
        List<String> errors,
        long durationMs) {
}
