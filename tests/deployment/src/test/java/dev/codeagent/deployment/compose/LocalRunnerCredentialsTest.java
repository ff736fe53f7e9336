package dev.codeagent.deployment.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The webhook credentials {@code bin/codeagent up} starts the gateway with and tells about: it generates a
 * secret only when none are configured (in the environment or as a secret file), so that HTTP Basic alone
 * works as docs/azure-devops-service-hook.md describes.
 */
class LocalRunnerCredentialsTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path secretsDir;

    @BeforeEach
    void bashIsThere() {
        LocalRunnerScript.assumeBash();
    }

    @Test
    void withoutCredentialsASecretIsGeneratedAndItsHeaderNamed() throws Exception {
        Result result = credentials(Map.of());

        Path generated = dataDir.resolve("webhook-secret");
        assertThat(generated).isRegularFile();
        assertThat(result.secret()).hasSize(64).isEqualTo(Files.readString(generated));
        assertThat(result.credentials())
                .isEqualTo("-H \"X-CodeAgent-Secret: $(cat " + dataDir.toRealPath() + "/webhook-secret)\"");
    }

    @Test
    void basicCredentialsAloneAreAllThatIsAsked() throws Exception {
        Result result = credentials(Map.of("CODEAGENT_WEBHOOK_USERNAME", "azure-devops",
                "CODEAGENT_WEBHOOK_PASSWORD", "pw-0123456789"));

        assertThat(dataDir.resolve("webhook-secret")).doesNotExist();
        assertThat(result.secret()).isEmpty();
        assertThat(result.credentials())
                .isEqualTo("HTTP Basic as azure-devops (password: CODEAGENT_WEBHOOK_PASSWORD)");
    }

    @Test
    void basicCredentialsFromSecretFilesCountAsConfigured() throws Exception {
        Files.writeString(secretsDir.resolve("codeagent_webhook_password"), "pw-0123456789\n");
        Path user = Files.writeString(dataDir.resolve("user.txt"), "azure-devops");

        Result result = credentials(Map.of("CODEAGENT_WEBHOOK_USERNAME_FILE", user.toString()));

        assertThat(dataDir.resolve("webhook-secret")).doesNotExist();
        assertThat(result.secret()).isEmpty();
        assertThat(result.credentials()).isEqualTo(
                "HTTP Basic as the user in CODEAGENT_WEBHOOK_USERNAME (password: CODEAGENT_WEBHOOK_PASSWORD)");
    }

    @Test
    void aConfiguredSecretIsUsedAsItIsWithBasicToo() throws Exception {
        Result result = credentials(Map.of("CODEAGENT_WEBHOOK_SECRET", "s3cret-0123456789",
                "CODEAGENT_WEBHOOK_SECRET_HEADER", "X-Hook", "CODEAGENT_WEBHOOK_USERNAME", "azure-devops",
                "CODEAGENT_WEBHOOK_PASSWORD", "pw-0123456789"));

        assertThat(dataDir.resolve("webhook-secret")).doesNotExist();
        assertThat(result.secret()).isEqualTo("s3cret-0123456789");
        assertThat(result.credentials()).isEqualTo("header X-Hook with the value of CODEAGENT_WEBHOOK_SECRET and "
                + "HTTP Basic as azure-devops (password: CODEAGENT_WEBHOOK_PASSWORD)");
    }

    @Test
    void aSecretFileIsNotHiddenByAGeneratedOrEmptyVariable() throws Exception {
        Files.writeString(secretsDir.resolve("CODEAGENT_WEBHOOK_SECRET"), "from-a-file-0123456789");

        Result result = credentials(Map.of());

        assertThat(dataDir.resolve("webhook-secret")).doesNotExist();
        assertThat(result.secret()).isEmpty();
        assertThat(result.credentials()).isEqualTo("header X-CodeAgent-Secret with the value of "
                + "CODEAGENT_WEBHOOK_SECRET");
    }

    @Test
    void withAuthenticationOffNothingIsGenerated() throws Exception {
        Result result = credentials(Map.of("CODEAGENT_WEBHOOK_AUTH", "none"));

        assertThat(dataDir.resolve("webhook-secret")).doesNotExist();
        assertThat(result.secret()).isEmpty();
        assertThat(result.credentials()).startsWith("nothing: webhook authentication is off");
    }

    /** What the script's credential step decided. */
    private record Result(String secret, String credentials) {
    }

    /** Runs the script's credential step. */
    private Result credentials(Map<String, String> settings) throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>(settings);
        env.putIfAbsent("CODEAGENT_DATA_DIR", dataDir.toString());
        env.putIfAbsent("CODEAGENT_SECRETS_DIR", secretsDir.toString());
        String[] lines = LocalRunnerScript.run(env,
                "webhook_credentials && printf '%s\\n%s\\n' \"$WEBHOOK_SECRET\" \"$WEBHOOK_CREDENTIALS\"")
                .split("\n", -1);
        return new Result(lines[0], lines[1]);
    }
}
