package dev.codeagent.llmpatch.provider;

import dev.codeagent.contracts.patch.SourceFile;
import dev.codeagent.llmpatch.engine.TextFile;
import dev.codeagent.llmpatch.prompt.VariantStrategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The deterministic provider for demos and tests: no model, same answer for the same request. It writes a
 * small, valid, clearly labelled change that records the intent — a comment in the language's own syntax,
 * placed differently per variant strategy, or a design note for the alternative-design variant — as
 * SEARCH/REPLACE text, so its output goes through the same patch engine as a model's.
 */
public final class OfflineProvider implements ModelProvider {

    public static final String NAME = "offline";
    public static final String MODEL = "offline-deterministic";

    /** Local and instant: no URL, no context limit worth checking, temperature always 0. */
    private static final ProviderSettings SETTINGS = new ProviderSettings(NAME, MODEL, null, Long.MAX_VALUE / 4, 0,
            Duration.ofSeconds(10), 0, 0, false);

    private static final Map<String, String> LINE_COMMENT = Map.ofEntries(
            Map.entry("java", "//"), Map.entry("kt", "//"), Map.entry("kts", "//"), Map.entry("scala", "//"),
            Map.entry("js", "//"), Map.entry("jsx", "//"), Map.entry("mjs", "//"), Map.entry("ts", "//"),
            Map.entry("tsx", "//"), Map.entry("go", "//"), Map.entry("c", "//"), Map.entry("h", "//"),
            Map.entry("cpp", "//"), Map.entry("hpp", "//"), Map.entry("cc", "//"), Map.entry("cs", "//"),
            Map.entry("swift", "//"), Map.entry("rs", "//"), Map.entry("dart", "//"), Map.entry("groovy", "//"),
            Map.entry("gradle", "//"), Map.entry("py", "#"), Map.entry("rb", "#"), Map.entry("sh", "#"),
            Map.entry("bash", "#"), Map.entry("yml", "#"), Map.entry("yaml", "#"), Map.entry("toml", "#"),
            Map.entry("properties", "#"), Map.entry("r", "#"), Map.entry("pl", "#"), Map.entry("ps1", "#"),
            Map.entry("sql", "--"), Map.entry("lua", "--"), Map.entry("hs", "--"));
    private static final Set<String> STOP_WORDS = Set.of("the", "and", "for", "with", "from", "into", "this",
            "that", "add", "make", "use", "all", "should", "when", "then", "also", "more", "less", "new");

    @Override
    public ModelReply complete(ModelRequest request, double temperature) {
        VariantStrategy strategy = request.strategy();
        String intent = oneLine(request.intent());
        SourceFile target = strategy == VariantStrategy.ALTERNATIVE ? null : pickTarget(request.files(), intent);
        String edit = target == null ? designNote(request, strategy, intent) : commentEdit(target, strategy, intent);
        String where = target == null ? "a design note in " + notePath(request) : "a comment in " + target.path();
        String text = edit + "\nSummary: Offline provider (deterministic, no model was called), " + strategy.title()
                + " variant: records the intent \"" + intent + "\" as " + where
                + ". Configure a model provider for a real implementation.\n";
        return new ModelReply(text, request.estimatedPromptTokens(), TokenEstimator.estimate(text));
    }

    private static SourceFile pickTarget(List<SourceFile> files, String intent) {
        List<String> words = words(intent);
        SourceFile best = null;
        int bestScore = -1;
        for (SourceFile file : files) {
            if (commentFor(file.path()) == null || file.content().indexOf('\u0000') >= 0) {
                continue;
            }
            String haystack = (file.path() + "\n" + file.content()).toLowerCase(Locale.ROOT);
            int score = 0;
            for (String w : words) {
                if (haystack.contains(w)) {
                    score += file.path().toLowerCase(Locale.ROOT).contains(w) ? 3 : 1;
                }
            }
            if (score > bestScore) {
                best = file;
                bestScore = score;
            }
        }
        return best;
    }

    private static String commentEdit(SourceFile file, VariantStrategy strategy, String intent) {
        String[] syntax = commentFor(file.path());
        List<String> lines = TextFile.parse(file.content()).lines();
        String label = "Code Agent (offline provider, " + strategy.title() + " variant)";
        List<String> comment = switch (strategy) {
            case MINIMAL -> List.of(label + ": " + intent);
            case IDIOMATIC -> List.of(label, "Intent: " + intent,
                    "A model provider would implement this following the conventions of this file.");
            case DEFENSIVE -> List.of(label + ": " + intent,
                    "Inputs reaching the next statement should be validated before use.");
            default -> List.of(label + ": " + intent, "Keep the code below cheap on the hot path.");
        };
        if (lines.stream().allMatch(String::isBlank)) {
            return block(file.path(), List.of(), render(comment, syntax, ""));
        }
        int anchor;
        boolean before;
        switch (strategy) {
            case MINIMAL -> {
                anchor = firstCodeLine(lines);
                before = true;
            }
            case IDIOMATIC -> {
                anchor = lastNonBlank(lines);
                before = false;
            }
            default -> {
                int hit = keywordLine(lines, words(intent), strategy == VariantStrategy.PERFORMANCE);
                anchor = hit >= 0 ? hit : firstCodeLine(lines);
                before = true;
            }
        }
        int[] range = uniqueRange(lines, anchor);
        if (range == null) {
            return block(file.path(), List.of(), List.of());
        }
        List<String> search = new ArrayList<>(lines.subList(range[0], range[1]));
        List<String> replace = new ArrayList<>();
        String indent = lines.get(anchor).substring(0, lines.get(anchor).length() - lines.get(anchor).stripLeading().length());
        if (before) {
            replace.addAll(lines.subList(range[0], anchor));
            replace.addAll(render(comment, syntax, indent));
            replace.addAll(lines.subList(anchor, range[1]));
        } else {
            replace.addAll(lines.subList(range[0], anchor + 1));
            replace.add("");
            replace.addAll(render(comment, syntax, ""));
            replace.addAll(lines.subList(anchor + 1, range[1]));
        }
        return block(file.path(), search, replace);
    }

    private String designNote(ModelRequest request, VariantStrategy strategy, String intent) {
        List<String> note = new ArrayList<>(List.of(
                "# Design note: " + intent, "",
                "> Written by the Code Agent offline provider (deterministic, no model was called).", "",
                "Variant " + request.k() + " follows the **" + strategy.title() + "** strategy: "
                        + strategy.instructions(), "",
                "Files considered:"));
        request.files().stream().limit(20).forEach(f -> note.add("- `" + f.path() + "`"));
        if (request.files().isEmpty()) {
            note.add("- (none were provided)");
        }
        return block(notePath(request), List.of(), note);
    }

    private static String notePath(ModelRequest request) {
        String slug = words(request.intent()).stream().limit(6).reduce((a, b) -> a + "-" + b).orElse("change");
        return "docs/codeagent/variant-" + request.k() + "-" + slug + ".md";
    }

    private static String block(String path, List<String> search, List<String> replace) {
        StringBuilder out = new StringBuilder(path).append("\n```\n<<<<<<< SEARCH\n");
        search.forEach(l -> out.append(l).append('\n'));
        out.append("=======\n");
        replace.forEach(l -> out.append(l).append('\n'));
        return out.append(">>>>>>> REPLACE\n```\n").toString();
    }

    private static List<String> render(List<String> comment, String[] syntax, String indent) {
        List<String> out = new ArrayList<>();
        if (syntax[1] != null) {
            out.add(indent + syntax[0]);
            comment.forEach(c -> out.add(indent + c));
            out.add(indent + syntax[1]);
        } else {
            comment.forEach(c -> out.add(indent + syntax[0] + " " + c));
        }
        return out;
    }

    /** {line prefix} or {block open, block close}; null when the file type has no safe comment syntax here. */
    static String[] commentFor(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (name.equals("dockerfile") || name.equals("makefile")) {
            return new String[] {"#", null};
        }
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        if (ext.equals("md") || ext.equals("markdown")) {
            return new String[] {"<!--", "-->"};
        }
        String prefix = LINE_COMMENT.get(ext);
        return prefix == null ? null : new String[] {prefix, null};
    }

    private static int firstCodeLine(List<String> lines) {
        int i = 0;
        while (i < lines.size() && (lines.get(i).startsWith("#!") || lines.get(i).matches("^#.*coding[:=].*"))) {
            i++;
        }
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        return Math.min(i, lines.size() - 1);
    }

    private static int lastNonBlank(List<String> lines) {
        int i = lines.size() - 1;
        while (i > 0 && lines.get(i).isBlank()) {
            i--;
        }
        return i;
    }

    private static int keywordLine(List<String> lines, List<String> words, boolean last) {
        int found = -1;
        for (int i = 0; i < lines.size(); i++) {
            String lower = lines.get(i).toLowerCase(Locale.ROOT);
            String trimmed = lower.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("import ") || trimmed.startsWith("package ")
                    || trimmed.startsWith("from ") || trimmed.startsWith("#include") || trimmed.startsWith("using ")) {
                continue;
            }
            for (String w : words) {
                if (lower.contains(w)) {
                    found = i;
                    break;
                }
            }
            if (found >= 0 && !last) {
                return found;
            }
        }
        return found;
    }

    /** The smallest range of lines around {@code anchor} whose text occurs once in the file. */
    private static int[] uniqueRange(List<String> lines, int anchor) {
        for (int size = 1; size <= 8; size++) {
            for (int from = Math.max(0, anchor - size + 1); from <= anchor; from++) {
                int to = from + size;
                if (to > lines.size() || lines.subList(from, to).stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (occurrences(lines, lines.subList(from, to)) == 1) {
                    return new int[] {from, to};
                }
            }
        }
        return null;
    }

    private static int occurrences(List<String> lines, List<String> window) {
        int count = 0;
        for (int i = 0; i + window.size() <= lines.size(); i++) {
            if (lines.subList(i, i + window.size()).equals(window)) {
                count++;
            }
        }
        return count;
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (w.length() >= 4 && !STOP_WORDS.contains(w) && !words.contains(w)) {
                words.add(w);
            }
        }
        return words;
    }

    private static String oneLine(String text) {
        String s = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        s = s.replace("*/", "* /").replace("-->", "- ->").replace("<<<<<<<", "<<<").replace(">>>>>>>", ">>>");
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    @Override
    public ProviderSettings settings() {
        return SETTINGS;
    }

    @Override
    public boolean offline() {
        return true;
    }
}
