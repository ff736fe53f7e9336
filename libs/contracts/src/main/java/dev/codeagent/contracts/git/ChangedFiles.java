package dev.codeagent.contracts.git;

import java.util.List;

/** Files changed by the latest iteration of a pull request. */
public record ChangedFiles(int iteration, List<ChangedFile> files) {
}
