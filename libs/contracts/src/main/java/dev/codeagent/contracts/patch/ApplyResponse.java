package dev.codeagent.contracts.patch;

import java.util.List;
import java.util.Map;

/**
 * Result of applying edits: the new content of every touched path (deleted paths are absent) and one
 * result per edit target.
 */
public record ApplyResponse(Map<String, String> files, List<FileResult> results) {
}
