package dev.codeagent.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.codeagent.platform.config.DevelopmentSecretsGuard.PublishedDevelopmentSecretsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class DevelopmentSecretsGuardTest {

    private static final Path DEV_SECRETS = devSecrets();
    private static final String OWN_TOKEN = "0f3c9a7e51d24b8e9c6a2f1d7b3e5a90";

    @TempDir
    Path secretsDir;

    @Test
    void fingerprintsAreThoseOfTheCommittedDevelopmentFiles() throws IOException {
        Map<String, String> actual = new TreeMap<>();
        try (Stream<Path> files = Files.list(DEV_SECRETS)) {
            files.filter(f -> !f.getFileName().toString().equals("README.md")).forEach(f ->
                    actual.put(f.getFileName().toString(), DevelopmentSecretsGuard.fingerprint(dev(f))));
        }
        assertThat(new TreeMap<>(DevelopmentSecretsGuard.PUBLISHED))
                .as("DevelopmentSecretsGuard.PUBLISHED must list every file of deploy/secrets/dev (SHA-256 of "
                        + "the stripped content)")
                .isEqualTo(actual);
    }

    @Test
    void developmentWithoutTunnelAcceptsTheDevelopmentValues() throws IOException {
        copyDev("codeagent_internal_token");

        assertThatCode(() -> guard(Map.of())).doesNotThrowAnyException();
    }

    @Test
    void productionRefusesAPublishedSecretFileAndNamesItWithoutItsValue() throws IOException {
        copyDev("codeagent_internal_token");
        copyDev("codeagent_webhook_password");
        Files.writeString(secretsDir.resolve("codeagent_webhook_secret"), "an-own-value-0123456789\n");

        PublishedDevelopmentSecretsException refused = catchThrowableOfType(PublishedDevelopmentSecretsException.class,
                () -> guard(Map.of("CODEAGENT_ENV", "production")));

        assertThat(refused.published()).containsOnly(
                Map.entry("CODEAGENT_INTERNAL_TOKEN", "codeagent_internal_token"),
                Map.entry("CODEAGENT_WEBHOOK_PASSWORD", "codeagent_webhook_password"));
        assertThat(refused.getMessage()).contains("CODEAGENT_ENV=production")
                .contains("CODEAGENT_INTERNAL_TOKEN = deploy/secrets/dev/codeagent_internal_token")
                .contains("CODEAGENT_SECRETS_PATH").contains("README.md")
                .doesNotContain(dev(DEV_SECRETS.resolve("codeagent_internal_token")));
    }

    @Test
    void stagingRefusesAPublishedValueGivenAsAVariableUnderAnyName() throws IOException {
        // copied into another setting, the value is just as public
        PublishedDevelopmentSecretsException refused = catchThrowableOfType(PublishedDevelopmentSecretsException.class,
                () -> guard(Map.of("CODEAGENT_ENV", "Staging", "CODEAGENT_INTERNAL_TOKEN", OWN_TOKEN,
                        "CODEAGENT_DB_PASSWORD", dev(DEV_SECRETS.resolve("codeagent_webhook_secret")) + "\n")));

        assertThat(refused.published()).containsOnly(Map.entry("CODEAGENT_DB_PASSWORD", "codeagent_webhook_secret"));
        assertThat(refused.getMessage()).contains("CODEAGENT_ENV=staging");
    }

    @Test
    void theTunnelRefusesTheDevelopmentValuesInDevelopmentToo() throws IOException {
        copyDev("codeagent_blob_connection_string");
        Files.copy(DEV_SECRETS.resolve("dashboard_users"), secretsDir.resolve("dashboard_users"));

        PublishedDevelopmentSecretsException refused = catchThrowableOfType(PublishedDevelopmentSecretsException.class,
                () -> guard(Map.of("CODEAGENT_TUNNEL", "true", "CODEAGENT_INTERNAL_TOKEN", OWN_TOKEN)));

        assertThat(refused.published()).containsOnly(
                Map.entry("CODEAGENT_BLOB_CONNECTION_STRING", "codeagent_blob_connection_string"),
                Map.entry(secretsDir.resolve("dashboard_users").toString(), "dashboard_users"));
        assertThat(refused.getMessage()).contains("the ngrok tunnel is on (CODEAGENT_TUNNEL=true)");
    }

    @Test
    void productionWithOwnSecretsStarts() throws IOException {
        Files.writeString(secretsDir.resolve("codeagent_internal_token"), OWN_TOKEN);
        Files.writeString(secretsDir.resolve("dashboard_users"), "admin:$apr1$own$hash\n");

        assertThatCode(() -> guard(Map.of("CODEAGENT_ENV", "production", "CODEAGENT_TUNNEL", "true")))
                .doesNotThrowAnyException();
    }

    @Test
    void internalAuthenticationCannotBeSwitchedOffOutsideDevelopment() throws IOException {
        Files.writeString(secretsDir.resolve("codeagent_internal_token"), OWN_TOKEN);

        assertThat(catchThrowableOfType(IllegalStateException.class,
                () -> guard(Map.of("CODEAGENT_ENV", "staging", "CODEAGENT_INTERNAL_AUTH", "none"))))
                .hasMessageContaining("CODEAGENT_INTERNAL_AUTH=none")
                .hasMessageContaining("CODEAGENT_ENV=staging");
        assertThat(catchThrowableOfType(IllegalStateException.class,
                () -> guard(Map.of("CODEAGENT_TUNNEL", "true", "CODEAGENT_INTERNAL_AUTH", "NONE"))))
                .hasMessageContaining("the tunnel is on");
        assertThatCode(() -> guard(Map.of("CODEAGENT_INTERNAL_AUTH", "none"))).doesNotThrowAnyException();
    }

    @Test
    void unknownEnvironmentOrTunnelValueIsAStartupError() {
        assertThat(catchThrowableOfType(IllegalStateException.class, () -> guard(Map.of("CODEAGENT_ENV", "prod"))))
                .hasMessageContaining("CODEAGENT_ENV must be development, staging or production, not 'prod'");
        assertThat(catchThrowableOfType(IllegalStateException.class, () -> guard(Map.of("CODEAGENT_TUNNEL", "yes"))))
                .hasMessageContaining("CODEAGENT_TUNNEL must be true or false");
    }

    @Test
    void bootReportsTheRefusalWithItsFix() throws IOException {
        copyDev("codeagent_internal_token");
        PublishedDevelopmentSecretsException refused = catchThrowableOfType(PublishedDevelopmentSecretsException.class,
                () -> guard(Map.of("CODEAGENT_ENV", "production")));

        FailureAnalysis analysis = new DevelopmentSecretsFailureAnalyzer().analyze(new IllegalStateException(refused));

        assertThat(analysis.getDescription()).startsWith("Refusing to start: CODEAGENT_ENV=production")
                .contains("CODEAGENT_INTERNAL_TOKEN");
        assertThat(analysis.getAction()).contains("CODEAGENT_SECRETS_PATH");
    }

    /** Runs the secret-file step and then the guard, as Boot does, on an environment of exactly these variables. */
    private void guard(Map<String, String> variables) {
        Map<String, Object> env = new HashMap<>(variables);
        env.put("CODEAGENT_SECRETS_DIR", secretsDir.toString());
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env));
        new SecretFilesEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        new DevelopmentSecretsGuard().postProcessEnvironment(environment, new SpringApplication());
    }

    private void copyDev(String name) throws IOException {
        Files.copy(DEV_SECRETS.resolve(name), secretsDir.resolve(name));
    }

    private static String dev(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path devSecrets() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(DevelopmentSecretsGuard.DEV_DIR);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No " + DevelopmentSecretsGuard.DEV_DIR + " above " + Path.of("").toAbsolutePath());
    }
}
