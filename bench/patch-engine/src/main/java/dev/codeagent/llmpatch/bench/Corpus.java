package dev.codeagent.llmpatch.bench;

import dev.codeagent.contracts.patch.EditFormat;
import dev.codeagent.contracts.patch.FileResult;
import dev.codeagent.llmpatch.engine.EngineResult;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The patch corpus (bench/patch-corpus/cases) as data, and the check of one engine result. */
final class Corpus {

    record Case(String name, String category, boolean expectApplied, Map<String, String> before, String answer,
            String diff, Map<String, String> after, List<String> expected) {
    }

    static List<Case> load(Path root) throws IOException {
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                Properties props = new Properties();
                props.load(new StringReader(Files.readString(dir.resolve("case.properties"))));
                Path diff = dir.resolve("answer.diff");
                cases.add(new Case(dir.getFileName().toString(), props.getProperty("category"),
                        "applied".equals(props.getProperty("expect")), tree(dir.resolve("before")),
                        Files.readString(dir.resolve("answer.txt")), Files.exists(diff) ? Files.readString(diff) : null,
                        Files.isDirectory(dir.resolve("after")) ? tree(dir.resolve("after")) : null,
                        Files.readAllLines(dir.resolve("expected.txt")).stream().filter(l -> !l.isBlank()).sorted().toList()));
            }
        }
        return cases;
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

    static boolean correct(Case c, EngineResult result) {
        List<String> statuses = new ArrayList<>(new TreeSet<>(result.results().stream()
                .map(r -> r.status() + " " + (r.path() == null ? "-" : r.path())).toList()));
        if (!statuses.equals(c.expected())) {
            return false;
        }
        Map<String, String> tree = new TreeMap<>(c.before());
        result.changed().forEach((p, content) -> {
            if (content == null) {
                tree.remove(p);
            } else {
                tree.put(p, content);
            }
        });
        return Objects.equals(tree, c.expectApplied() ? c.after() : c.before());
    }

    static EditFormat diffFormat() {
        return EditFormat.UNIFIED_DIFF;
    }

    static boolean failed(FileResult r) {
        return FileResult.FAILED.equals(r.status());
    }

    private Corpus() {
    }
}
