package dev.codeagent.llmpatch.context;

import dev.codeagent.contracts.patch.SourceFile;
import dev.codeagent.llmpatch.context.FileSymbols.Symbol;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The symbols of a repository at one commit and the graph of references between its files: file A points to file
 * B when A uses a name B defines (a type, a function, a method), weighted down when many files define that name.
 * Ranked with PageRank personalised to the files the intent and the PR point at, as Aider ranks its repo map,
 * so that the code those files depend on and the code that depends on them rise with them. Immutable: built once
 * per commit and cached ({@link ContextSelector}).
 */
final class RepositoryMap {

    /** Names defined in more files than this say nothing about which file is meant ({@code get}, {@code Handle}). */
    private static final int MAX_DEFINERS = 4;
    private static final double DAMPING = 0.85;
    private static final int ITERATIONS = 30;

    private final Map<String, FileSymbols> files;
    private final Map<String, Map<String, Double>> edges;
    private final Map<String, Double> outWeight;
    private final Map<String, Integer> documentFrequency;

    private RepositoryMap(Map<String, FileSymbols> files) {
        this.files = files;
        Map<String, Set<String>> definers = new HashMap<>();
        for (FileSymbols f : files.values()) {
            for (Symbol s : f.defined()) {
                if (s.name().length() >= 3) {
                    definers.computeIfAbsent(s.name(), k -> new HashSet<>()).add(f.path());
                }
            }
        }
        Map<String, Map<String, Double>> out = new HashMap<>();
        for (FileSymbols f : files.values()) {
            Map<String, Double> to = new HashMap<>();
            for (String id : f.identifiers()) {
                Set<String> defs = definers.get(id);
                if (defs == null || defs.size() > MAX_DEFINERS) {
                    continue;
                }
                for (String d : defs) {
                    if (!d.equals(f.path())) {
                        to.merge(d, 1.0 / defs.size(), Double::sum);
                    }
                }
            }
            out.put(f.path(), to);
        }
        this.edges = out;
        Map<String, Double> weights = new HashMap<>();
        out.forEach((from, to) -> weights.put(from, to.values().stream().mapToDouble(Double::doubleValue).sum()));
        this.outWeight = weights;
        Map<String, Integer> df = new HashMap<>();
        for (FileSymbols f : files.values()) {
            f.terms().keySet().forEach(t -> df.merge(t, 1, Integer::sum));
        }
        this.documentFrequency = df;
    }

    static RepositoryMap build(Collection<SourceFile> sources) {
        SymbolReader reader = new SymbolReader();
        Map<String, FileSymbols> files = new LinkedHashMap<>();
        for (SourceFile f : sources) {
            files.put(f.path(), reader.read(f.path(), f.content()));
        }
        return new RepositoryMap(files);
    }

    FileSymbols file(String path) {
        return files.get(path);
    }

    int size() {
        return files.size();
    }

    /** How rare a term is across the repository's files: log(N / df), 0 for a term in every file. */
    double idf(String term) {
        int df = documentFrequency.getOrDefault(term, 0);
        return df == 0 ? 0 : Math.log((double) (files.size() + 1) / df);
    }

    /**
     * PageRank over the reference graph, restarting at {@code personal} (file → weight; uniform when empty).
     * Values sum to 1 over the mapped files.
     */
    Map<String, Double> rank(Map<String, Double> personal) {
        List<String> nodes = new ArrayList<>(files.keySet());
        int n = nodes.size();
        Map<String, Double> restart = new HashMap<>();
        double sum = personal.entrySet().stream().filter(e -> files.containsKey(e.getKey()))
                .mapToDouble(Map.Entry::getValue).sum();
        for (String node : nodes) {
            restart.put(node, sum > 0 ? personal.getOrDefault(node, 0.0) / sum : 1.0 / n);
        }
        Map<String, Double> rank = new HashMap<>(restart);
        for (int it = 0; it < ITERATIONS; it++) {
            Map<String, Double> next = new HashMap<>();
            double dangling = 0;
            for (String node : nodes) {
                Map<String, Double> out = edges.get(node);
                double total = outWeight.get(node);
                double r = rank.get(node);
                if (total == 0) {
                    dangling += r;
                    continue;
                }
                for (Map.Entry<String, Double> e : out.entrySet()) {
                    next.merge(e.getKey(), DAMPING * r * e.getValue() / total, Double::sum);
                }
            }
            for (String node : nodes) {
                next.merge(node, (1 - DAMPING + DAMPING * dangling) * restart.get(node), Double::sum);
            }
            rank = next;
        }
        return rank;
    }

    /**
     * The map the model reads: for each file in {@code order}, its path and the signatures it defines, indented by
     * nesting, while the text stays within {@code maxBytes}. Files without definitions are listed by path.
     */
    String render(List<String> order, long maxBytes) {
        StringBuilder out = new StringBuilder();
        for (String path : order) {
            FileSymbols f = files.get(path);
            if (f == null) {
                continue;
            }
            StringBuilder entry = new StringBuilder(path).append(f.defined().isEmpty() ? "\n" : ":\n");
            for (Symbol s : f.defined()) {
                entry.append("  ".repeat(Math.min(4, s.depth() + 1))).append(s.signature()).append('\n');
            }
            if (out.length() + entry.length() > maxBytes) {
                if (out.length() + path.length() + 1 <= maxBytes) {
                    out.append(path).append('\n');
                    continue;
                }
                break;
            }
            out.append(entry);
        }
        return out.toString();
    }
}
