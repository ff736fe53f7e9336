package dev.codeagent.llmpatch.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretFilesTest {

    @ParameterizedTest
    @ValueSource(strings = {".env", "config/.env", ".env.production", "deploy/prod.env", "certs/server.pem",
            "certs/tls.KEY", "signing/release.pfx", "keystore.p12", "app.jks", "home/.ssh/id_rsa", "id_ed25519.pub",
            "src/Web/appsettings.json", "src/Web/appsettings.Production.json", "local.settings.json",
            "infra/prod.tfvars", "infra/prod.tfvars.json", "terraform.tfstate", "config/secrets.yml", "secrets.json",
            ".npmrc", ".pypirc", ".netrc", ".git-credentials", "aws/credentials", "home/.docker/config.json",
            "kubeconfig", "clusters/prod.kubeconfig", ".kube/config"})
    void namesThatHoldSecretsAreRecognised(String path) {
        assertThat(SecretFiles.why(path)).as(path).startsWith("may hold secrets (");
    }

    @ParameterizedTest
    @ValueSource(strings = {".env.example", ".env.sample", "src/Environment.java", "docs/keys.md", "config/app.yml",
            "src/secret_store.py", "src/main/java/com/shop/auth/PasswordHasher.java", "keyboard.c", "monkey.py",
            "config/config.json", "web.config"})
    void otherNamesAreLeftToTheContentScan(String path) {
        assertThat(SecretFiles.why(path)).as(path).isNull();
    }
}
