package dev.codeagent.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Keeps {@code docs/configuration.md} honest: every {@code CODEAGENT_*} variable that a module's
 * configuration files read must have a row in it, and every {@code codeagent.*} property a module's
 * {@code @ConfigurationProperties} declare (from the generated configuration metadata) must be bound
 * from such a variable in its configuration files.
 */
public final class ConfigurationDocumentation {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(CODEAGENT_[A-Z0-9_]+)");
    private static final Pattern METADATA_NAME = Pattern.compile("\"name\"\\s*:\\s*\"(codeagent\\.[^\"]+)\"");
    private static final Pattern METADATA_TYPE = Pattern.compile(
            "\\{[^{}]*?\"name\"\\s*:\\s*\"(codeagent\\.[^\"]+)\"[^{}]*?\"type\"\\s*:\\s*\"([^\"]+)\"", Pattern.DOTALL);

    private ConfigurationDocumentation() {
    }

    /** Variables read by the module at {@code moduleDir} that the docs lack; empty when all are documented. */
    public static Set<String> undocumentedVariables(Path moduleDir) {
        String docs = read(findDocs(moduleDir));
        Set<String> missing = new TreeSet<>();
        for (String variable : variablesReadBy(moduleDir)) {
            if (!docs.contains("`" + variable + "`")) {
                missing.add(variable);
            }
        }
        return missing;
    }

    /** All {@code CODEAGENT_*} variables referenced by the module's configuration files. */
    public static Set<String> variablesReadBy(Path moduleDir) {
        Set<String> variables = new TreeSet<>();
        for (Path file : configFiles(moduleDir)) {
            Matcher m = VARIABLE.matcher(read(file));
            while (m.find()) {
                variables.add(m.group(1));
            }
        }
        return variables;
    }

    /**
     * Leaf {@code codeagent.*} properties of the module's own configuration classes that no configuration
     * file binds. Nested groups are skipped; a property whose prefix is bound as a whole (list or map) is
     * accepted.
     */
    public static Set<String> unboundProperties(Path moduleDir) {
        Path metadata = moduleDir.resolve("target/classes/META-INF/spring-configuration-metadata.json");
        if (!Files.exists(metadata)) {
            return Set.of();
        }
        StringBuilder config = new StringBuilder();
        configFiles(moduleDir).forEach(f -> config.append(read(f)).append('\n'));
        String configText = config.toString();
        Set<String> unbound = new TreeSet<>();
        Matcher m = METADATA_TYPE.matcher(read(metadata));
        while (m.find()) {
            String name = m.group(1);
            if (!isBound(configText, name)) {
                unbound.add(name);
            }
        }
        return unbound;
    }

    /** Asserts both checks for the module in the current working directory (Maven runs tests there). */
    public static void assertDocumented() {
        Path moduleDir = Path.of("").toAbsolutePath();
        assertThat(undocumentedVariables(moduleDir))
                .as("CODEAGENT_* variables read by %s but missing from docs/configuration.md", moduleDir)
                .isEmpty();
        assertThat(unboundProperties(moduleDir))
                .as("codeagent.* properties of %s not bound from a CODEAGENT_* variable in application.yml",
                        moduleDir)
                .isEmpty();
    }

    private static boolean isBound(String configText, String property) {
        // YAML nests keys, so look for the last segments in order rather than the dotted name.
        String[] segments = property.substring("codeagent.".length()).split("\\.");
        String leaf = segments[segments.length - 1];
        if (configText.contains(property + "=") || configText.contains(property + ":")) {
            return true;
        }
        Pattern yamlKey = Pattern.compile("(?m)^\\s*" + Pattern.quote(leaf) + "\\s*:\\s*\\S");
        return yamlKey.matcher(configText).find();
    }

    private static List<Path> configFiles(Path moduleDir) {
        Path resources = moduleDir.resolve("src/main/resources");
        if (!Files.isDirectory(resources)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(resources)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> {
                        String n = f.getFileName().toString();
                        return n.startsWith("application") && (n.endsWith(".yml") || n.endsWith(".yaml")
                                || n.endsWith(".properties")) || n.equals("codeagent-platform.properties");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path findDocs(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path docs = dir.resolve("docs/configuration.md");
            if (Files.exists(docs)) {
                return docs;
            }
        }
        throw new AssertionError("docs/configuration.md not found above " + start);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names in a metadata file, for diagnostics. */
    static List<String> metadataNames(String json) {
        List<String> names = new ArrayList<>();
        Matcher m = METADATA_NAME.matcher(json);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
