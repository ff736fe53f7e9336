package dev.codeagent.contracts.pipeline;

import java.util.List;

/**
 * Why a pipeline run failed, from its build's timeline: what a repair prompt, the variant pull request's failure
 * comment and the dashboard show when the run failed without a failing test.
 *
 * @param errors     up to 20 error issues of the timeline's failed records as {@code <record>: <message>}, each once
 * @param failedTask the failed task whose log {@code logTail} comes from; null when there is no log excerpt
 * @param logTail    the last lines of that task's log (timestamps removed, long lines cut), oldest first; empty when
 *                   the issues name the error themselves
 */
public record PipelineFailure(List<String> errors, String failedTask, List<String> logTail) {

    public PipelineFailure {
        errors = errors == null ? List.of() : List.copyOf(errors);
        logTail = logTail == null ? List.of() : List.copyOf(logTail);
    }

    public static PipelineFailure none() {
        return new PipelineFailure(List.of(), null, List.of());
    }
}
