package dev.codeagent.adapter.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.adapter.ado.AzureDevOpsIdentityProperties;
import dev.codeagent.adapter.ado.AzureDevOpsProperties;
import dev.codeagent.adapter.ado.AzureDevOpsProvider;
import dev.codeagent.adapter.local.LocalGitProvider;
import dev.codeagent.adapter.local.LocalPullRequests;
import dev.codeagent.adapter.local.LocalRepositories;
import dev.codeagent.adapter.local.LocalReviewStore;
import dev.codeagent.adapter.AdapterProperties;
import dev.codeagent.adapter.provider.GitProviders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

class GitProvidersHealthIndicatorTest {

    @TempDir
    Path temp;

    final AdapterProperties adapter = new AdapterProperties("http://a", DataSize.ofKilobytes(1), 10, "n", "e@x", 1,
            DataSize.ofKilobytes(1));

    @Test
    void upWhileTheLocalRootIsUsableAndDownWhenItDisappears() throws Exception {
        Path root = temp.resolve("repos");
        LocalRepositories repositories = new LocalRepositories(root);
        repositories.ensureRoot();
        LocalGitProvider local = new LocalGitProvider(repositories, new LocalPullRequests(repositories,
                new LocalReviewStore(repositories, JsonMapper.builder().build()), "http://a", Clock.systemUTC()),
                adapter);
        GitProvidersHealthIndicator indicator = new GitProvidersHealthIndicator(new GitProviders(List.of(local,
                unconfiguredAzureDevOps())));

        Health up = indicator.health();
        assertThat(up.getStatus()).isEqualTo(Status.UP);
        assertThat(up.getDetails()).containsKeys("local", "azure-devops");
        assertThat(up.getDetails().get("azure-devops").toString()).contains("configured=false");

        Files.delete(root.resolve(".codeagent-reviews"));
        Files.delete(root);
        Health down = indicator.health();
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails().get("local").toString()).contains("does not exist");
    }

    @Test
    void downWhenNoProviderIsConfigured() {
        GitProvidersHealthIndicator indicator = new GitProvidersHealthIndicator(new GitProviders(List.of(
                unconfiguredAzureDevOps())));
        assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
    }

    private AzureDevOpsProvider unconfiguredAzureDevOps() {
        AzureDevOpsProperties properties = new AzureDevOpsProperties("https://dev.azure.com",
                AzureDevOpsProperties.Auth.AUTO, null, null, null, null, "https://login.microsoftonline.com/",
                Duration.ofSeconds(1), Duration.ofSeconds(1), 1, Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofMinutes(1));
        return new AzureDevOpsProvider(properties, new AzureDevOpsIdentityProperties(null), null, adapter);
    }
}
