package dev.codeagent.runner.config;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.codeagent.platform.http.ServiceHttpClients;
import dev.codeagent.runner.exec.CheckExecutor;
import dev.codeagent.runner.exec.ContainerExecutor;
import dev.codeagent.runner.exec.ProcessExecutor;
import dev.codeagent.runner.kubernetes.KubernetesExecutor;
import dev.codeagent.runner.kubernetes.TreeServer;
import dev.codeagent.runner.run.CheckRunner;
import dev.codeagent.runner.run.CheckRuns;
import dev.codeagent.runner.sandbox.Sandboxes;
import dev.codeagent.runner.sandbox.TreeFetcher;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the runner: the executor of the chosen isolation, the tree fetcher, the runs. */
@Configuration(proxyBeanMethods = false)
public class RunnerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RunnerConfiguration.class);

    @Bean
    CheckExecutor checkExecutor(RunnerProperties properties) {
        if (properties.isolation() == Isolation.PROCESS) {
            log.warn("CODEAGENT_RUNNER_ISOLATION=process: checks run as plain processes on this host, with its"
                    + " network and files; use it only for code you trust (the local demo)");
            return new ProcessExecutor();
        }
        if (properties.isolation() == Isolation.KUBERNETES) {
            return kubernetes(properties);
        }
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(properties.dockerHost()).build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(4 * properties.concurrency() + 4)
                .connectionTimeout(Duration.ofSeconds(10))
                .build();
        DockerClient docker = DockerClientImpl.getInstance(config, http);
        log.info("Checks run in containers through {}", properties.dockerHost());
        return new ContainerExecutor(docker, properties);
    }

    /**
     * In-cluster configuration (the pod's service account) or, outside a cluster, the kubeconfig; the namespace from
     * CODEAGENT_RUNNER_NAMESPACE or the service account's namespace file.
     */
    private static KubernetesExecutor kubernetes(RunnerProperties properties) {
        RunnerProperties.Kubernetes settings = properties.kubernetes();
        KubernetesClient client = new KubernetesClientBuilder().build();
        TreeServer trees = TreeServer.start(settings.treePort(), Clock.systemUTC());
        try {
            KubernetesExecutor executor = new KubernetesExecutor(client, properties, trees,
                    settings.treeHost() != null ? settings.treeHost() : InetAddress.getLocalHost().getHostAddress());
            log.info("Checks run as Kubernetes Jobs in namespace {}; their pods fetch trees from port {}; dependency"
                    + " cache: {}; runtime class: {}", executor.namespace(), trees.port(),
                    settings.cache().mode().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    settings.placement().runtimeClass().isEmpty() ? "the nodes' default"
                            : settings.placement().runtimeClass());
            return executor;
        } catch (UnknownHostException | RuntimeException e) {
            trees.close();
            client.close();
            throw new IllegalStateException("Kubernetes isolation cannot start: " + e.getMessage(), e);
        }
    }

    @Bean
    TreeFetcher treeFetcher(ServiceHttpClients clients, RunnerProperties properties) {
        // Large trees take a while to zip and send; the read timeout covers the gap between two packets.
        return new TreeFetcher(clients, properties.adapterUrl(), Duration.ofMinutes(2),
                properties.maxTreeSize().toBytes());
    }

    @Bean
    CheckRuns checkRuns(TreeFetcher fetcher, CheckExecutor executor, RunnerProperties properties) {
        return new CheckRuns(new CheckRunner(fetcher, new Sandboxes(properties.workDir()), executor, properties),
                properties);
    }

    /** Readiness: checks can run (the container engine or the Kubernetes API answers); process isolation always. */
    @Bean
    HealthIndicator isolation(CheckExecutor executor) {
        return () -> {
            CheckExecutor.Readiness readiness = executor.readiness();
            return (readiness.ready() ? Health.up() : Health.down())
                    .withDetail("isolation", executor.isolation().label())
                    .withDetail("detail", readiness.detail()).build();
        };
    }
}
