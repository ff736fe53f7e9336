package dev.codeagent.llmpatch.engine;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Locale;

/**
 * Which repository paths a model may write. Model output is untrusted: a path that escapes the repository,
 * points into {@code .git/} or at a CI pipeline definition would let a comment on a pull request run code
 * in CI or rewrite history, so such paths fail before any content is looked at.
 */
public final class PathPolicy {

    /** Pipeline definitions that run with the repository's CI credentials. */
    public static final List<String> DEFAULT_PROTECTED = List.of(
            ".github/workflows/**", "azure-pipelines*.yml", "azure-pipelines*.yaml", "**/azure-pipelines*.yml",
            "**/azure-pipelines*.yaml", ".azuredevops/**", ".azure-pipelines/**");

    private final List<PathMatcher> protectedPaths;
    private final List<PathMatcher> allowed;
    private final List<String> protectedGlobs;

    public PathPolicy(List<String> protectedGlobs, List<String> allowedGlobs) {
        this.protectedGlobs = List.copyOf(protectedGlobs);
        this.protectedPaths = protectedGlobs.stream().map(PathPolicy::matcher).toList();
        this.allowed = allowedGlobs.stream().map(PathPolicy::matcher).toList();
    }

    public static PathPolicy defaults() {
        return new PathPolicy(DEFAULT_PROTECTED, List.of());
    }

    private static PathMatcher matcher(String glob) {
        return FileSystems.getDefault().getPathMatcher("glob:" + glob.strip().toLowerCase(Locale.ROOT));
    }

    /** A checked path: {@code path} normalised (leading {@code ./} removed), or {@code violation} set. */
    public record Verdict(String path, String violation) {
        public boolean allowed() {
            return violation == null;
        }
    }

    public Verdict check(String raw) {
        if (raw == null || raw.isBlank()) {
            return new Verdict(raw, "missing file path");
        }
        String path = raw.strip();
        while (path.startsWith("./")) {
            path = path.substring(2);
        }
        if (path.length() > 1024) {
            return new Verdict(raw, "path is longer than 1024 characters");
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return new Verdict(raw, "path contains control characters");
            }
        }
        if (path.startsWith("/") || path.startsWith("~") || path.matches("^[A-Za-z]:.*")) {
            return new Verdict(raw, "absolute paths are not allowed");
        }
        if (path.contains("\\")) {
            return new Verdict(raw, "backslashes are not allowed in paths; use '/'");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..")) {
                return new Verdict(raw, "'..' is not allowed in paths");
            }
            if (segment.isEmpty() || segment.equals(".")) {
                return new Verdict(raw, "path has an empty or '.' segment");
            }
            if (segment.equalsIgnoreCase(".git")) {
                return new Verdict(raw, "nothing under .git/ may be written");
            }
        }
        Path p = Path.of(path.toLowerCase(Locale.ROOT));
        boolean isProtected = protectedPaths.stream().anyMatch(m -> m.matches(p));
        if (isProtected && allowed.stream().noneMatch(m -> m.matches(p))) {
            return new Verdict(raw, "CI/pipeline file is protected (" + String.join(", ", protectedGlobs)
                    + "); allow it with CODEAGENT_PATCH_ALLOWED_PROTECTED_PATHS");
        }
        return new Verdict(path, null);
    }
}
