package dev.codeagent.llmpatch.engine;

import dev.codeagent.contracts.patch.FileResult;
import java.util.List;
import java.util.Map;

/**
 * Outcome of applying an answer. {@code changed} holds the new content of every path whose edits all
 * applied (a null value means deleted); a path with a failed block keeps its old content there (edits are
 * atomic per file) but {@code partial} has it with the blocks that did apply, for a retry that resends only
 * the failed blocks. {@code refused} holds the paths the policy protects (path → why), failed in
 * {@code results} but not among {@code failures}: sending them back to the model cannot make them apply.
 */
public record EngineResult(Map<String, String> changed, List<FileResult> results, List<BlockFailure> failures,
        Map<String, String> partial, Map<String, String> refused) {
}
