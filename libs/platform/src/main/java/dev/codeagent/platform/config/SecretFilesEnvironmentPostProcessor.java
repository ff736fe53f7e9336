package dev.codeagent.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Makes secrets available as if they were environment variables, without ever putting them into an
 * image or the environment: every file in {@code CODEAGENT_SECRETS_DIR} (default {@code /run/secrets},
 * where Docker and Kubernetes mount secrets) named like a variable ({@code codeagent_ado_pat} or
 * {@code CODEAGENT_ADO_PAT}) defines that variable, and {@code CODEAGENT_X_FILE=/path} defines
 * {@code CODEAGENT_X} from a file. Real environment variables win.
 */
public class SecretFilesEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    public static final String PROPERTY_SOURCE = "codeagentSecretFiles";
    static final String DEFAULT_DIR = "/run/secrets";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> secrets = new LinkedHashMap<>();
        Path dir = Path.of(environment.getProperty("CODEAGENT_SECRETS_DIR", DEFAULT_DIR));
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(Files::isRegularFile).forEach(file -> {
                    String name = file.getFileName().toString().toUpperCase(Locale.ROOT);
                    if (name.startsWith("CODEAGENT_") && name.matches("[A-Z0-9_]+")) {
                        secrets.put(name, read(file));
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list secrets directory " + dir, e);
            }
        }
        if (environment.getPropertySources().get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)
                instanceof EnumerablePropertySource<?> env) {
            for (String key : env.getPropertyNames()) {
                Object value = env.getProperty(key);
                if (key.startsWith("CODEAGENT_") && key.endsWith("_FILE") && value != null) {
                    String name = key.substring(0, key.length() - "_FILE".length());
                    secrets.put(name, read(Path.of(value.toString())));
                }
            }
        }
        if (secrets.isEmpty()) {
            return;
        }
        MapPropertySource source = new MapPropertySource(PROPERTY_SOURCE, secrets);
        if (environment.getPropertySources().contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
            environment.getPropertySources().addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                    source);
        } else {
            environment.getPropertySources().addLast(source);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            // The message names the file, never its content.
            throw new UncheckedIOException("Cannot read secret file " + file, e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 5;
    }
}
