package dev.codeagent.llmpatch.context;

import dev.codeagent.contracts.context.ContextSelection;
import dev.codeagent.contracts.context.ContextSelectionRequest;
import dev.codeagent.contracts.context.ExcludedPath;
import dev.codeagent.contracts.context.RankedPath;
import dev.codeagent.contracts.git.TreeEntry;
import dev.codeagent.contracts.patch.SourceFile;
import dev.codeagent.llmpatch.secrets.SecretFiles;
import java.util.ArrayList;
import java.util.Collections;
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
 * Chooses the files a model sees and the repository map it reads next to them.
 *
 * <ul>
 *   <li>Files whose name says they may hold secrets ({@link SecretFiles}), binary, generated, vendored and
 *       oversized files never enter; each exclusion carries its reason.</li>
 *   <li>A small repository is shown whole: when every remaining file fits the budget, all are shown — those
 *       the intent or the PR points at first, the rest smallest first, so a model with a smaller window loses
 *       the largest files ({@link #fit}).</li>
 *   <li>Otherwise files named in the intent always come first, then the PR's changed files, then the rest by
 *       score: the intent's words ({@link Words}: split identifiers, stems, joined pairs, synonyms) in the file's
 *       name and directories, in the names of the symbols it defines and in its code, plus its rank in the
 *       reference graph ({@link RepositoryMap}) personalised to the matching and changed files. Files scoring
 *       below a fraction of the best are not shown even when the budget has room.</li>
 * </ul>
 *
 * <p>The map and the symbol scores need the files' contents: a request without them (and without a map cached
 * for its commit) is answered from paths alone and lists in {@code wanted} the files to send for the map.
 * Recall on real repositories is measured by bench/context (docs/PERFORMANCE.md).
 */
public final class ContextSelector {

    /** Files scoring below this fraction of the best one are left out even when the budget has room. */
    private static final double CUT = 0.2;
    /** Share of the budget the map may take. */
    private static final double MAP_SHARE = 0.125;
    private static final int MAX_RANKED = 200;
    private static final long DEFAULT_MAP_SOURCES_BYTES = 4L * 1024 * 1024;
    /** Weight of the words found in a file's code, per occurrence (log-damped) and rarity of the word. */
    private static final double TEXT_WEIGHT = 0.5;
    /** The reference-graph rank adds up to this fraction of the best match to a file. */
    private static final double GRAPH_WEIGHT = 0.3;

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
    private static final Set<String> SOURCE_EXT = Set.of("java", "kt", "scala", "groovy", "js", "jsx", "ts", "tsx",
            "go", "py", "rb", "cs", "c", "h", "cpp", "hpp", "cc", "rs", "swift", "php", "sql", "vue", "svelte");

    private final long defaultBudget;
    private final long maxFileBytes;
    private final long mapSourcesBytes;
    private final Map<String, RepositoryMap> maps;

    public ContextSelector(long defaultBudget, long maxFileBytes) {
        this(defaultBudget, maxFileBytes, DEFAULT_MAP_SOURCES_BYTES, 16);
    }

    /**
     * @param mapSourcesBytes how many bytes of contents a request may be asked for to build the map
     * @param cachedMaps      how many commits' maps to keep
     */
    public ContextSelector(long defaultBudget, long maxFileBytes, long mapSourcesBytes, int cachedMaps) {
        this.defaultBudget = defaultBudget;
        this.maxFileBytes = maxFileBytes;
        this.mapSourcesBytes = mapSourcesBytes;
        this.maps = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, RepositoryMap> eldest) {
                return size() > cachedMaps;
            }
        });
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
        long all = sizes.values().stream().mapToLong(Long::longValue).sum();
        boolean whole = all <= budget;
        RepositoryMap map = map(request, sizes.keySet());
        List<String> wanted = map == null && request.files() == null ? wanted(sizes) : List.of();
        Ranking ranking = rank(request, sizes.keySet(), map);
        List<String> order = new ArrayList<>(ranking.order());
        if (whole) {
            sizes.keySet().stream().filter(p -> !order.contains(p))
                    .sorted(Comparator.comparingLong((String p) -> sizes.get(p)).thenComparing(Comparator.naturalOrder()))
                    .forEach(order::add);
        }
        String mapText = map == null || whole ? "" : map.render(order.isEmpty() ? List.copyOf(sizes.keySet())
                : concat(order, sizes.keySet()), (long) (budget * MAP_SHARE));
        long fileBudget = budget - mapText.length();
        List<String> paths = new ArrayList<>();
        Map<String, String> notShown = new LinkedHashMap<>();
        long total = 0;
        for (String p : order) {
            long size = sizes.get(p);
            if (total + size > fileBudget) {
                excluded.add(new ExcludedPath(p, "over budget (" + budget + " bytes)"));
                notShown.put(p, "over budget (" + budget + " bytes)");
                continue;
            }
            paths.add(p);
            total += size;
        }
        List<RankedPath> ranked = new ArrayList<>();
        for (String p : order) {
            if (ranked.size() == MAX_RANKED) {
                break;
            }
            String why = ranking.reasons().getOrDefault(p, "");
            if (whole && why.isEmpty()) {
                why = "small repository: every file fits the budget";
            }
            why = join(why, unparsed(map, p));
            boolean shown = !notShown.containsKey(p);
            ranked.add(new RankedPath(p, ranking.scores().getOrDefault(p, 0.0), shown,
                    shown ? why : join(why, "not shown: " + notShown.get(p))));
        }
        for (Map.Entry<String, String> below : ranking.belowCut().entrySet()) {
            if (ranked.size() == MAX_RANKED) {
                break;
            }
            ranked.add(new RankedPath(below.getKey(), ranking.scores().get(below.getKey()), false,
                    join(join(below.getValue(), unparsed(map, below.getKey())), "not shown: ranked below the cut")));
        }
        return new ContextSelection(paths, total, excluded, ranked, mapText, wanted);
    }

    /** "no symbols: <why>" for a file whose parser failed on it, so a user sees why the map lists it bare. */
    private static String unparsed(RepositoryMap map, String path) {
        FileSymbols symbols = map == null ? null : map.file(path);
        return symbols == null || symbols.problem() == null ? "" : "no symbols: " + symbols.problem();
    }

    /** The map for the request: built from its files (and cached for its commit), or the one cached, or null. */
    private RepositoryMap map(ContextSelectionRequest request, Set<String> candidates) {
        String commit = request.commit() == null || request.commit().isBlank() ? null : request.commit();
        if (request.files() != null && !request.files().isEmpty()) {
            List<SourceFile> sources = request.files().stream()
                    .filter(f -> f != null && f.path() != null && f.content() != null && candidates.contains(f.path()))
                    .toList();
            RepositoryMap built = RepositoryMap.build(sources);
            if (commit != null) {
                maps.put(commit, built);
            }
            return built;
        }
        return commit == null ? null : maps.get(commit);
    }

    /** The files whose contents the map is built from: source code first, then smaller files, within the cap. */
    private List<String> wanted(Map<String, Long> sizes) {
        List<String> wanted = new ArrayList<>();
        long total = 0;
        List<String> byPreference = sizes.keySet().stream()
                .sorted(Comparator.comparing((String p) -> !SOURCE_EXT.contains(SymbolReader.extension(p)))
                        .thenComparingLong(sizes::get).thenComparing(Comparator.naturalOrder()))
                .toList();
        for (String p : byPreference) {
            if (total + sizes.get(p) <= mapSourcesBytes) {
                wanted.add(p);
                total += sizes.get(p);
            }
        }
        return wanted;
    }

    /** Ranked paths (named, changed, then by score above the cut), their scores and reasons, and those below. */
    private record Ranking(List<String> order, Map<String, Double> scores, Map<String, String> reasons,
            Map<String, String> belowCut) {
    }

    private Ranking rank(ContextSelectionRequest request, Set<String> candidates, RepositoryMap map) {
        String intent = request.intent();
        Map<String, Double> words = Words.intent(intent);
        List<String> changed = request.changedPaths() == null ? List.of() : request.changedPaths();
        Map<String, Double> scores = new HashMap<>();
        Map<String, String> reasons = new HashMap<>();
        for (String p : candidates) {
            Match m = match(p, words, map, intent);
            if (m.score() > 0) {
                scores.put(p, m.score());
                reasons.put(p, m.reason());
            }
        }
        if (map != null && map.size() > 0) {
            Map<String, Double> personal = new HashMap<>(scores);
            double top = scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
            changed.stream().filter(candidates::contains).forEach(p -> personal.merge(p, top, Double::sum));
            Map<String, Double> rank = map.rank(personal);
            double maxRank = rank.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
            if (maxRank > 0) {
                List<String> byRank = rank.entrySet().stream()
                        .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                        .map(Map.Entry::getKey).toList();
                for (int i = 0; i < byRank.size(); i++) {
                    String p = byRank.get(i);
                    if (!candidates.contains(p)) {
                        continue;
                    }
                    double boost = GRAPH_WEIGHT * top * rank.get(p) / maxRank;
                    scores.merge(p, boost, Double::sum);
                    reasons.merge(p, "map rank " + (i + 1) + " of " + byRank.size(), ContextSelector::join);
                }
            }
        }
        List<String> order = new ArrayList<>();
        for (String p : namedIn(intent, candidates)) {
            order.add(p);
            reasons.merge(p, "named in the intent", (a, b) -> join(b, a));
        }
        for (String p : changed) {
            if (candidates.contains(p) && !order.contains(p)) {
                order.add(p);
            }
            if (candidates.contains(p)) {
                reasons.merge(p, "changed in the PR", (a, b) -> join(b, a));
            }
        }
        double best = scores.entrySet().stream().filter(e -> !order.contains(e.getKey()))
                .mapToDouble(Map.Entry::getValue).max().orElse(0);
        Map<String, String> belowCut = new LinkedHashMap<>();
        scores.entrySet().stream()
                .filter(e -> !order.contains(e.getKey()))
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> {
                    if (e.getValue() >= CUT * best) {
                        order.add(e.getKey());
                    } else {
                        belowCut.put(e.getKey(), reasons.getOrDefault(e.getKey(), ""));
                    }
                });
        return new Ranking(order, scores, reasons, belowCut);
    }

    /** How well a path matches the intent's words, and which words and symbols matched. */
    private record Match(double score, String reason) {
    }

    private static Match match(String path, Map<String, Double> words, RepositoryMap map, String intent) {
        String[] segments = path.split("/");
        String name = segments[segments.length - 1];
        Set<String> nameTerms = new HashSet<>(Words.terms(name));
        Set<String> dirTerms = new HashSet<>();
        for (int i = 0; i < segments.length - 1; i++) {
            dirTerms.addAll(Words.terms(segments[i]));
        }
        FileSymbols symbols = map == null ? null : map.file(path);
        Map<String, List<String>> symbolTerms = new LinkedHashMap<>();
        if (symbols != null) {
            for (FileSymbols.Symbol s : symbols.defined()) {
                for (String t : Words.terms(s.name())) {
                    symbolTerms.computeIfAbsent(t, k -> new ArrayList<>()).add(s.name());
                }
            }
        }
        double score = 0;
        Set<String> matchedWords = new java.util.TreeSet<>();
        Set<String> matchedSymbols = new java.util.TreeSet<>();
        Set<String> matchedCode = new java.util.TreeSet<>();
        for (Map.Entry<String, Double> w : words.entrySet()) {
            String t = w.getKey();
            double weight = w.getValue();
            if (nameTerms.contains(t)) {
                score += 3 * weight;
                matchedWords.add(t);
            } else if (dirTerms.contains(t)) {
                score += weight;
                matchedWords.add(t);
            }
            if (symbols != null) {
                if (symbolTerms.containsKey(t)) {
                    score += 2 * weight;
                    matchedSymbols.addAll(symbolTerms.get(t).subList(0, Math.min(2, symbolTerms.get(t).size())));
                }
                int tf = symbols.terms().getOrDefault(t, 0);
                if (tf > 0) {
                    score += weight * map.idf(t) * Math.log1p(tf) * TEXT_WEIGHT;
                    matchedCode.add(t);
                }
            }
        }
        if (score <= 0) {
            return new Match(0, "");
        }
        String lowerPath = path.toLowerCase(Locale.ROOT);
        String lowerIntent = intent.toLowerCase(Locale.ROOT);
        String ext = SymbolReader.extension(name);
        boolean isTest = lowerPath.contains("/test/") || lowerPath.contains("/tests/") || lowerPath.contains("test.")
                || lowerPath.contains("tests.") || lowerPath.contains("spec.") || lowerPath.startsWith("test");
        if (isTest && !lowerIntent.contains("test")) {
            score *= 0.5;
        }
        if (SOURCE_EXT.contains(ext)) {
            score += 0.5;
        } else if ((ext.equals("md") || ext.equals("txt")) && !lowerIntent.contains("doc") && !lowerIntent.contains("readme")) {
            score *= 0.5;
        }
        List<String> parts = new ArrayList<>();
        if (!matchedWords.isEmpty()) {
            parts.add("words in the path: " + String.join(", ", matchedWords));
        }
        if (!matchedSymbols.isEmpty()) {
            parts.add("symbols: " + String.join(", ", matchedSymbols));
        }
        if (!matchedCode.isEmpty()) {
            parts.add("words in the code: " + String.join(", ", matchedCode));
        }
        return new Match(score, String.join("; ", parts));
    }

    private static String join(String a, String b) {
        return a == null || a.isEmpty() ? b : b == null || b.isEmpty() ? a : a + "; " + b;
    }

    private static List<String> concat(List<String> first, Set<String> rest) {
        List<String> all = new ArrayList<>(first);
        rest.stream().filter(p -> !first.contains(p)).sorted().forEach(all::add);
        return all;
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

    /**
     * Paths whose full path or file name appears in the intent, or whose name without extension does when it is
     * spelled like code ({@code LoginHandler}, {@code user_service}): a plain word such as "login" names no file.
     */
    static List<String> namedIn(String intent, Set<String> paths) {
        String lower = intent.toLowerCase(Locale.ROOT);
        List<String> named = new ArrayList<>();
        for (String p : paths) {
            String pl = p.toLowerCase(Locale.ROOT);
            String name = pl.substring(pl.lastIndexOf('/') + 1);
            int dot = name.lastIndexOf('.');
            String stem = dot > 0 ? name.substring(0, dot) : name;
            String original = p.substring(p.lastIndexOf('/') + 1, p.lastIndexOf('/') + 1 + stem.length());
            boolean codeLike = original.chars().skip(1).anyMatch(Character::isUpperCase)
                    || original.chars().anyMatch(c -> c == '_' || c == '-' || c == '.');
            if (lower.contains(pl) || containsWord(lower, name)
                    || codeLike && stem.length() >= 4 && containsWord(lower, stem)) {
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
}
