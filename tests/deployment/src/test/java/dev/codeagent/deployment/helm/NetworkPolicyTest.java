package dev.codeagent.deployment.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Evaluates the rendered NetworkPolicies the way Kubernetes does (a flow needs the sender's egress and the
 * receiver's ingress allowed; a pod selected by no policy of a direction is open in it) for the flows the
 * design needs and for flows that must stay closed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NetworkPolicyTest {

    private static final String RELEASE_NAMESPACE = ChartRenderer.NAMESPACE;

    /** A pod (or the outside world when labels is null) with its namespace and named ports. */
    record Endpoint(String name, String namespace, Map<String, String> labels, Map<String, Integer> ports) {

        static Endpoint component(String component, int port) {
            return new Endpoint(component, RELEASE_NAMESPACE, Map.of(
                    "app.kubernetes.io/name", "code-agent",
                    "app.kubernetes.io/instance", ChartRenderer.RELEASE,
                    "app.kubernetes.io/component", component), Map.of("http", port));
        }

        boolean external() {
            return labels == null;
        }
    }

    /** A check pod of Kubernetes isolation, labelled as the runner labels it (CODEAGENT_RUNNER_JOB_LABELS). */
    private static final Endpoint CHECK = new Endpoint("check", RELEASE_NAMESPACE, Map.of(
            "app.kubernetes.io/name", "code-agent",
            "app.kubernetes.io/instance", ChartRenderer.RELEASE,
            "app.kubernetes.io/component", "check",
            "app.kubernetes.io/managed-by", "codeagent-runner"), Map.of());

    private static final Map<String, Endpoint> ENDPOINTS = Map.ofEntries(
            Map.entry("gateway", Endpoint.component("gateway", 3001)),
            Map.entry("orchestrator", Endpoint.component("orchestrator", 7071)),
            Map.entry("adapter", Endpoint.component("adapter", 3002)),
            Map.entry("llm-patch", Endpoint.component("llm-patch", 3003)),
            Map.entry("runner", new Endpoint("runner", RELEASE_NAMESPACE, Endpoint.component("runner", 0).labels(),
                    Map.of("http", 3004, "trees", 3005))),
            Map.entry("health-monitor", Endpoint.component("health-monitor", 8888)),
            Map.entry("ollama", Endpoint.component("ollama", 11434)),
            Map.entry("postgresql", new Endpoint("postgresql", RELEASE_NAMESPACE,
                    Endpoint.component("postgresql", 0).labels(), Map.of("postgresql", 5432))),
            Map.entry("check", CHECK),
            Map.entry("traefik", new Endpoint("traefik", "traefik", Map.of("app.kubernetes.io/name", "traefik"),
                    Map.of())),
            Map.entry("internet", new Endpoint("internet", null, null, Map.of())));

    private final List<NetworkPolicy> policies = ChartRenderer.chart()
            .set("networkPolicy.enabled", true)
            .set("ollama.enabled", true)
            .set("postgresql.enabled", true)
            .set("orchestrator.replicaCount", 2)
            .set("networkPolicy.kubernetesApi.cidr", "10.96.0.1/32")
            .set("networkPolicy.kubernetesApi.ports[0]", 6443)
            .render()
            .networkPolicies();

    @ParameterizedTest(name = "{0} -> {1}:{2} allowed")
    @CsvSource({
            "traefik, gateway, 3001",
            "traefik, health-monitor, 8888",
            "gateway, orchestrator, 7071",
            "orchestrator, adapter, 3002",
            "orchestrator, llm-patch, 3003",
            "orchestrator, runner, 3004",
            "runner, adapter, 3002",
            "health-monitor, runner, 3004",
            "orchestrator, postgresql, 5432",
            "orchestrator, internet, 443",
            "llm-patch, ollama, 11434",
            "health-monitor, gateway, 3001",
            "health-monitor, orchestrator, 7071",
            "health-monitor, adapter, 3002",
            "health-monitor, llm-patch, 3003",
            "health-monitor, ollama, 11434",
            "adapter, internet, 443",
            "llm-patch, internet, 443",
            "ollama, internet, 443",
            "check, runner, 3005",
            "runner, internet, 6443",
    })
    void designFlowsAreOpen(String from, String to, int port) {
        assertThat(allowed(ENDPOINTS.get(from), ENDPOINTS.get(to), port)).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}:{2} denied")
    @CsvSource({
            "traefik, orchestrator, 7071",
            "traefik, adapter, 3002",
            "traefik, llm-patch, 3003",
            "traefik, ollama, 11434",
            "internet, gateway, 3001",
            "gateway, adapter, 3002",
            "gateway, llm-patch, 3003",
            "gateway, postgresql, 5432",
            "gateway, internet, 443",
            "gateway, runner, 3004",
            "traefik, runner, 3004",
            "runner, internet, 443",
            "runner, orchestrator, 7071",
            "runner, llm-patch, 3003",
            "adapter, runner, 3004",
            "adapter, orchestrator, 7071",
            "adapter, llm-patch, 3003",
            "adapter, postgresql, 5432",
            "llm-patch, adapter, 3002",
            "llm-patch, postgresql, 5432",
            "health-monitor, internet, 443",
            "health-monitor, postgresql, 5432",
            "postgresql, internet, 443",
            "orchestrator, gateway, 3001",
            "gateway, orchestrator, 8080",
            "check, runner, 3004",
            "check, internet, 443",
            "check, internet, 80",
            "check, adapter, 3002",
            "check, orchestrator, 7071",
            "check, llm-patch, 3003",
            "check, health-monitor, 8888",
            "check, postgresql, 5432",
            "check, ollama, 11434",
            "orchestrator, check, 8080",
            "runner, check, 8080",
            "adapter, runner, 3005",
            "gateway, runner, 3005",
    })
    void everythingElseIsClosed(String from, String to, int port) {
        assertThat(allowed(ENDPOINTS.get(from), ENDPOINTS.get(to), port)).isFalse();
    }

    @Test
    void everyPodMayResolveNames() {
        for (String component : List.of("gateway", "orchestrator", "adapter", "llm-patch", "runner", "health-monitor",
                "ollama")) {
            Endpoint dns = new Endpoint("kube-dns", "kube-system", Map.of("k8s-app", "kube-dns"), Map.of());
            assertThat(egressAllowed(ENDPOINTS.get(component), dns, 53)).as(component).isTrue();
        }
    }

    @Test
    void checkPodsMayNotEvenResolveNames() {
        Endpoint dns = new Endpoint("kube-dns", "kube-system", Map.of("k8s-app", "kube-dns"), Map.of());
        assertThat(egressAllowed(CHECK, dns, 53)).isFalse();
    }

    @Test
    void defaultDenyCoversEveryPodOfTheRelease() {
        NetworkPolicy deny = policies.stream()
                .filter(p -> p.getMetadata().getName().equals("agent-default-deny")).findFirst().orElseThrow();
        assertThat(deny.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(deny.getSpec().getIngress()).isNullOrEmpty();
        assertThat(deny.getSpec().getEgress()).isNullOrEmpty();
        for (Endpoint endpoint : ENDPOINTS.values()) {
            if (!endpoint.external() && endpoint.namespace().equals(RELEASE_NAMESPACE)) {
                assertThat(selects(deny.getSpec().getPodSelector(), endpoint.labels())).as(endpoint.name()).isTrue();
            }
        }
    }

    private boolean allowed(Endpoint from, Endpoint to, int port) {
        return egressAllowed(from, to, port) && ingressAllowed(from, to, port);
    }

    private boolean egressAllowed(Endpoint from, Endpoint to, int port) {
        if (from.external()) {
            return true;
        }
        List<NetworkPolicy> applying = applying(from, "Egress");
        if (applying.isEmpty()) {
            return true;
        }
        return applying.stream().flatMap(p -> p.getSpec().getEgress() == null ? java.util.stream.Stream.empty()
                        : p.getSpec().getEgress().stream())
                .anyMatch(rule -> peersMatch(rule.getTo(), from.namespace(), to) && portsMatch(rule.getPorts(), to, port));
    }

    private boolean ingressAllowed(Endpoint from, Endpoint to, int port) {
        if (to.external()) {
            return true;
        }
        List<NetworkPolicy> applying = applying(to, "Ingress");
        if (applying.isEmpty()) {
            return true;
        }
        return applying.stream().flatMap(p -> p.getSpec().getIngress() == null ? java.util.stream.Stream.empty()
                        : p.getSpec().getIngress().stream())
                .anyMatch(rule -> peersMatch(rule.getFrom(), to.namespace(), from) && portsMatch(rule.getPorts(), to, port));
    }

    private List<NetworkPolicy> applying(Endpoint pod, String type) {
        return policies.stream()
                .filter(p -> pod.namespace().equals(p.getMetadata().getNamespace()))
                .filter(p -> p.getSpec().getPolicyTypes().contains(type))
                .filter(p -> selects(p.getSpec().getPodSelector(), pod.labels()))
                .toList();
    }

    /** Peers relative to the policy's namespace; an empty list means every peer. */
    private static boolean peersMatch(List<NetworkPolicyPeer> peers, String policyNamespace, Endpoint peer) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        return peers.stream().anyMatch(candidate -> {
            if (candidate.getIpBlock() != null) {
                // ipBlocks stand for addresses outside the cluster here; pod IPs are never listed.
                return peer.external();
            }
            if (peer.external()) {
                return false;
            }
            boolean namespaceOk = candidate.getNamespaceSelector() == null
                    ? peer.namespace().equals(policyNamespace)
                    : selects(candidate.getNamespaceSelector(), Map.of("kubernetes.io/metadata.name", peer.namespace()));
            boolean podOk = candidate.getPodSelector() == null || selects(candidate.getPodSelector(), peer.labels());
            return namespaceOk && podOk;
        });
    }

    private static boolean portsMatch(List<NetworkPolicyPort> ports, Endpoint target, int port) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        return ports.stream().anyMatch(p -> {
            IntOrString value = p.getPort();
            if (value == null) {
                return true;
            }
            if (value.getStrVal() != null) {
                return Integer.valueOf(port).equals(target.ports().get(value.getStrVal()));
            }
            return value.getIntVal() == port;
        });
    }

    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector.getMatchExpressions() != null && !selector.getMatchExpressions().isEmpty()) {
            throw new UnsupportedOperationException("matchExpressions are not used by the chart");
        }
        Map<String, String> required = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        return labels.entrySet().containsAll(required.entrySet());
    }
}
