package dev.codeagent.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Refuses to start a service that is exposed — {@code CODEAGENT_ENV} is {@code staging} or
 * {@code production}, or the ngrok tunnel is on ({@code CODEAGENT_TUNNEL=true}) — while one of its secrets
 * still has a value published in the repository under {@code deploy/secrets/dev}. Anyone can read those
 * values, so a stack reachable from outside with them has no secrets at all.
 *
 * <p>Checked: every {@code CODEAGENT_*} setting the service sees (environment, secret files,
 * {@code CODEAGENT_X_FILE}) and every other file in the secrets directory (for instance
 * {@code dashboard_users}). {@code CODEAGENT_INTERNAL_AUTH=none}, which switches the token between the
 * services off, is refused there too. The published values are known only by their SHA-256 fingerprints, so no secret
 * value is copied into code; a test keeps the list equal to the files.
 */
public class DevelopmentSecretsGuard implements EnvironmentPostProcessor, Ordered {

    /** {@code deploy/secrets/dev} file name to the SHA-256 (hex) of its content without surrounding whitespace. */
    static final Map<String, String> PUBLISHED = Map.of(
            "codeagent_blob_connection_string", "1e6f742b2598095410b3ea96f78ad68cf797f64bac05ee62551df50e6c519e82",
            "codeagent_db_password", "5fb0a54182469d0ec58c35ef67875e64104814066d2ccee708d125a36f9d746b",
            "codeagent_internal_token", "c400af16d413af3d21f852735f2d28ed22af760d581f081ac1f4c91f79042931",
            "codeagent_webhook_password", "3878637b03e6297a933deddd81274c6107b22c4b0b684f556e47dde9db898f97",
            "codeagent_webhook_secret", "69e450dde8a59e7fced9a2e3ccecf80914b069a5c55f07668e9342c9d4de7edb",
            "dashboard_users", "8e6ebe1e3bd0cba8ad0669ea009db3d504c35c877859fa5fc15d3dc62d21a5a6");

    static final String DEV_DIR = "deploy/secrets/dev";
    private static final List<String> ENVIRONMENTS = List.of("development", "staging", "production");
    /** Larger files in the secrets directory are certificates or keystores, not one of the published values. */
    private static final long MAX_SECRET_FILE_BYTES = 64 * 1024;

    private final Map<String, String> publishedByFingerprint = new LinkedHashMap<>();

    public DevelopmentSecretsGuard() {
        PUBLISHED.forEach((file, fingerprint) -> publishedByFingerprint.put(fingerprint, file));
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String stage = environment.getProperty("CODEAGENT_ENV", "development").strip().toLowerCase(Locale.ROOT);
        if (!ENVIRONMENTS.contains(stage)) {
            throw new IllegalStateException("CODEAGENT_ENV must be development, staging or production, not '"
                    + stage + "'");
        }
        String tunnel = environment.getProperty("CODEAGENT_TUNNEL", "false").strip().toLowerCase(Locale.ROOT);
        if (!tunnel.equals("true") && !tunnel.equals("false")) {
            throw new IllegalStateException("CODEAGENT_TUNNEL must be true or false, not '" + tunnel + "'");
        }
        if (stage.equals("development") && tunnel.equals("false")) {
            return;
        }
        String internalAuth = environment.getProperty("CODEAGENT_INTERNAL_AUTH", "token").strip();
        if (internalAuth.equalsIgnoreCase("none")) {
            // Without it every internal API (start a job, push a branch, call the model) answers anyone on the network.
            throw new IllegalStateException("Refusing to start: CODEAGENT_INTERNAL_AUTH=none switches off the "
                    + "token between the services, which is for a laptop only, but CODEAGENT_ENV=" + stage
                    + (tunnel.equals("true") ? " and the tunnel is on" : "")
                    + ". Remove CODEAGENT_INTERNAL_AUTH and give every service the same CODEAGENT_INTERNAL_TOKEN.");
        }
        Map<String, String> published = new TreeMap<>();
        settings(environment).forEach((name, value) -> publishedFile(value)
                .ifPresent(file -> published.put(name, file)));
        otherSecretFiles(environment).forEach((file, value) -> publishedFile(value)
                .ifPresent(devFile -> published.put(file.toString(), devFile)));
        if (!published.isEmpty()) {
            String reason = stage.equals("development") ? "the ngrok tunnel is on (CODEAGENT_TUNNEL=true)"
                    : "CODEAGENT_ENV=" + stage + (tunnel.equals("true") ? " and the tunnel is on" : "");
            throw new PublishedDevelopmentSecretsException(reason, published);
        }
    }

    /** The effective value of every CODEAGENT_* setting any property source defines. */
    private static Map<String, String> settings(ConfigurableEnvironment environment) {
        Map<String, String> settings = new TreeMap<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    String value = name.startsWith("CODEAGENT_") ? environment.getProperty(name) : null;
                    if (value != null) {
                        settings.putIfAbsent(name, value);
                    }
                }
            }
        }
        return settings;
    }

    /** Files of the secrets directory that do not define a CODEAGENT_* setting (those are settings already). */
    private static Map<Path, String> otherSecretFiles(ConfigurableEnvironment environment) {
        Path dir = Path.of(environment.getProperty("CODEAGENT_SECRETS_DIR",
                SecretFilesEnvironmentPostProcessor.DEFAULT_DIR));
        Map<Path, String> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> list = Files.list(dir)) {
            list.filter(Files::isRegularFile).filter(Files::isReadable)
                    .filter(file -> !file.getFileName().toString().toUpperCase(Locale.ROOT).startsWith("CODEAGENT_"))
                    .filter(file -> size(file) <= MAX_SECRET_FILE_BYTES)
                    .forEach(file -> files.put(file, read(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list secrets directory " + dir, e);
        }
        return files;
    }

    private Optional<String> publishedFile(String value) {
        return Optional.ofNullable(publishedByFingerprint.get(fingerprint(value)));
    }

    /** SHA-256 (hex) of the value without surrounding whitespace, as the secret files are read. */
    static String fingerprint(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.strip().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read secret file " + file, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // The message names the file, never its content.
            throw new UncheckedIOException("Cannot read secret file " + file, e);
        }
    }

    @Override
    public int getOrder() {
        // After the secret files are in place (SecretFilesEnvironmentPostProcessor) and config data is loaded.
        return Ordered.LOWEST_PRECEDENCE - 5;
    }

    /** A service would run exposed with secrets everyone can read; names where each came from, never its value. */
    public static final class PublishedDevelopmentSecretsException extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        private final transient Map<String, String> published;
        private final String reason;

        PublishedDevelopmentSecretsException(String reason, Map<String, String> published) {
            super(description(reason, published) + " " + action());
            this.reason = reason;
            this.published = Map.copyOf(published);
        }

        /** Setting or file name to the deploy/secrets/dev file whose published value it holds. */
        public Map<String, String> published() {
            return published;
        }

        public String description() {
            return description(reason, published);
        }

        static String description(String reason, Map<String, String> published) {
            StringBuilder text = new StringBuilder("Refusing to start: ").append(reason)
                    .append(", but these secrets hold the development values published in the repository ("
                            + DEV_DIR + "), which anyone can read:");
            new TreeMap<>(published).forEach((name, file) -> text.append("\n  ").append(name)
                    .append(" = " + DEV_DIR + "/").append(file));
            return text.toString();
        }

        public static String action() {
            return "Generate your own value for each of them (" + DEV_DIR + "/README.md shows how, e.g. "
                    + "`openssl rand -hex 24`), put the files in a directory of your own and point "
                    + "CODEAGENT_SECRETS_PATH at it (compose), or replace the Swarm or Kubernetes secrets. The "
                    + "development values are accepted only with CODEAGENT_ENV=development and "
                    + "CODEAGENT_TUNNEL=false.";
        }
    }
}
