package dev.codeagent.contracts.pipeline;

import dev.codeagent.contracts.check.TestCounts;
import java.util.List;

/**
 * The test results a pipeline run published (Test Results API), summed over its test runs.
 *
 * @param published    false when the run published no test results (its counts are then unknown, not zero)
 * @param counts       passed, failed (failed, error, timeout, aborted) and skipped (every other outcome); null when
 *                     none were published
 * @param failingTests up to 20 failing tests as {@code Class.method}, with the first line of the failure message
 */
public record PipelineTests(boolean published, TestCounts counts, List<String> failingTests) {

    public PipelineTests {
        failingTests = failingTests == null ? List.of() : List.copyOf(failingTests);
    }

    public static PipelineTests none() {
        return new PipelineTests(false, null, List.of());
    }
}
