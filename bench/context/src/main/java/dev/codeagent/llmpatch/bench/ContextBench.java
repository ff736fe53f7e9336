package dev.codeagent.llmpatch.bench;

import dev.codeagent.contracts.context.ContextSelection;
import dev.codeagent.contracts.context.ContextSelectionRequest;
import dev.codeagent.contracts.git.TreeEntry;
import dev.codeagent.contracts.patch.SourceFile;
import dev.codeagent.llmpatch.context.ContextSelector;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Recall@shown of the context selection on bench/context/corpus.tsv: for each intent, whether at least one file a
 * reviewer would open (the gold files) is among the files shown to the model, whether one is among the first five
 * shown (how well the ranking orders them for a smaller window), and the share of the prompt budget the shown
 * files and the repository map use. Measured for llm-patch's {@link ContextSelector} and for the baseline "the PR's changed
 * files, then files whose name shares a word with the intent".
 *
 * <p>Usage: {@code ContextBench <corpus.tsv> <checked-out repositories dir> <budget bytes> <details.tsv>}; run.sh
 * checks the bundles out and passes the arguments. Prints a Markdown table per repository and in total.
 */
public final class ContextBench {

    /** One line of the corpus. */
    record Intent(String repo, String text, List<String> changed, List<String> gold) {
    }

    /** A repository checked out at its bundled commit: its tree as the adapter lists it, and where it is. */
    record Repo(String commit, List<TreeEntry> tree, Path root) {

        /** The contents of {@code paths} as the adapter returns them: text files only. */
        List<SourceFile> contents(List<String> paths) {
            List<SourceFile> files = new ArrayList<>();
            for (String p : paths) {
                try {
                    byte[] bytes = Files.readAllBytes(root.resolve(p));
                    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
                    files.add(new SourceFile(p, utf8.decode(ByteBuffer.wrap(bytes)).toString()));
                } catch (CharacterCodingException binary) {
                    // The adapter marks it binary and the orchestrator drops it.
                } catch (IOException e) {
                    throw new IllegalStateException("cannot read " + p, e);
                }
            }
            return files;
        }
    }

    /** What one way of choosing showed for an intent. */
    record Shown(List<String> paths, long bytes) {
    }

    /** Recall and budget share summed over intents. */
    static final class Tally {
        int intents;
        int hits;
        int top5;
        double share;

        void add(Intent intent, Shown shown, long budget) {
            intents++;
            hits += hit(intent, shown.paths()) ? 1 : 0;
            top5 += hit(intent, shown.paths().subList(0, Math.min(5, shown.paths().size()))) ? 1 : 0;
            share += (double) shown.bytes() / budget;
        }

        String top5() {
            return String.format(Locale.ROOT, "%.1f %%", 100.0 * top5 / intents);
        }

        String recall() {
            return String.format(Locale.ROOT, "%d/%d = %.1f %%", hits, intents, 100.0 * hits / intents);
        }

        String meanShare() {
            return String.format(Locale.ROOT, "%.0f %%", 100.0 * share / intents);
        }
    }

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args[0]);
        Path repos = Path.of(args[1]);
        long budget = Long.parseLong(args[2]);
        Path details = Path.of(args[3]);
        List<Intent> intents = load(corpus);
        Map<String, Repo> checkedOut = new LinkedHashMap<>();
        ContextSelector selector = new ContextSelector(budget, 256 * 1024);
        Map<String, Tally[]> byRepo = new LinkedHashMap<>();
        Tally[] total = {new Tally(), new Tally()};
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(details))) {
            out.println("repository\tintent\tbaseline hit\tselector hit\tselector shown (first 8)\tgold reasons");
            for (Intent intent : intents) {
                Repo repo = checkedOut.computeIfAbsent(intent.repo(), name -> read(repos.resolve(name)));
                Shown base = baseline(intent, repo, budget);
                ContextSelection selection = select(selector, intent, repo, budget);
                Shown chosen = new Shown(selection.paths(), selection.totalBytes() + selection.map().length());
                boolean baseHit = hit(intent, base.paths());
                boolean chosenHit = hit(intent, chosen.paths());
                Tally[] t = byRepo.computeIfAbsent(intent.repo(), r -> new Tally[] {new Tally(), new Tally()});
                for (Tally[] each : List.of(t, total)) {
                    each[0].add(intent, base, budget);
                    each[1].add(intent, chosen, budget);
                }
                out.println(intent.repo() + "\t" + intent.text() + "\t" + baseHit + "\t" + chosenHit + "\t"
                        + String.join(" ", chosen.paths().subList(0, Math.min(8, chosen.paths().size()))) + "\t"
                        + selection.ranked().stream().filter(r -> intent.gold().contains(r.path()))
                                .map(r -> r.path().substring(r.path().lastIndexOf('/') + 1) + " [" + r.reason() + "]")
                                .toList());
            }
        }
        System.out.println("budget " + budget + " bytes, " + intents.size() + " intents");
        System.out.println();
        System.out.println("| repository | intents | baseline recall@shown | baseline top-5 | baseline budget used"
                + " | selector recall@shown | selector top-5 | selector budget used |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        byRepo.forEach((name, t) -> row(name, t));
        row("**total**", total);
        System.out.println();
        System.out.println("| repository | files sent for the map | their size | their lines | select call that"
                + " built the map (first, cold) | the same call, third time (warm) | warm, per 1,000 lines |");
        System.out.println("|---|---|---|---|---|---|---|");
        MAP_BUILDS.forEach(System.out::println);
    }

    /** As the orchestrator asks: paths first, then again with the contents the selection wants for its map. */
    private static ContextSelection select(ContextSelector selector, Intent intent, Repo repo, long budget) {
        ContextSelection first = selector.select(new ContextSelectionRequest(intent.text(), repo.tree(),
                intent.changed(), budget, repo.commit(), null));
        if (first.wanted().isEmpty()) {
            return first;
        }
        List<SourceFile> contents = repo.contents(first.wanted());
        long start = System.nanoTime();
        ContextSelection second = selector.select(new ContextSelectionRequest(intent.text(), repo.tree(),
                intent.changed(), budget, repo.commit(), contents));
        long bytes = contents.stream().mapToLong(f -> f.content().length()).sum();
        long cold = (System.nanoTime() - start) / 1_000_000;
        // Once more without the commit (nothing cached): the cost of a build once the JVM is warm.
        selector.select(new ContextSelectionRequest(intent.text(), repo.tree(), intent.changed(), budget, null,
                contents));
        start = System.nanoTime();
        selector.select(new ContextSelectionRequest(intent.text(), repo.tree(), intent.changed(), budget, null,
                contents));
        long warm = (System.nanoTime() - start) / 1_000_000;
        long lines = contents.stream().mapToLong(f -> f.content().lines().count()).sum();
        MAP_BUILDS.add(String.format(Locale.ROOT, "| %s | %d | %d KB | %,d | %d ms | %d ms | %.0f ms |", intent.repo(),
                contents.size(), bytes / 1024, lines, cold, warm, warm * 1000.0 / Math.max(1, lines)));
        return second;
    }

    /** One line per repository: the call that built (and cached) its map, with the contents it was sent. */
    private static final List<String> MAP_BUILDS = new ArrayList<>();

    private static void row(String name, Tally[] t) {
        System.out.println("| " + name + " | " + t[0].intents + " | " + t[0].recall() + " | " + t[0].top5() + " | "
                + t[0].meanShare() + " | " + t[1].recall() + " | " + t[1].top5() + " | " + t[1].meanShare() + " |");
    }

    private static boolean hit(Intent intent, List<String> shown) {
        return shown.stream().anyMatch(intent.gold()::contains);
    }

    /**
     * The PR's changed files, then every file whose name (split on case, digits and punctuation) shares a word with
     * the intent, in tree order, while they fit the budget.
     */
    static Shown baseline(Intent intent, Repo repo, long budget) {
        Set<String> words = new HashSet<>(Arrays.asList(intent.text().toLowerCase(Locale.ROOT).split("[^a-z0-9]+")));
        words.removeIf(w -> w.length() < 3);
        Map<String, Long> sizes = new LinkedHashMap<>();
        repo.tree().forEach(e -> sizes.put(e.path(), e.size()));
        Set<String> ordered = new LinkedHashSet<>();
        intent.changed().stream().filter(sizes::containsKey).forEach(ordered::add);
        for (TreeEntry e : repo.tree()) {
            String name = e.path().substring(e.path().lastIndexOf('/') + 1);
            String split = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
            if (Arrays.stream(split.split("[^a-z0-9]+")).anyMatch(words::contains)) {
                ordered.add(e.path());
            }
        }
        List<String> shown = new ArrayList<>();
        long used = 0;
        for (String p : ordered) {
            if (used + sizes.get(p) <= budget) {
                shown.add(p);
                used += sizes.get(p);
            }
        }
        return new Shown(shown, used);
    }

    static List<Intent> load(Path corpus) throws IOException {
        List<Intent> intents = new ArrayList<>();
        for (String line : Files.readAllLines(corpus)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            intents.add(new Intent(f[0], f[1], f[2].equals("-") ? List.of() : List.of(f[2].split(",")),
                    List.of(f[3].split(","))));
        }
        return intents;
    }

    private static Repo read(Path root) {
        List<TreeEntry> tree = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (!rel.startsWith(".git/")) {
                    tree.add(new TreeEntry(rel, Files.size(p)));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + root, e);
        }
        try {
            Process git = new ProcessBuilder("git", "-C", root.toString(), "rev-parse", "HEAD").start();
            String commit = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return new Repo(commit, tree, root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the commit of " + root, e);
        }
    }

    private ContextBench() {
    }
}
