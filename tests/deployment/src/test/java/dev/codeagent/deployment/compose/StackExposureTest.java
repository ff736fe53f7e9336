package dev.codeagent.deployment.compose;

import static dev.codeagent.deployment.compose.RenderedCompose.CODE_AGENT_SERVICES;
import static dev.codeagent.deployment.compose.RenderedCompose.dependsOn;
import static dev.codeagent.deployment.compose.RenderedCompose.environment;
import static dev.codeagent.deployment.compose.RenderedCompose.map;
import static dev.codeagent.deployment.compose.RenderedCompose.networks;
import static dev.codeagent.deployment.compose.RenderedCompose.ports;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What the compose stack and the Swarm stack expose (security issue 23): no public route to the
 * orchestrator's internal API, ngrok's inspector on loopback only, Traefik without the container runtime's
 * socket (a read-only proxy instead), and every service told whether it runs in staging/production or behind
 * the tunnel, so that it refuses the published development secrets. Skipped without {@code docker-compose}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StackExposureTest {

    private static final Path ROOT = RepositoryRoot.find();
    private static final String PROXY = "docker-socket-proxy";
    private static final String PROXY_IMAGE = "tecnativa/docker-socket-proxy:0.3.0";
    /** The health monitor's own proxy for restarting hung containers (profile "recovery"). */
    private static final String MONITOR_PROXY = "monitor-socket-proxy";

    private ComposeCli cli;
    private Path emptyEnv;

    @BeforeAll
    void compose(@TempDir Path temp) throws IOException {
        assumeTrue(ComposeCli.available(), "docker-compose is not on the PATH (apt-get install docker-compose)");
        cli = new ComposeCli(ROOT);
        emptyEnv = Files.writeString(temp.resolve("empty.env"), "");
    }

    private RenderedCompose render(String override) throws Exception {
        return cli.config(ComposeScenario.withOverride(override, Set.of()), emptyEnv);
    }

    private RenderedCompose swarm() throws Exception {
        return cli.config(new ComposeScenario(List.of("deploy/swarm/docker-stack.yml"), Set.of(),
                ComposeScenario.EXTERNAL_ENDPOINTS), emptyEnv);
    }

    @Test
    void nothingRoutesToTheOrchestratorFromOutside() throws Exception {
        List<RenderedCompose> stacks = new ArrayList<>();
        for (String override : new String[] {null, "docker-compose.dev.yml", "docker-compose.staging.yml",
                "docker-compose.prod.yml"}) {
            stacks.add(render(override));
        }
        stacks.add(swarm());
        for (RenderedCompose stack : stacks) {
            Map<String, String> rules = new LinkedHashMap<>();
            stack.services().forEach((name, service) -> traefikLabels(service).forEach((key, value) -> {
                if (key.matches("traefik\\.http\\.routers\\.[^.]+\\.(rule|service)")) {
                    rules.put(name + ": " + key, value);
                }
            }));
            assertThat(rules).as(stack.scenario() + ": Traefik routers").isNotEmpty()
                    .allSatisfy((where, rule) -> assertThat(rule).as(where)
                            .doesNotContain("/api/orchestrators").isNotEqualTo("orchestrator"));
            assertThat(traefikLabels(stack.services().get("orchestrator")))
                    .as(stack.scenario() + ": the orchestrator is not exposed through Traefik")
                    .doesNotContainEntry("traefik.enable", "true");
        }
    }

    @Test
    void ngrokInspectorIsPublishedOnLoopbackOnly() throws Exception {
        for (String override : new String[] {null, "docker-compose.dev.yml", "docker-compose.staging.yml"}) {
            List<Map<String, Object>> published = ports(render(override).services().get("ngrok"));
            assertThat(published).as(override + ": ngrok ports").isNotEmpty().allSatisfy(port -> assertThat(
                    String.valueOf(port.getOrDefault("host_ip", port.get("raw")))).startsWith("127.0.0.1"));
        }
    }

    @Test
    void traefiksOwnDashboardIsPublishedOnLoopbackOnlyAndItsEntrypointOnEveryInterface() throws Exception {
        for (String override : new String[] {null, "docker-compose.dev.yml", "docker-compose.staging.yml"}) {
            List<Map<String, Object>> published = ports(render(override).services().get("traefik"));
            assertThat(published).as(override + ": Traefik ports").hasSize(2);
            for (Map<String, Object> port : published) {
                // docker-compose 1.29 renders "host_ip:published:target/tcp", docker compose v2 a mapping.
                String raw = String.valueOf(port.get("raw"));
                String target = port.containsKey("target") ? String.valueOf(port.get("target"))
                        : raw.replaceAll("/\\w+$", "").replaceAll(".*:", "");
                String hostIp = String.valueOf(port.getOrDefault("host_ip", raw));
                assertThat(hostIp.startsWith("127.0.0.1"))
                        .as(override + ": Traefik port " + port + " on loopback only").isEqualTo(target.equals("8080"));
            }
        }
    }

    @Test
    void traefikReadsTheContainerApiThroughAReadOnlyProxy() throws Exception {
        RenderedCompose compose = render(null);
        assertProxied(compose, Set.of("CONTAINERS", "EVENTS", "PING", "VERSION"));
        assertThat(dependsOn(compose.services().get("traefik"))).containsKey(PROXY);
        assertThat(providerEndpoint("deploy/traefik/traefik.yml", "docker")).isEqualTo("tcp://" + PROXY + ":2375");

        RenderedCompose swarm = swarm();
        assertProxied(swarm, Set.of("SERVICES", "TASKS", "NETWORKS", "NODES", "PING", "VERSION"));
        assertThat(String.valueOf(map(map(swarm.services().get(PROXY).get("deploy")).get("placement"))))
                .as("the Swarm API answers on managers").contains("node.role == manager");
        assertThat(providerEndpoint("deploy/swarm/traefik.yml", "swarm")).isEqualTo("tcp://" + PROXY + ":2375");
    }

    private static void assertProxied(RenderedCompose stack, Set<String> granted) {
        String scenario = stack.scenario().toString();
        stack.services().forEach((name, service) -> {
            if (!name.equals(PROXY) && !name.equals(MONITOR_PROXY)) {
                assertThat(String.valueOf(service.get("volumes"))).as(scenario + ": " + name + " volumes")
                        .doesNotContain("docker.sock").doesNotContain("podman.sock");
            }
        });
        Map<String, Object> proxy = stack.services().get(PROXY);
        assertThat(proxy).as(scenario + ": " + PROXY).isNotNull();
        assertThat(String.valueOf(proxy.get("image"))).isEqualTo(PROXY_IMAGE);
        assertThat(String.valueOf(proxy.get("volumes"))).contains("/var/run/docker.sock:ro");
        Map<String, Object> env = environment(proxy);
        assertThat(env).as(scenario + ": read-only").containsEntry("POST", "0");
        env.forEach((section, value) -> assertThat(value).as(scenario + ": " + section)
                .isEqualTo(granted.contains(section) ? "1" : "0"));
        assertThat(env.keySet()).containsAll(granted).contains("EXEC", "SECRETS", "AUTH", "IMAGES", "VOLUMES",
                "BUILD", "SYSTEM");
        assertThat(networks(proxy)).as(scenario + ": proxy networks").containsExactly("docker-api");
        assertThat(networks(stack.services().get("traefik"))).contains("docker-api");
        stack.services().forEach((name, service) -> {
            if (!name.equals(PROXY) && !name.equals("traefik")) {
                assertThat(networks(service)).as(scenario + ": " + name + " networks").doesNotContain("docker-api");
            }
        });
        assertThat(map(map(stack.model().get("networks")).get("docker-api"))).as(scenario + ": docker-api")
                .containsEntry("internal", true);
    }

    @Test
    void theHealthMonitorRestartsContainersThroughARestartOnlyProxyOfItsOwn() throws Exception {
        RenderedCompose compose = render(null);
        Map<String, Object> proxy = compose.services().get(MONITOR_PROXY);
        if (proxy == null) {
            // Rendered without the profile "recovery": nothing of it runs.
            return;
        }
        assertThat(String.valueOf(proxy.get("image"))).isEqualTo(PROXY_IMAGE);
        assertThat(String.valueOf(proxy.get("volumes"))).contains("/var/run/docker.sock:ro");
        Map<String, Object> env = environment(proxy);
        Set<String> granted = Set.of("CONTAINERS", "ALLOW_RESTARTS", "PING", "VERSION");
        env.forEach((section, value) -> assertThat(value).as(MONITOR_PROXY + ": " + section)
                .isEqualTo(granted.contains(section) ? "1" : "0"));
        assertThat(env).containsEntry("POST", "0").containsKeys("EXEC", "IMAGES", "VOLUMES", "BUILD");
        assertThat(networks(proxy)).containsExactly("monitor-docker-api");
        compose.services().forEach((name, service) -> {
            if (!name.equals(MONITOR_PROXY) && !name.equals("health-monitor")) {
                assertThat(networks(service)).as(name + " networks").doesNotContain("monitor-docker-api");
            }
        });
        assertThat(environment(compose.services().get("health-monitor")))
                .containsEntry("CODEAGENT_MONITOR_DOCKER_HOST", "tcp://" + MONITOR_PROXY + ":2375");
        assertThat(map(map(compose.model().get("networks")).get("monitor-docker-api"))).containsEntry("internal", true);
    }

    @Test
    void everyServiceKnowsItsEnvironmentAndWhetherTheTunnelIsOn() throws Exception {
        assertServices(render(null), "development", "false");
        assertServices(render("docker-compose.dev.yml"), "development", "false");
        assertServices(render("docker-compose.staging.yml"), "staging", "false");
        assertServices(render("docker-compose.prod.yml"), "production", "false");
        RenderedCompose swarm = swarm();
        for (String name : CODE_AGENT_SERVICES) {
            assertThat(environment(swarm.services().get(name))).as("swarm " + name)
                    .containsEntry("CODEAGENT_ENV", "production");
        }

        Map<String, String> tunnelOn = new LinkedHashMap<>(Map.of("CODEAGENT_TUNNEL", "true"));
        RenderedCompose withTunnel = cli.config(new ComposeScenario(List.of(ComposeScenario.BASE), Set.of(),
                tunnelOn), emptyEnv);
        assertServices(withTunnel, "development", "true");
        assertThat(environment(withTunnel.services().get("ngrok")))
                .as("ngrok opens the tunnel on the services' own switch").containsEntry("CODEAGENT_TUNNEL", "true");
        // `docker compose up -d ngrok` brings these up with the same switch before the tunnel opens.
        assertThat(dependsOn(withTunnel.services().get("ngrok"))).containsKeys("gateway", "health-monitor");
    }

    private static void assertServices(RenderedCompose stack, String env, String tunnel) {
        for (String name : CODE_AGENT_SERVICES) {
            assertThat(environment(stack.services().get(name))).as(stack.scenario() + ": " + name)
                    .containsEntry("CODEAGENT_ENV", env).containsEntry("CODEAGENT_TUNNEL", tunnel);
        }
    }

    @Test
    void ngrokOpensNoTunnelUnlessTheServicesKnowAboutIt() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sh", ROOT.resolve("deploy/ngrok/entrypoint.sh").toString())
                .redirectErrorStream(true);
        builder.environment().put("NGROK_AUTHTOKEN", "token-for-the-test");
        builder.environment().remove("CODEAGENT_TUNNEL");
        // no ngrok binary on this PATH: reaching `exec ngrok` would fail with 127
        builder.environment().put("PATH", "/usr/bin:/bin");
        Process process = builder.start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("CODEAGENT_TUNNEL is not true").contains("CODEAGENT_SECRETS_PATH");
    }

    private static String providerEndpoint(String file, String provider) throws IOException {
        Map<String, Object> config = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(ROOT.resolve(file)));
        return String.valueOf(map(map(config.get("providers")).get(provider)).get("endpoint"));
    }

    /** Labels Traefik reads: the container's (docker provider) and deploy.labels (swarm provider). */
    private static Map<String, String> traefikLabels(Map<String, Object> service) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels(service.get("labels"), labels);
        labels(map(service.get("deploy")).get("labels"), labels);
        labels.keySet().removeIf(key -> !key.startsWith("traefik."));
        return labels;
    }

    private static void labels(Object value, Map<String, String> into) {
        if (value instanceof List<?> list) {
            for (Object entry : list) {
                String text = String.valueOf(entry);
                int eq = text.indexOf('=');
                into.put(eq < 0 ? text : text.substring(0, eq), eq < 0 ? "" : text.substring(eq + 1));
            }
        } else {
            map(value).forEach((key, entry) -> into.put(key, String.valueOf(entry)));
        }
    }
}
