package dev.codeagent.llmpatch.engine;

import java.util.List;

/** A block that did not apply, with what the model needs to fix it: its SEARCH lines and the closest file lines. */
public record BlockFailure(String path, int ordinal, List<String> search, String reason, String closest) {
}
