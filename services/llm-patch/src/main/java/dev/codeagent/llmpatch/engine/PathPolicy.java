package dev.codeagent.llmpatch.engine;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which repository paths a model may write. Model output is untrusted: a path that escapes the repository or
 * points into {@code .git/} would rewrite history, and an edit of what CI runs (pipelines and their templates,
 * actions, build wrappers, Dockerfiles, git hooks) or of who reviews (CODEOWNERS) would run code with the
 * pipeline's secrets on the agent's branch, and an edit of the agent's own check configuration ({@code
 * .codeagent.yml}) would let a variant choose the checks it is judged by, so such paths fail before any content is
 * looked at. Globs are case-insensitive, and a glob starting with {@code **}{@code /} also matches at the root.
 */
public final class PathPolicy {

    /** What runs in CI or in every build, or decides who reviews; CODEAGENT_PROTECTED_PATHS adds to it. */
    public static final List<String> DEFAULT_PROTECTED = List.of(
            // pipelines, their actions and includes
            ".github/workflows/**", ".github/actions/**", "**/azure-pipelines*.yml", "**/azure-pipelines*.yaml",
            ".azuredevops/**", ".azure-pipelines/**", ".pipelines/**", "**/Jenkinsfile", "**/Jenkinsfile.*",
            ".gitlab-ci.yml", ".gitlab/**", "bitbucket-pipelines.yml", ".circleci/**", ".travis.yml", ".buildkite/**",
            // build wrappers and build-tool extensions, run by every build
            "**/mvnw", "**/mvnw.cmd", "**/.mvn/**", "**/gradlew", "**/gradlew.bat", "**/gradle/wrapper/**",
            // images that pipelines build and run
            "**/Dockerfile", "**/Dockerfile.*", "**/*.dockerfile",
            // review rules, submodules and git hooks
            "CODEOWNERS", ".github/CODEOWNERS", "docs/CODEOWNERS", ".gitmodules", ".githooks/**", ".husky/**",
            ".pre-commit-config.yaml",
            // the checks the runner runs on every variant: a model that could edit them could pass its own checks
            ".codeagent.yml", ".codeagent.yaml");

    private static final String ALLOW_HINT = "; an operator can allow it with CODEAGENT_PROTECTED_PATHS_ALLOW";

    private final List<Glob> protectedGlobs;
    private final List<Glob> allowed;
    /** Lower-case path of a pipeline template → the pipeline file that uses it. */
    private final Map<String, String> templates;
    /** Lower-case path of a file the model was not shown → why. */
    private final Map<String, String> withheld;

    public PathPolicy(List<String> protectedGlobs, List<String> allowedGlobs) {
        this(globs(protectedGlobs), globs(allowedGlobs), Map.of(), Map.of());
    }

    private PathPolicy(List<Glob> protectedGlobs, List<Glob> allowed, Map<String, String> templates,
            Map<String, String> withheld) {
        this.protectedGlobs = protectedGlobs;
        this.allowed = allowed;
        this.templates = Map.copyOf(templates);
        this.withheld = Map.copyOf(withheld);
    }

    public static PathPolicy defaults() {
        return new PathPolicy(DEFAULT_PROTECTED, List.of());
    }

    /**
     * This policy, also protecting the YAML files that pipeline files among {@code files} (path → content)
     * reference as {@code template:}: a template runs with the pipeline that includes it, wherever it lives. A
     * pipeline whose content is not in {@code files} cannot be read, so its templates stay unknown.
     */
    public PathPolicy withTemplatesOf(Map<String, String> files) {
        Map<String, String> found = PipelineTemplates.referencedBy(files, this::isPipeline);
        if (found.isEmpty()) {
            return this;
        }
        Map<String, String> all = new LinkedHashMap<>(templates);
        found.forEach((path, by) -> all.putIfAbsent(path.toLowerCase(Locale.ROOT), by));
        return new PathPolicy(protectedGlobs, allowed, all, withheld);
    }

    /** This policy, also refusing {@code reasons}' paths (files kept from the model), whatever the allow list says. */
    public PathPolicy withholding(Map<String, String> reasons) {
        Map<String, String> all = new LinkedHashMap<>(withheld);
        reasons.forEach((path, why) -> all.put(path.toLowerCase(Locale.ROOT), why));
        return new PathPolicy(protectedGlobs, allowed, templates, all);
    }

    /**
     * A checked path: {@code path} normalised (leading {@code ./} removed), or {@code violation} set;
     * {@code protectedPath} when the path is valid but may not be written (retrying cannot help).
     */
    public record Verdict(String path, String violation, boolean protectedPath) {
        public boolean allowed() {
            return violation == null;
        }

        static Verdict unsafe(String raw, String violation) {
            return new Verdict(raw, violation, false);
        }
    }

    public Verdict check(String raw) {
        if (raw == null || raw.isBlank()) {
            return Verdict.unsafe(raw, "missing file path");
        }
        String path = raw.strip();
        while (path.startsWith("./")) {
            path = path.substring(2);
        }
        if (path.length() > 1024) {
            return Verdict.unsafe(raw, "path is longer than 1024 characters");
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return Verdict.unsafe(raw, "path contains control characters");
            }
        }
        if (path.startsWith("/") || path.startsWith("~") || path.matches("^[A-Za-z]:.*")) {
            return Verdict.unsafe(raw, "absolute paths are not allowed");
        }
        if (path.contains("\\")) {
            return Verdict.unsafe(raw, "backslashes are not allowed in paths; use '/'");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..")) {
                return Verdict.unsafe(raw, "'..' is not allowed in paths");
            }
            if (segment.isEmpty() || segment.equals(".")) {
                return Verdict.unsafe(raw, "path has an empty or '.' segment");
            }
            if (segment.equalsIgnoreCase(".git")) {
                return Verdict.unsafe(raw, "nothing under .git/ may be written");
            }
        }
        String lower = path.toLowerCase(Locale.ROOT);
        String why = withheld.get(lower);
        if (why != null) {
            return new Verdict(path, "not shown to the model (" + why + ")", true);
        }
        Path p = Path.of(lower);
        if (allowed.stream().anyMatch(g -> g.matches(p))) {
            return new Verdict(path, null, false);
        }
        String template = templates.get(lower);
        if (template != null) {
            return new Verdict(path, "protected CI/build file (a pipeline template used by " + template + ")"
                    + ALLOW_HINT, true);
        }
        for (Glob g : protectedGlobs) {
            if (g.matches(p)) {
                return new Verdict(path, "protected CI/build file (matches '" + g.glob() + "')" + ALLOW_HINT, true);
            }
        }
        return new Verdict(path, null, false);
    }

    private boolean isPipeline(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        Path p = Path.of(lower);
        return (lower.endsWith(".yml") || lower.endsWith(".yaml"))
                && (templates.containsKey(lower) || protectedGlobs.stream().anyMatch(g -> g.matches(p)));
    }

    private static List<Glob> globs(List<String> globs) {
        return globs.stream().map(String::strip).filter(g -> !g.isEmpty()).map(Glob::of).toList();
    }

    /** A glob as configured, with its matchers: {@code **}{@code /x} also matches {@code x} at the root. */
    private record Glob(String glob, List<PathMatcher> matchers) {
        static Glob of(String glob) {
            String lower = glob.toLowerCase(Locale.ROOT);
            List<String> patterns = lower.startsWith("**/") ? List.of(lower, lower.substring(3)) : List.of(lower);
            return new Glob(glob, patterns.stream()
                    .map(p -> FileSystems.getDefault().getPathMatcher("glob:" + p)).toList());
        }

        boolean matches(Path path) {
            return matchers.stream().anyMatch(m -> m.matches(path));
        }
    }
}
