package dev.codeagent.llmpatch.bench;

import dev.codeagent.contracts.context.ContextSelection;
import dev.codeagent.contracts.context.ContextSelectionRequest;
import dev.codeagent.contracts.git.TreeEntry;
import dev.codeagent.llmpatch.context.ContextSelector;
import java.io.IOException;
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
 * reviewer would open (the gold files) is among the files shown to the model, and the share of the prompt budget
 * the shown files use. Measured for llm-patch's {@link ContextSelector} and for the baseline "the PR's changed
 * files, then files whose name shares a word with the intent".
 *
 * <p>Usage: {@code ContextBench <corpus.tsv> <checked-out repositories dir> <budget bytes> <details.tsv>}; run.sh
 * checks the bundles out and passes the arguments. Prints a Markdown table per repository and in total.
 */
public final class ContextBench {

    /** One line of the corpus. */
    record Intent(String repo, String text, List<String> changed, List<String> gold) {
    }

    /** A repository checked out at its bundled commit: its tree as the adapter lists it. */
    record Repo(List<TreeEntry> tree) {
    }

    /** What one way of choosing showed for an intent. */
    record Shown(List<String> paths, long bytes) {
    }

    /** Recall and budget share summed over intents. */
    static final class Tally {
        int intents;
        int hits;
        double share;

        void add(boolean hit, double used) {
            intents++;
            hits += hit ? 1 : 0;
            share += used;
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
            out.println("repository\tintent\tbaseline hit\tselector hit\tselector shown (first 8)");
            for (Intent intent : intents) {
                Repo repo = checkedOut.computeIfAbsent(intent.repo(), name -> read(repos.resolve(name)));
                Shown base = baseline(intent, repo, budget);
                ContextSelection selection = selector.select(new ContextSelectionRequest(intent.text(), repo.tree(),
                        intent.changed(), budget));
                Shown chosen = new Shown(selection.paths(), selection.totalBytes());
                boolean baseHit = hit(intent, base);
                boolean chosenHit = hit(intent, chosen);
                Tally[] t = byRepo.computeIfAbsent(intent.repo(), r -> new Tally[] {new Tally(), new Tally()});
                for (Tally[] each : List.of(t, total)) {
                    each[0].add(baseHit, (double) base.bytes() / budget);
                    each[1].add(chosenHit, (double) chosen.bytes() / budget);
                }
                out.println(intent.repo() + "\t" + intent.text() + "\t" + baseHit + "\t" + chosenHit + "\t"
                        + String.join(" ", chosen.paths().subList(0, Math.min(8, chosen.paths().size()))));
            }
        }
        System.out.println("budget " + budget + " bytes, " + intents.size() + " intents");
        System.out.println();
        System.out.println("| repository | intents | baseline recall@shown | baseline budget used | selector recall@shown"
                + " | selector budget used |");
        System.out.println("|---|---|---|---|---|---|");
        byRepo.forEach((name, t) -> row(name, t));
        row("**total**", total);
    }

    private static void row(String name, Tally[] t) {
        System.out.println("| " + name + " | " + t[0].intents + " | " + t[0].recall() + " | " + t[0].meanShare() + " | "
                + t[1].recall() + " | " + t[1].meanShare() + " |");
    }

    private static boolean hit(Intent intent, Shown shown) {
        return shown.paths().stream().anyMatch(intent.gold()::contains);
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
        return new Repo(tree);
    }

    private ContextBench() {
    }
}
