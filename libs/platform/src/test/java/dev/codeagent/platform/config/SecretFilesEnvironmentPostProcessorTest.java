package dev.codeagent.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class SecretFilesEnvironmentPostProcessorTest {

    @TempDir
    Path dir;

    @Test
    void secretFilesDefineVariablesButRealEnvironmentWins() throws Exception {
        Files.writeString(dir.resolve("codeagent_ado_pat"), "s3cret-pat\n");
        Files.writeString(dir.resolve("CODEAGENT_INTERNAL_TOKEN"), "from-file");
        Files.writeString(dir.resolve("unrelated"), "ignored");
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test",
                Map.of("CODEAGENT_SECRETS_DIR", dir.toString())));
        env.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new org.springframework.core.env.SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of("CODEAGENT_INTERNAL_TOKEN", "from-env")));

        new SecretFilesEnvironmentPostProcessor().postProcessEnvironment(env, new SpringApplication());

        assertThat(env.getProperty("CODEAGENT_ADO_PAT")).isEqualTo("s3cret-pat");
        assertThat(env.getProperty("CODEAGENT_INTERNAL_TOKEN")).isEqualTo("from-env");
        assertThat(env.getProperty("UNRELATED")).isNull();
    }

    @Test
    void fileVariablePointsAtSecret() throws Exception {
        Path secret = Files.writeString(dir.resolve("pat.txt"), "pat-from-file\n");
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test",
                Map.of("CODEAGENT_SECRETS_DIR", dir.resolve("absent").toString())));
        env.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new org.springframework.core.env.SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of("CODEAGENT_ADO_PAT_FILE", secret.toString())));

        new SecretFilesEnvironmentPostProcessor().postProcessEnvironment(env, new SpringApplication());

        assertThat(env.getProperty("CODEAGENT_ADO_PAT")).isEqualTo("pat-from-file");
    }
}
