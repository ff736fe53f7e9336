package dev.codeagent.llmpatch.context;

import dev.codeagent.contracts.context.ContextSelection;
import dev.codeagent.contracts.context.ContextSelectionRequest;
import dev.codeagent.contracts.context.ExcludedPath;
import dev.codeagent.contracts.git.TreeEntry;
import dev.codeagent.contracts.patch.SourceFile;
import dev.codeagent.llmpatch.secrets.SecretFiles;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;

/**
 * Chooses the files a model sees: the PR's changed paths first, then files the intent names, then the rest
 * ranked by {@link #score}, until the byte budget is used. Files whose name says they may hold secrets
 * ({@link SecretFiles}), binary, generated, vendored and oversized files never enter; each exclusion carries its
 * reason.
 *
 * <p>The ranking scores a path by how many intent terms (split on camelCase, snake_case and punctuation,
 * lightly stemmed) appear in its file name (3 points) or directories (1 point), plus 2 points for sharing a
 * directory with a changed path and 1 for a sibling directory; source files beat docs and tests unless the
 * intent mentions them. Its hit rate is measured in ContextSelectorTest and reported in the performance doc.
 */
public final class ContextSelector {

    private static final Set<String> BINARY = Set.of("png", "jpg", "jpeg", "gif", "bmp", "ico", "webp", "svgz",
            "pdf", "zip", "gz", "tgz", "bz2", "xz", "7z", "rar", "jar", "war", "ear", "class", "exe", "dll", "so",
            "dylib", "a", "o", "obj", "lib", "bin", "dat", "db", "sqlite", "woff", "woff2", "ttf", "otf", "eot",
            "mp3", "mp4", "mov", "avi", "wav", "ogg", "webm", "psd", "pyc", "pyo", "nupkg", "snk", "pfx", "p12",
            "keystore", "jks");
    private static final Set<String> VENDOR_DIRS = Set.of("node_modules", "vendor", "third_party", "third-party",
            "bower_components", ".venv", "venv", "site-packages", "packages", ".yarn", "Pods");
    private static final Set<String> GENERATED_DIRS = Set.of("target", "build", "dist", "out", "bin", "obj",
            ".gradle", ".idea", ".vs", "coverage", "generated", "__pycache__", ".next", ".nuxt", ".git");
    private static final Pattern GENERATED_NAME = Pattern.compile(
            "(?i).*(\\.min\\.(js|css)|\\.map|\\.lock|-lock\\.json|\\.pb\\.go|_pb2\\.py|\\.designer\\.cs|\\.g\\.cs|"
                    + "_generated\\.[a-z]+|\\.generated\\.[a-z]+)$|(?i)^(package-lock\\.json|yarn\\.lock|pnpm-lock\\.yaml|"
                    + "go\\.sum|poetry\\.lock|Cargo\\.lock|composer\\.lock|Gemfile\\.lock)$");
    private static final Set<String> STOP = Set.of("the", "and", "for", "with", "from", "into", "this", "that",
            "add", "make", "use", "all", "should", "when", "then", "also", "more", "less", "new", "fix", "to", "in",
            "of", "a", "an", "on", "by", "it", "is", "be", "or", "as", "at", "we", "please", "code", "file", "files");
    private static final Set<String> SOURCE_EXT = Set.of("java", "kt", "scala", "groovy", "js", "jsx", "ts", "tsx",
            "go", "py", "rb", "cs", "c", "h", "cpp", "hpp", "cc", "rs", "swift", "php", "sql", "vue", "svelte");

    private final long defaultBudget;
    private final long maxFileBytes;

    public ContextSelector(long defaultBudget, long maxFileBytes) {
        this.defaultBudget = defaultBudget;
        this.maxFileBytes = maxFileBytes;
    }

    public ContextSelection select(ContextSelectionRequest request) {
        long budget = request.budgetBytes() > 0 ? request.budgetBytes() : defaultBudget;
        Map<String, Long> sizes = new LinkedHashMap<>();
        List<ExcludedPath> excluded = new ArrayList<>();
        for (TreeEntry e : request.tree()) {
            if (e == null || e.path() == null || e.path().isBlank() || sizes.containsKey(e.path())) {
                continue;
            }
            String reason = exclusion(e);
            if (reason != null) {
                excluded.add(new ExcludedPath(e.path(), reason));
            } else {
                sizes.put(e.path(), e.size());
            }
        }
        List<String> changed = request.changedPaths() == null ? List.of() : request.changedPaths();
        List<String> terms = terms(request.intent());
        List<String> ordered = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String p : changed) {
            if (sizes.containsKey(p) && seen.add(p)) {
                ordered.add(p);
            }
        }
        for (String p : namedIn(request.intent(), sizes.keySet())) {
            if (seen.add(p)) {
                ordered.add(p);
            }
        }
        Map<String, Double> scores = new HashMap<>();
        for (String p : sizes.keySet()) {
            if (!seen.contains(p)) {
                scores.put(p, score(p, terms, changed, request.intent()));
            }
        }
        scores.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> ordered.add(e.getKey()));
        List<String> paths = new ArrayList<>();
        long total = 0;
        for (String p : ordered) {
            long size = sizes.get(p);
            if (total + size > budget) {
                excluded.add(new ExcludedPath(p, "over budget (" + budget + " bytes)"));
                continue;
            }
            paths.add(p);
            total += size;
        }
        return new ContextSelection(paths, total, excluded);
    }

    /** Files fitted into a token budget: those kept, in rank order, and those left out whole. */
    public record Fit(List<SourceFile> kept, List<SourceFile> leftOut) {
        public Fit {
            kept = List.copyOf(kept);
            leftOut = List.copyOf(leftOut);
        }
    }

    /**
     * The second cut, for a model whose window is smaller than the byte budget assumed: the selected files in their
     * ranked order while their {@code cost} fits {@code budget} tokens. A file that does not fit is left out whole,
     * never cut (a cut file invites edits against code the model did not see), and a smaller one ranked after it
     * may still enter.
     */
    public static Fit fit(List<SourceFile> ranked, long budget, ToLongFunction<SourceFile> cost) {
        List<SourceFile> kept = new ArrayList<>();
        List<SourceFile> leftOut = new ArrayList<>();
        long used = 0;
        for (SourceFile file : ranked) {
            long c = cost.applyAsLong(file);
            if (used + c <= budget) {
                kept.add(file);
                used += c;
            } else {
                leftOut.add(file);
            }
        }
        return new Fit(kept, leftOut);
    }

    private String exclusion(TreeEntry e) {
        String path = e.path();
        String secret = SecretFiles.why(path);
        if (secret != null) {
            return secret;
        }
        String[] segments = path.split("/");
        String name = segments[segments.length - 1];
        for (int i = 0; i < segments.length - 1; i++) {
            if (VENDOR_DIRS.contains(segments[i])) {
                return "vendored";
            }
            if (GENERATED_DIRS.contains(segments[i])) {
                return "generated";
            }
        }
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (BINARY.contains(ext)) {
            return "binary";
        }
        if (GENERATED_NAME.matcher(name).matches()) {
            return "generated";
        }
        if (e.size() > maxFileBytes) {
            return "oversized (" + e.size() + " > " + maxFileBytes + " bytes)";
        }
        return null;
    }

    /** Paths whose full path or file name (with or without extension) appears in the intent. */
    static List<String> namedIn(String intent, Set<String> paths) {
        String lower = intent.toLowerCase(Locale.ROOT);
        List<String> named = new ArrayList<>();
        for (String p : paths) {
            String pl = p.toLowerCase(Locale.ROOT);
            String name = pl.substring(pl.lastIndexOf('/') + 1);
            int dot = name.lastIndexOf('.');
            String stem = dot > 0 ? name.substring(0, dot) : name;
            if (lower.contains(pl) || containsWord(lower, name) || stem.length() >= 4 && containsWord(lower, stem)) {
                named.add(p);
            }
        }
        named.sort(Comparator.comparing((String p) -> !intent.toLowerCase(Locale.ROOT).contains(p.toLowerCase(Locale.ROOT)))
                .thenComparing(Comparator.naturalOrder()));
        return named;
    }

    private static boolean containsWord(String text, String word) {
        int i = text.indexOf(word);
        while (i >= 0) {
            boolean startOk = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
            int end = i + word.length();
            boolean endOk = end >= text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (startOk && endOk) {
                return true;
            }
            i = text.indexOf(word, i + 1);
        }
        return false;
    }

    static double score(String path, List<String> terms, List<String> changed, String intent) {
        String[] segments = path.split("/");
        String name = segments[segments.length - 1];
        Set<String> nameTerms = new HashSet<>(terms(name));
        Set<String> dirTerms = new HashSet<>();
        for (int i = 0; i < segments.length - 1; i++) {
            dirTerms.addAll(terms(segments[i]));
        }
        double score = 0;
        for (String t : terms) {
            if (nameTerms.contains(t)) {
                score += 3;
            } else if (dirTerms.contains(t)) {
                score += 1;
            }
        }
        String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
        for (String c : changed) {
            String cdir = c.contains("/") ? c.substring(0, c.lastIndexOf('/')) : "";
            if (cdir.equals(dir)) {
                score += 2;
                break;
            }
            String parent = dir.contains("/") ? dir.substring(0, dir.lastIndexOf('/')) : "";
            String cparent = cdir.contains("/") ? cdir.substring(0, cdir.lastIndexOf('/')) : "";
            if (!parent.isEmpty() && parent.equals(cparent)) {
                score += 1;
                break;
            }
        }
        if (score <= 0) {
            return 0;
        }
        String lowerPath = path.toLowerCase(Locale.ROOT);
        String lowerIntent = intent.toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        boolean isTest = lowerPath.contains("/test/") || lowerPath.contains("/tests/") || lowerPath.contains("test.")
                || lowerPath.contains("spec.") || lowerPath.startsWith("test");
        if (isTest && !lowerIntent.contains("test")) {
            score *= 0.5;
        }
        if (SOURCE_EXT.contains(ext)) {
            score += 0.5;
        } else if ((ext.equals("md") || ext.equals("txt")) && !lowerIntent.contains("doc") && !lowerIntent.contains("readme")) {
            score *= 0.5;
        }
        return score;
    }

    /** Lower-case terms of a text: split on non-letters and camelCase, stop words dropped, light stemming. */
    static List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        String split = text.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2");
        for (String raw : split.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (raw.length() < 3 || STOP.contains(raw)) {
                continue;
            }
            String t = stem(raw);
            if (!out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    private static String stem(String w) {
        for (String suffix : List.of("ations", "ation", "ings", "ing", "ers", "er", "ies", "es", "s", "ed")) {
            if (w.length() > suffix.length() + 3 && w.endsWith(suffix)) {
                return suffix.equals("ies") ? w.substring(0, w.length() - 3) + "y" : w.substring(0, w.length() - suffix.length());
            }
        }
        return w;
    }
}
