package dev.codeagent.llmpatch.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The files Azure Pipelines YAML includes with {@code template:} (steps, jobs, stages, variables, {@code extends}),
 * read from the pipeline files whose content is at hand and, in turn, from the templates among them. A path
 * starting with {@code /} is relative to the repository root, any other to the including file; a template of
 * another repository ({@code file@alias}) or one named by an expression ({@code ${{ }}}) is not a path here.
 */
final class PipelineTemplates {

    private PipelineTemplates() {
    }

    /** Template path → the file that references it, for the pipelines among {@code files} (path → content). */
    static Map<String, String> referencedBy(Map<String, String> files, Predicate<String> isPipeline) {
        Map<String, String> found = new LinkedHashMap<>();
        Deque<String> pending = new ArrayDeque<>();
        files.forEach((path, content) -> {
            if (content != null && isPipeline.test(path)) {
                pending.add(path);
            }
        });
        List<String> read = new ArrayList<>();
        while (!pending.isEmpty()) {
            String from = pending.removeFirst();
            if (read.contains(from)) {
                continue;
            }
            read.add(from);
            for (String reference : references(files.get(from))) {
                String path = resolve(from, reference);
                if (path != null && found.putIfAbsent(path, from) == null && files.get(path) != null) {
                    pending.add(path);
                }
            }
        }
        return found;
    }

    /** Every string value of a {@code template} key in the YAML documents of {@code content}. */
    static List<String> references(String content) {
        List<String> out = new ArrayList<>();
        if (content == null) {
            return out;
        }
        try {
            // SafeConstructor: plain maps, lists and scalars only, whatever tags the file carries.
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(content)) {
                collect(document, out);
            }
        } catch (YAMLException e) {
            // Not YAML that a pipeline could run either; it references nothing.
        }
        return out;
    }

    private static void collect(Object node, List<String> out) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("template".equals(key) && value instanceof String text) {
                    out.add(text);
                }
                collect(value, out);
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collect(item, out));
        }
    }

    /** The repository path {@code reference} names from {@code from}; null for other repositories and expressions. */
    static String resolve(String from, String reference) {
        String ref = reference.strip();
        if (ref.isEmpty() || ref.contains("${{") || ref.contains("$(")) {
            return null;
        }
        int at = ref.lastIndexOf('@');
        if (at >= 0) {
            if (!ref.substring(at + 1).equals("self")) {
                return null;
            }
            ref = ref.substring(0, at);
        }
        Deque<String> segments = new ArrayDeque<>();
        if (!ref.startsWith("/") && from.contains("/")) {
            for (String s : from.substring(0, from.lastIndexOf('/')).split("/")) {
                segments.addLast(s);
            }
        }
        for (String s : ref.split("/")) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                if (segments.isEmpty()) {
                    return null;
                }
                segments.removeLast();
            } else {
                segments.addLast(s);
            }
        }
        return segments.isEmpty() ? null : String.join("/", segments);
    }
}
