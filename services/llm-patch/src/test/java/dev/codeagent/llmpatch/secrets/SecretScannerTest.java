package dev.codeagent.llmpatch.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Credentials in realistic surroundings are found, with their line; look-alikes in ordinary code are not. */
class SecretScannerTest {

    private final SecretScanner scanner = new SecretScanner();

    static Stream<Arguments> credentials() {
        return Stream.of(
                Arguments.of("private-key", FakeSecrets.privateKey()),
                Arguments.of("aws-access-token", "aws_access_key_id = " + FakeSecrets.awsAccessKey() + "\n"),
                Arguments.of("github-pat", "GITHUB_TOKEN=" + FakeSecrets.githubToken() + "\n"),
                Arguments.of("openai-api-key", "client = OpenAI(api_key=\"" + FakeSecrets.openAiKey() + "\")\n"),
                Arguments.of("anthropic-api-key", "key: '" + FakeSecrets.anthropicKey() + "'\n"),
                Arguments.of("slack-bot-token", "SLACK_BOT_TOKEN=" + FakeSecrets.slackBotToken() + "\n"),
                Arguments.of("azure-storage-key", "\"Storage\": \"" + FakeSecrets.azureStorageConnectionString() + "\""),
                Arguments.of("connection-string-password",
                        "<add name=\"Shop\" connectionString=\"" + FakeSecrets.sqlConnectionString() + "\" />"),
                Arguments.of("url-credentials", "DATABASE_URL=" + FakeSecrets.urlWithPassword() + "\n"),
                Arguments.of("azure-ad-client-secret", "ClientSecret: \"" + FakeSecrets.azureClientSecret() + "\"\n"),
                Arguments.of("gitlab-pat", "token = \"" + FakeSecrets.gitlabToken() + "\"\n"),
                Arguments.of("npm-access-token", "//registry.npmjs.org/:_authToken=" + FakeSecrets.npmToken() + "\n"));
    }

    @ParameterizedTest
    @MethodSource("credentials")
    void findsTheCredentialAndItsLine(String rule, String line) {
        String content = "# settings\n\n" + line + "\n# end\n";
        assertThat(scanner.scan(content)).hasValueSatisfying(f -> {
            assertThat(f.rule()).isEqualTo(rule);
            assertThat(f.line()).isEqualTo(3);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "String password = request.getParameter(\"pw\");\nthis.password = password;\nuser.pwd = input.pwd;\n",
            "Server=db;Database=shop;User Id=app;Password=${DB_PASSWORD};\n",
            "Server=db;Database=shop;User Id=app;Password=<your password>;\n",
            "url: jdbc:postgresql://db:5432/shop\nlink: https://example.com/a:b@c\n",
            "DATABASE_URL=postgres://user:password@localhost/db\n",
            "aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n",
            "def login(user, password):\n    return check(user, password)\n",
            "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----\n",
            "const token = process.env.GITHUB_TOKEN; // ghp_ prefix\n"})
    void ordinaryCodeAndPlaceholdersAreNotCredentials(String content) {
        assertThat(scanner.scan(content)).isEmpty();
    }

    @Test
    void entropyIsShannonsInBitsPerCharacter() {
        assertThat(SecretScanner.entropy("aaaa")).isZero();
        assertThat(SecretScanner.entropy("abcd")).isEqualTo(2.0);
        assertThat(SecretScanner.entropy("AKIA" + "AAAAAAAAAAAAAAAA")).isLessThan(3);
    }
}
