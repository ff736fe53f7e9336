package dev.codeagent.llmpatch.engine;

import dev.codeagent.contracts.patch.EditFormat;
import dev.codeagent.contracts.patch.FileResult;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Reads bench/patch-corpus/cases and checks the engine's result for one case against its expected files. */
final class PatchCorpus {

    record Case(String name, String category, boolean expectApplied, EditFormat format, Map<String, String> before,
            String answer, String diff, Map<String, String> after, List<String> expected) {
    }

    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path cases = dir.resolve("bench/patch-corpus/cases");
            if (Files.isDirectory(cases)) {
                return cases;
            }
        }
        throw new IllegalStateException("bench/patch-corpus/cases not found");
    }

    static List<Case> load() {
        try (Stream<Path> dirs = Files.list(root())) {
            return dirs.filter(Files::isDirectory).sorted().map(PatchCorpus::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Case read(Path dir) {
        try {
            Properties props = new Properties();
            props.load(new StringReader(Files.readString(dir.resolve("case.properties"))));
            String format = props.getProperty("format", "auto");
            EditFormat fmt = switch (format) {
                case "search-replace" -> EditFormat.SEARCH_REPLACE;
                case "whole-file" -> EditFormat.WHOLE_FILE;
                case "unified-diff" -> EditFormat.UNIFIED_DIFF;
                default -> EditFormat.AUTO;
            };
            Path diff = dir.resolve("answer.diff");
            return new Case(dir.getFileName().toString(), props.getProperty("category"),
                    "applied".equals(props.getProperty("expect")), fmt, tree(dir.resolve("before")),
                    Files.readString(dir.resolve("answer.txt"), StandardCharsets.UTF_8),
                    Files.exists(diff) ? Files.readString(diff) : null,
                    Files.isDirectory(dir.resolve("after")) ? tree(dir.resolve("after")) : null,
                    Files.readAllLines(dir.resolve("expected.txt")).stream().filter(l -> !l.isBlank()).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    /** Null when the engine's result is the expected one, else what differs. */
    static String check(Case c, EngineResult result) {
        List<String> statuses = new ArrayList<>();
        for (FileResult r : result.results()) {
            statuses.add(r.status() + " " + (r.path() == null ? "-" : r.path()));
        }
        List<String> sorted = new ArrayList<>(new TreeSet<>(statuses));
        if (!sorted.equals(c.expected())) {
            return "statuses " + sorted + " != expected " + c.expected() + " reasons "
                    + result.results().stream().map(FileResult::reason).toList();
        }
        Map<String, String> tree = new TreeMap<>(c.before());
        for (Map.Entry<String, String> e : result.changed().entrySet()) {
            if (e.getValue() == null) {
                tree.remove(e.getKey());
            } else {
                tree.put(e.getKey(), e.getValue());
            }
        }
        Map<String, String> expected = c.expectApplied() ? c.after() : c.before();
        if (!tree.equals(expected)) {
            for (String path : new TreeSet<>(union(tree, expected))) {
                if (!java.util.Objects.equals(tree.get(path), expected.get(path))) {
                    return "content of " + path + " differs:\n--- got\n" + tree.get(path) + "\n--- expected\n"
                            + expected.get(path);
                }
            }
        }
        return null;
    }

    private static List<String> union(Map<String, String> a, Map<String, String> b) {
        Map<String, String> all = new LinkedHashMap<>(a);
        all.putAll(b);
        return new ArrayList<>(all.keySet());
    }

    private PatchCorpus() {
    }
}
