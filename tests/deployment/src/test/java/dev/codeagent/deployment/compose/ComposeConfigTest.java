package dev.codeagent.deployment.compose;

import static dev.codeagent.deployment.compose.RenderedCompose.CODE_AGENT_SERVICES;
import static dev.codeagent.deployment.compose.RenderedCompose.bytes;
import static dev.codeagent.deployment.compose.RenderedCompose.dependsOn;
import static dev.codeagent.deployment.compose.RenderedCompose.environment;
import static dev.codeagent.deployment.compose.RenderedCompose.map;
import static dev.codeagent.deployment.compose.RenderedCompose.networks;
import static dev.codeagent.deployment.compose.RenderedCompose.ports;
import static dev.codeagent.deployment.compose.RenderedCompose.profiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every combination of override (none, dev, staging, prod) and profiles (none, local-llm, supabase-local,
 * both) renders with {@code docker-compose config}, and the rendered stack keeps the deployment rules:
 * only Traefik and ngrok reach the host, limits everywhere, no fixed container names, healthchecks with
 * service_healthy dependencies that never point at a service only a profile starts. Skipped when
 * {@code docker-compose} is not on the PATH (.ci/run installs it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComposeConfigTest {

    /** DESIGN.md §6: CPU and memory limit per service. */
    private static final Map<String, Limit> LIMITS = Map.ofEntries(
            Map.entry("gateway", new Limit(0.5, "512M")),
            Map.entry("orchestrator", new Limit(1.0, "1G")),
            Map.entry("adapter", new Limit(0.5, "512M")),
            Map.entry("llm-patch", new Limit(1.0, "2G")),
            // Builds need more than the plan's small-service budget (docs/checks.md).
            Map.entry("runner", new Limit(2.0, "4G")),
            Map.entry("health-monitor", new Limit(0.5, "256M")),
            Map.entry("traefik", new Limit(0.5, "256M")),
            Map.entry("azurite", new Limit(0.5, "256M")),
            Map.entry("ngrok", new Limit(0.5, "256M")),
            Map.entry("docker-socket-proxy", new Limit(0.25, "64M")),
            Map.entry("ollama", new Limit(2.0, "4G")),
            Map.entry("ollama-pull", new Limit(0.5, "256M")),
            Map.entry("supabase-db", new Limit(0.5, "256M")),
            Map.entry("supabase-meta", new Limit(0.5, "256M")),
            Map.entry("supabase-studio", new Limit(0.5, "512M")));

    private static final Set<String> HOST_FACING = Set.of("traefik", "ngrok");

    private final Map<ComposeScenario, RenderedCompose> rendered = new ConcurrentHashMap<>();
    private ComposeCli cli;
    private Path emptyEnv;

    @BeforeAll
    void compose(@TempDir Path temp) throws IOException {
        assumeTrue(ComposeCli.available(), "docker-compose is not on the PATH (apt-get install docker-compose)");
        cli = new ComposeCli(RepositoryRoot.find());
        emptyEnv = Files.writeString(temp.resolve("empty.env"), "");
        // docker-compose is a Python program that takes a second or two to start: render all scenarios
        // concurrently up front instead of one after the other.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> renders = new ArrayList<>();
            for (ComposeScenario scenario : ComposeScenario.all()) {
                renders.add(pool.submit(() -> render(scenario)));
            }
            for (Future<?> render : renders) {
                try {
                    render.get();
                } catch (ExecutionException e) {
                    // reported by the scenario's own test, which renders again and fails with the message
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pool.shutdownNow();
        }
    }

    Stream<ComposeScenario> scenarios() {
        return ComposeScenario.all().stream();
    }

    private RenderedCompose render(ComposeScenario scenario) throws IOException, InterruptedException {
        RenderedCompose result = rendered.get(scenario);
        if (result == null) {
            result = cli.config(scenario, emptyEnv);
            rendered.put(scenario, result);
        }
        return result;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void rendersAndKeepsTheDeploymentRules(ComposeScenario scenario) throws Exception {
        RenderedCompose compose = render(scenario);
        Map<String, Map<String, Object>> active = compose.activeServices();
        List<String> problems = new ArrayList<>();

        assertThat(active.keySet()).as(scenario + ": active services").containsAll(CODE_AGENT_SERVICES).contains("traefik");
        if (scenario.profiles().contains("local-llm")) {
            assertThat(active).as(scenario + ": local-llm").containsKeys("ollama", "ollama-pull");
        } else {
            assertThat(active).as(scenario + ": without local-llm").doesNotContainKeys("ollama", "ollama-pull");
        }
        if (scenario.profiles().contains("supabase-local")) {
            assertThat(active).as(scenario + ": supabase-local").containsKeys("supabase-db", "supabase-studio");
        } else {
            assertThat(active).as(scenario + ": without supabase-local").doesNotContainKeys("supabase-db",
                    "supabase-studio", "supabase-meta");
        }

        active.forEach((name, service) -> {
            // Host ports: Traefik and ngrok only; the dev override adds loopback-only debug ports.
            for (Map<String, Object> port : ports(service)) {
                boolean loopbackDebug = scenario.isDev() && CODE_AGENT_SERVICES.contains(name)
                        && "127.0.0.1".equals(String.valueOf(port.getOrDefault("host_ip", hostIp(port))));
                if (!HOST_FACING.contains(name) && !loopbackDebug) {
                    problems.add(name + " publishes a host port " + port);
                }
            }
            if (service.containsKey("container_name")) {
                problems.add(name + " has a fixed container_name (breaks --scale and replicas)");
            }
            Map<String, Object> limits = map(map(map(service.get("deploy")).get("resources")).get("limits"));
            Limit expected = LIMITS.get(name);
            if (expected == null) {
                problems.add(name + " has no planned limit in this test: add it to LIMITS");
            } else if (limits.get("cpus") == null || limits.get("memory") == null) {
                problems.add(name + " lacks deploy.resources.limits cpus/memory: " + limits);
            } else {
                if (Double.parseDouble(String.valueOf(limits.get("cpus"))) != expected.cpus()) {
                    problems.add(name + " cpus " + limits.get("cpus") + ", planned " + expected.cpus());
                }
                if (bytes(limits.get("memory")) != bytes(expected.memory())) {
                    problems.add(name + " memory " + limits.get("memory") + ", planned " + expected.memory());
                }
            }
            Map<String, Object> logging = map(service.get("logging"));
            if (!"json-file".equals(logging.get("driver")) || !map(logging.get("options")).containsKey("max-size")) {
                problems.add(name + " logs without json-file rotation: " + logging);
            }
            dependsOn(service).forEach((dependency, spec) -> {
                Map<String, Object> target = compose.services().get(dependency);
                if (target == null) {
                    problems.add(name + " depends on unknown service " + dependency);
                    return;
                }
                // A dependency must run whenever the dependent runs: only a service of the same
                // profile(s) may depend on a profile-only service.
                List<String> targetProfiles = profiles(target);
                if (!targetProfiles.isEmpty() && (profiles(service).isEmpty()
                        || !targetProfiles.containsAll(profiles(service)))) {
                    problems.add(name + " depends on profile-only service " + dependency);
                }
                if (CODE_AGENT_SERVICES.contains(name)) {
                    if (!"service_healthy".equals(spec.get("condition"))) {
                        problems.add(name + " -> " + dependency + " without condition service_healthy");
                    }
                    if (!target.containsKey("healthcheck")) {
                        problems.add(name + " waits for " + dependency + " which has no healthcheck");
                    }
                }
            });
            if (!"no".equals(String.valueOf(service.get("restart"))) && !name.equals("ollama-pull")
                    && service.get("restart") == null) {
                problems.add(name + " has no restart policy");
            }
        });

        for (String name : CODE_AGENT_SERVICES) {
            Map<String, Object> service = active.get(name);
            Map<String, Object> healthcheck = map(service.get("healthcheck"));
            if (!String.valueOf(healthcheck.get("test")).contains("codeagent-healthcheck")) {
                problems.add(name + " healthcheck is not the readiness check: " + healthcheck);
            }
            if (!String.valueOf(service.get("secrets")).contains("codeagent_internal_token")) {
                problems.add(name + " does not get the internal token secret");
            }
            Map<String, Object> env = environment(service);
            String expectedFormat = scenario.isDev() ? "text" : "json";
            if (!expectedFormat.equals(env.get("CODEAGENT_LOG_FORMAT"))) {
                problems.add(name + " CODEAGENT_LOG_FORMAT=" + env.get("CODEAGENT_LOG_FORMAT"));
            }
            List<String> networks = networks(service);
            if (!networks.contains("backend") || networks.contains("edge")) {
                problems.add(name + " networks " + networks + " (want backend, never edge)");
            }
            if (scenario.isProductionLike() && !Boolean.TRUE.equals(service.get("read_only"))) {
                problems.add(name + " root filesystem is writable");
            }
        }
        Map<String, Object> backend = map(map(compose.model().get("networks")).get("backend"));
        if (!Boolean.TRUE.equals(backend.get("internal"))) {
            problems.add("network backend is not internal: " + backend);
        }
        assertThat(problems).as(scenario.toString()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void profilesWireTheLocalComponents(ComposeScenario scenario) throws Exception {
        RenderedCompose compose = render(scenario);
        Map<String, Object> llmPatch = environment(compose.services().get("llm-patch"));
        if (!scenario.isProductionLike()) {
            assertThat(llmPatch.get("CODEAGENT_OLLAMA_URL")).as("llm-patch asks the ollama service first")
                    .isEqualTo("http://ollama:11434");
            assertThat(String.valueOf(llmPatch.get("CODEAGENT_LLM_PROVIDERS"))).startsWith("ollama");
        } else {
            assertThat(String.valueOf(llmPatch.get("CODEAGENT_LLM_PROVIDERS"))).as("no offline model in " + scenario)
                    .doesNotContain("offline");
            assertThat(llmPatch.get("CODEAGENT_PROFILE")).as("offline provider off").isEqualTo("production");
            assertThat(environment(compose.services().get("orchestrator")).get("CODEAGENT_DB_URL"))
                    .as("external database").isEqualTo(ComposeScenario.EXTERNAL_ENDPOINTS.get("CODEAGENT_DB_URL"));
        }
        if (scenario.profiles().contains("local-llm")) {
            Map<String, Object> pull = compose.services().get("ollama-pull");
            assertThat(dependsOn(pull)).containsKey("ollama");
            assertThat(String.valueOf(pull.get("restart"))).isEqualTo("no");
        }
        if (scenario.profiles().contains("supabase-local")) {
            Map<String, Object> db = compose.services().get("supabase-db");
            assertThat(String.valueOf(db.get("volumes"))).contains("/docker-entrypoint-initdb.d/");
            assertThat(String.valueOf(db.get("secrets"))).contains("codeagent_db_password");
            assertThat(String.valueOf(compose.services().get("orchestrator").get("secrets")))
                    .contains("codeagent_db_password");
        }
    }

    @Test
    void productionRunsThePlannedReplicasWithoutDevelopmentHelpers() throws Exception {
        RenderedCompose prod = render(ComposeScenario.withOverride("docker-compose.prod.yml", Set.of()));
        Map<String, Integer> replicas = new LinkedHashMap<>();
        for (String name : List.of("gateway", "orchestrator", "adapter", "llm-patch", "runner", "health-monitor")) {
            replicas.put(name, Integer.valueOf(String.valueOf(map(prod.services().get(name).get("deploy")).get("replicas"))));
        }
        assertThat(replicas).containsExactlyInAnyOrderEntriesOf(Map.of("gateway", 3, "orchestrator", 2,
                "adapter", 2, "llm-patch", 5, "runner", 2, "health-monitor", 1));
        assertThat(prod.activeServices()).doesNotContainKeys("ngrok", "azurite");
        Set<String> published = new HashSet<>();
        prod.activeServices().forEach((name, service) -> {
            if (!ports(service).isEmpty()) {
                published.add(name);
            }
        });
        assertThat(published).containsExactly("traefik");
        assertThat(environment(prod.services().get("gateway")))
                .containsEntry("CODEAGENT_REQUIRE_MENTION", "true");
    }

    @Test
    void productionAndStagingRefuseToRenderWithoutTheirSecretsAndEndpoints() throws Exception {
        for (String override : List.of("docker-compose.prod.yml", "docker-compose.staging.yml")) {
            ComposeCli.Result result = cli.configExpectingFailure(
                    new ComposeScenario(List.of(ComposeScenario.BASE, override), Set.of(), Map.of()), emptyEnv);
            assertThat(result.exitCode()).as(override + " without CODEAGENT_SECRETS_PATH").isNotZero();
            assertThat(result.stderr()).contains("CODEAGENT_");
        }
    }

    @Test
    void theEndToEndOverrideOnlySwapsImagesAndTheModel() throws Exception {
        RenderedCompose e2e = render(ComposeScenario.withOverride("e2e/docker-compose.e2e.yml", Set.of()));
        for (String name : CODE_AGENT_SERVICES) {
            assertThat(String.valueOf(e2e.services().get(name).get("image"))).isEqualTo("localhost/codeagent/" + name + ":e2e");
        }
        assertThat(environment(e2e.services().get("llm-patch")).get("CODEAGENT_LLM_PROVIDERS")).isEqualTo("offline");
    }

    @Test
    void swarmStackRendersWithReplicasRollingUpdatesAndRestartPolicies() throws Exception {
        RenderedCompose stack = render(new ComposeScenario(List.of("deploy/swarm/docker-stack.yml"), Set.of(),
                ComposeScenario.EXTERNAL_ENDPOINTS));
        assertThat(stack.services()).containsKeys("gateway", "orchestrator", "adapter", "llm-patch", "runner", "health-monitor",
                "traefik");
        stack.services().forEach((name, service) -> {
            Map<String, Object> deploy = map(service.get("deploy"));
            assertThat(deploy.get("replicas")).as(name + " replicas").isNotNull();
            assertThat(map(deploy.get("update_config"))).as(name + " update_config")
                    .containsEntry("order", "start-first").containsEntry("failure_action", "rollback");
            assertThat(map(deploy.get("restart_policy"))).as(name + " restart_policy").containsKey("condition");
            assertThat(map(map(deploy.get("resources")).get("limits"))).as(name + " limits").containsKeys("cpus", "memory");
            assertThat(service).as(name).doesNotContainKeys("build", "container_name");
            assertThat(service).as(name + " healthcheck").containsKey("healthcheck");
        });
        assertThat(environment(stack.services().get("gateway"))).as("Swarm is a production stack")
                .containsEntry("CODEAGENT_REQUIRE_MENTION", "true").containsEntry("CODEAGENT_ENV", "production");
    }

    @Test
    void swarmStackPassesDockerStackConfig() throws Exception {
        // docker stack config runs the Swarm loader (stricter than compose: depends_on lists, no profiles);
        // it needs only the docker CLI, no daemon.
        assumeTrue(ComposeCli.onPath("docker"), "docker CLI is not on the PATH");
        ProcessBuilder builder = new ProcessBuilder("docker", "stack", "config", "-c",
                RepositoryRoot.find().resolve("deploy/swarm/docker-stack.yml").toString())
                .redirectErrorStream(true);
        builder.environment().putAll(ComposeScenario.EXTERNAL_ENDPOINTS);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assumeTrue(!output.contains("unknown command"), "docker CLI without the stack command");
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("replicas: 3").contains("order: start-first");
    }

    private static String hostIp(Map<String, Object> port) {
        Object raw = port.get("raw");
        return raw == null ? "" : String.valueOf(raw).split(":")[0];
    }

    private record Limit(double cpus, String memory) {
    }
}
