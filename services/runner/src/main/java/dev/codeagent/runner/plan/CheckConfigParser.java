package dev.codeagent.runner.plan;

import dev.codeagent.contracts.check.CheckSource;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.convert.DurationStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads {@code .codeagent.yml}. The YAML is composed into nodes rather than bound to objects so every error names
 * the line the author has to fix ({@code line 4: unknown key "chekcs"}); an unknown key is an error, not ignored,
 * because a misspelt {@code timeout} would otherwise silently run with the default.
 */
public final class CheckConfigParser {

    public static final String FILE = ".codeagent.yml";

    private static final Set<String> TOP_KEYS = Set.of("checks", "image", "timeout", "repair", "cache", "network",
            "pipelines");
    private static final Set<String> CHECK_KEYS = Set.of("name", "run", "junit");
    private static final int MAX_CHECKS = 20;
    private static final int MAX_REPAIR = 5;
    private static final int MAX_PIPELINES = 10;
    private static final int MAX_BYTES = 64 * 1024;

    private CheckConfigParser() {
    }

    /** The plan the text configures, or {@link CheckPlan#none} with the error and its line. */
    public static CheckPlan parse(String text) {
        try {
            return read(text);
        } catch (ConfigError e) {
            return CheckPlan.none(e.getMessage());
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : "invalid YAML";
            return CheckPlan.none((mark == null ? "" : "line " + (mark.getLine() + 1) + ": ") + problem);
        } catch (YAMLException e) {
            return CheckPlan.none("invalid YAML: " + e.getMessage());
        }
    }

    private static CheckPlan read(String text) {
        if (text.length() > MAX_BYTES) {
            throw new ConfigError("line 1: " + FILE + " is larger than " + MAX_BYTES + " bytes");
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        Node root = new Yaml(options).compose(new StringReader(text));
        if (root == null) {
            throw new ConfigError("line 1: " + FILE + " is empty; it needs a list of checks");
        }
        MappingNode top = mapping(root, "the file");
        Map<String, Node> values = keys(top, TOP_KEYS);
        List<String> pipelines = values.containsKey("pipelines") ? pipelines(values.get("pipelines")) : List.of();
        Node checksNode = values.get("checks");
        if (checksNode == null && pipelines.isEmpty()) {
            throw new ConfigError(at(top) + "missing key \"checks\" (or \"pipelines\")");
        }
        // Pipelines alone are a configuration: the runner then runs nothing itself.
        List<CheckSpec> checks = checksNode == null ? List.of() : checks(checksNode);
        String image = values.containsKey("image") ? scalar(values.get("image"), "image") : null;
        Duration timeout = values.containsKey("timeout") ? duration(values.get("timeout")) : null;
        Integer repair = values.containsKey("repair") ? repair(values.get("repair")) : null;
        CacheKind cache = values.containsKey("cache") ? cache(values.get("cache")) : null;
        boolean network = values.containsKey("network") && bool(values.get("network"), "network");
        return new CheckPlan(CheckSource.CONFIGURED, null, checks, image, timeout, repair, cache, network, pipelines);
    }

    /** Azure DevOps pipelines by name or id, which the orchestrator queues on the variant's branch. */
    private static List<String> pipelines(Node node) {
        if (!(node instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            throw new ConfigError(at(node) + "\"pipelines\" must be a non-empty list of pipeline names or ids");
        }
        if (sequence.getValue().size() > MAX_PIPELINES) {
            throw new ConfigError(at(node) + "at most " + MAX_PIPELINES + " pipelines");
        }
        List<String> pipelines = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            String pipeline = scalar(item, "pipelines").strip();
            if (pipeline.isEmpty() || pipeline.length() > 200) {
                throw new ConfigError(at(item) + "a pipeline is named by 1 to 200 characters");
            }
            if (pipelines.stream().anyMatch(pipeline::equalsIgnoreCase)) {
                throw new ConfigError(at(item) + "duplicate pipeline \"" + pipeline + "\"");
            }
            pipelines.add(pipeline);
        }
        return pipelines;
    }

    private static List<CheckSpec> checks(Node node) {
        if (!(node instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            throw new ConfigError(at(node) + "\"checks\" must be a non-empty list of {name, run, junit}");
        }
        if (sequence.getValue().size() > MAX_CHECKS) {
            throw new ConfigError(at(node) + "at most " + MAX_CHECKS + " checks");
        }
        List<CheckSpec> checks = new ArrayList<>();
        Set<String> names = new java.util.HashSet<>();
        for (Node item : sequence.getValue()) {
            MappingNode check = mapping(item, "a check");
            Map<String, Node> values = keys(check, CHECK_KEYS);
            String run = values.containsKey("run") ? scalar(values.get("run"), "run") : null;
            if (run == null || run.isBlank()) {
                throw new ConfigError(at(check) + "a check needs \"run\", the command to run");
            }
            String name = values.containsKey("name") ? scalar(values.get("name"), "name") : "check " + (checks.size() + 1);
            if (!names.add(name)) {
                throw new ConfigError(at(values.get("name")) + "duplicate check name \"" + name + "\"");
            }
            checks.add(new CheckSpec(name, run.strip(), values.containsKey("junit") ? globs(values.get("junit"))
                    : List.of()));
        }
        return checks;
    }

    private static List<String> globs(Node node) {
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue().stream().map(glob -> scalar(glob, "junit")).toList();
        }
        return List.of(scalar(node, "junit"));
    }

    private static Duration duration(Node node) {
        String value = scalar(node, "timeout");
        try {
            Duration duration = value.chars().allMatch(Character::isDigit) ? Duration.ofSeconds(Long.parseLong(value))
                    : DurationStyle.detectAndParse(value);
            if (duration.isNegative() || duration.isZero()) {
                throw new ConfigError(at(node) + "\"timeout\" must be positive");
            }
            return duration;
        } catch (IllegalArgumentException e) {
            throw new ConfigError(at(node) + "\"timeout\" must be a duration such as 90s, 15m or 1h, not \""
                    + value + "\"");
        }
    }

    private static int repair(Node node) {
        String value = scalar(node, "repair");
        try {
            int repair = Integer.parseInt(value);
            if (repair >= 0 && repair <= MAX_REPAIR) {
                return repair;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        throw new ConfigError(at(node) + "\"repair\" must be a whole number from 0 to " + MAX_REPAIR);
    }

    private static CacheKind cache(Node node) {
        String value = scalar(node, "cache");
        return CacheKind.of(value).orElseThrow(() -> new ConfigError(at(node)
                + "\"cache\" must be one of maven, gradle, npm, pip, go, not \"" + value + "\""));
    }

    private static boolean bool(Node node, String key) {
        String value = scalar(node, key);
        if (!value.equals("true") && !value.equals("false")) {
            throw new ConfigError(at(node) + "\"" + key + "\" must be true or false");
        }
        return Boolean.parseBoolean(value);
    }

    private static MappingNode mapping(Node node, String what) {
        if (node instanceof MappingNode mapping) {
            return mapping;
        }
        throw new ConfigError(at(node) + what + " must be a mapping of keys to values");
    }

    private static Map<String, Node> keys(MappingNode mapping, Set<String> allowed) {
        Map<String, Node> values = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(tuple.getKeyNode(), "key");
            if (!allowed.contains(key)) {
                throw new ConfigError(at(tuple.getKeyNode()) + "unknown key \"" + key + "\" (known: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
            values.put(key, tuple.getValueNode());
        }
        return values;
    }

    private static String scalar(Node node, String key) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        throw new ConfigError(at(node) + "\"" + key + "\" must be a single value");
    }

    private static String at(Node node) {
        return "line " + (node.getStartMark().getLine() + 1) + ": ";
    }

    /** An error the author can fix, its message starting with the line. */
    private static final class ConfigError extends RuntimeException {

        ConfigError(String message) {
            super(message, null, false, false);
        }
    }
}
