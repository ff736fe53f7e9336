package dev.codeagent.deployment.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Kubernetes isolation as the chart's default: the runner gets exactly the namespaced rights its check Jobs need and
 * never a cluster-wide one, its check pods are shut off the network but for the tree fetch, and the runner is told
 * where it runs.
 */
class RunnerIsolationChartTest {

    private final RenderedChart defaults = ChartRenderer.chart().render();

    @Test
    void defaultsRenderNamespaceScopedRbacAndNothingClusterWide() {
        assertThat(defaults.resources()).extracting(HasMetadata::getKind)
                .doesNotContain("ClusterRole", "ClusterRoleBinding");
        Role role = defaults.get(Role.class, "agent-runner");
        assertThat(role.getMetadata().getNamespace()).isEqualTo(ChartRenderer.NAMESPACE);
        assertThat(role.getRules()).extracting(PolicyRule::getApiGroups, PolicyRule::getResources, PolicyRule::getVerbs)
                .containsExactly(
                        tuple(List.of("batch"), List.of("jobs"),
                                List.of("create", "get", "list", "watch", "delete")),
                        tuple(List.of(""), List.of("pods"), List.of("get", "list", "watch")),
                        tuple(List.of(""), List.of("pods/log"), List.of("get")));
        assertThat(role.getRules()).allSatisfy(rule -> {
            assertThat(rule.getResources()).doesNotContain("pods/exec", "secrets", "*");
            assertThat(rule.getVerbs()).doesNotContain("*");
            assertThat(rule.getResourceNames()).isNullOrEmpty();
        });
        RoleBinding binding = defaults.get(RoleBinding.class, "agent-runner");
        assertThat(binding.getMetadata().getNamespace()).isEqualTo(ChartRenderer.NAMESPACE);
        assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
        assertThat(binding.getRoleRef().getName()).isEqualTo("agent-runner");
        assertThat(binding.getSubjects()).singleElement().satisfies(subject -> {
            assertThat(subject.getKind()).isEqualTo("ServiceAccount");
            assertThat(subject.getName()).isEqualTo("agent-runner");
            assertThat(subject.getNamespace()).isEqualTo(ChartRenderer.NAMESPACE);
        });
    }

    @Test
    void defaultsRenderTheEgressDenyPolicyForCheckPodsEvenWithoutTheReleasePolicies() {
        assertThat(defaults.has(NetworkPolicy.class, "agent-default-deny")).as("networkPolicy.enabled is off")
                .isFalse();
        NetworkPolicy checks = defaults.get(NetworkPolicy.class, "agent-runner-checks");
        assertThat(checks.getSpec().getPodSelector().getMatchLabels()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "app.kubernetes.io/name", "code-agent",
                "app.kubernetes.io/instance", ChartRenderer.RELEASE,
                "app.kubernetes.io/component", "check"));
        assertThat(checks.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(checks.getSpec().getIngress()).isEmpty();
        assertThat(checks.getSpec().getEgress()).singleElement().satisfies(rule -> {
            assertThat(rule.getTo()).singleElement().satisfies(peer -> {
                assertThat(peer.getIpBlock()).isNull();
                assertThat(peer.getNamespaceSelector()).isNull();
                assertThat(peer.getPodSelector().getMatchLabels())
                        .containsEntry("app.kubernetes.io/component", "runner");
            });
            assertThat(rule.getPorts()).singleElement().satisfies(port -> {
                assertThat(port.getPort().getIntVal()).isEqualTo(3005);
                assertThat(port.getProtocol()).isEqualTo("TCP");
            });
        });
        assertThat(defaults.has(NetworkPolicy.class, "agent-runner-checks-network")).isFalse();
    }

    @Test
    void theRunnerIsToldItsIsolationNamespaceLabelsAndOwnAddress() {
        Map<String, String> config = defaults.configMap("runner").getData();
        assertThat(config).containsEntry("CODEAGENT_RUNNER_ISOLATION", "kubernetes")
                .containsEntry("CODEAGENT_RUNNER_NAMESPACE", ChartRenderer.NAMESPACE)
                .containsEntry("CODEAGENT_RUNNER_TREE_PORT", "3005")
                .containsEntry("CODEAGENT_RUNNER_JOB_LABELS",
                        "app.kubernetes.io/name=code-agent,app.kubernetes.io/instance=" + ChartRenderer.RELEASE);
        Deployment runner = defaults.deployment("runner");
        assertThat(runner.getSpec().getTemplate().getSpec().getAutomountServiceAccountToken()).isTrue();
        assertThat(runner.getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo("agent-runner");
        Container container = runner.getSpec().getTemplate().getSpec().getContainers().get(0);
        EnvVar host = container.getEnv().stream().filter(e -> e.getName().equals("CODEAGENT_RUNNER_TREE_HOST"))
                .findFirst().orElseThrow();
        assertThat(host.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("status.podIP");
        assertThat(container.getPorts()).anySatisfy(port -> {
            assertThat(port.getName()).isEqualTo("trees");
            assertThat(port.getContainerPort()).isEqualTo(3005);
        });
        assertThat(defaults.hpas()).anySatisfy(hpa -> assertThat(hpa.getMetadata().getName()).isEqualTo("agent-runner"));
    }

    @Test
    void networkRequestedChecksGetOnlyTheOperatorsEgressRules() {
        RenderedChart chart = ChartRenderer.chart()
                .set("runner.kubernetes.networkEgress[0].to[0].ipBlock.cidr", "10.20.0.5/32")
                .set("runner.kubernetes.networkEgress[0].ports[0].port", 3128)
                .render();
        NetworkPolicy network = chart.get(NetworkPolicy.class, "agent-runner-checks-network");
        assertThat(network.getSpec().getPodSelector().getMatchLabels())
                .containsEntry("codeagent.dev/network", "requested")
                .containsEntry("app.kubernetes.io/component", "check");
        assertThat(network.getSpec().getPolicyTypes()).containsExactly("Egress");
        assertThat(network.getSpec().getEgress()).singleElement()
                .satisfies(rule -> assertThat(rule.getTo().get(0).getIpBlock().getCidr()).isEqualTo("10.20.0.5/32"));
    }

    @Test
    void defaultsKeepNoCacheAndLeavePlacementToTheNamespace() {
        Map<String, String> config = defaults.configMap("runner").getData();
        assertThat(config).containsEntry("CODEAGENT_RUNNER_K8S_CACHE", "none");
        assertThat(config.keySet()).filteredOn(key -> key.startsWith("CODEAGENT_RUNNER_K8S_"))
                .containsExactly("CODEAGENT_RUNNER_K8S_CACHE");
        assertThat(defaults.get(Role.class, "agent-runner").getRules()).flatExtracting(PolicyRule::getResources)
                .doesNotContain("persistentvolumeclaims", "leases");
    }

    @Test
    void aClaimPerRepositoryAddsOnlyGetAndCreateOnClaimsAndTheLeasesOfReadWriteOnceClaimsInTheNamespace() {
        RenderedChart chart = ChartRenderer.chart()
                .set("runner.kubernetes.cache.mode", "claimPerRepository")
                .set("runner.kubernetes.cache.storageClassName", "fast-ssd")
                .set("runner.kubernetes.cache.size", "20GB")
                .render();
        assertThat(chart.resources()).extracting(HasMetadata::getKind)
                .doesNotContain("ClusterRole", "ClusterRoleBinding");
        assertThat(chart.resources()).as("the runner creates the claims, not the chart")
                .filteredOn(resource -> resource.getKind().equals("PersistentVolumeClaim"))
                .hasSameSizeAs(defaults.resources().stream()
                        .filter(resource -> resource.getKind().equals("PersistentVolumeClaim")).toList());
        Role role = chart.get(Role.class, "agent-runner");
        assertThat(role.getMetadata().getNamespace()).isEqualTo(ChartRenderer.NAMESPACE);
        assertThat(role.getRules()).extracting(PolicyRule::getApiGroups, PolicyRule::getResources, PolicyRule::getVerbs)
                .contains(tuple(List.of(""), List.of("persistentvolumeclaims"), List.of("get", "create")),
                        tuple(List.of("coordination.k8s.io"), List.of("leases"),
                                List.of("get", "create", "update", "delete")))
                .hasSize(5);
        assertThat(chart.configMap("runner").getData())
                .containsEntry("CODEAGENT_RUNNER_K8S_CACHE", "claim-per-repository")
                .containsEntry("CODEAGENT_RUNNER_K8S_CACHE_STORAGE_CLASS", "fast-ssd")
                .containsEntry("CODEAGENT_RUNNER_K8S_CACHE_SIZE", "20GB")
                .containsEntry("CODEAGENT_RUNNER_K8S_CACHE_ACCESS_MODE", "ReadWriteOnce")
                .doesNotContainKey("CODEAGENT_RUNNER_K8S_CACHE_CLAIM");

        Role shared = ChartRenderer.chart().set("runner.kubernetes.cache.mode", "claimPerRepository")
                .set("runner.kubernetes.cache.accessMode", "ReadWriteMany").render().get(Role.class, "agent-runner");
        assertThat(shared.getRules()).flatExtracting(PolicyRule::getResources).contains("persistentvolumeclaims")
                .as("ReadWriteMany claims are shared: no lease").doesNotContain("leases");
    }

    @Test
    void aSharedClaimNeedsNoRightsOnClaimsAndMustBeNamed() {
        RenderedChart chart = ChartRenderer.chart().set("runner.kubernetes.cache.mode", "sharedClaim")
                .set("runner.kubernetes.cache.existingClaim", "build-caches").render();
        assertThat(chart.get(Role.class, "agent-runner").getRules()).flatExtracting(PolicyRule::getResources)
                .doesNotContain("persistentvolumeclaims", "leases");
        assertThat(chart.configMap("runner").getData()).containsEntry("CODEAGENT_RUNNER_K8S_CACHE", "shared-claim")
                .containsEntry("CODEAGENT_RUNNER_K8S_CACHE_CLAIM", "build-caches")
                .doesNotContainKey("CODEAGENT_RUNNER_K8S_CACHE_SIZE");

        assertThatThrownBy(() -> ChartRenderer.chart().set("runner.kubernetes.cache.mode", "sharedClaim").render())
                .hasMessageContaining("runner.kubernetes.cache.existingClaim");
        assertThatThrownBy(() -> ChartRenderer.chart().set("runner.kubernetes.cache.existingClaim", "build-caches")
                .render()).hasMessageContaining("runner.kubernetes.cache.mode is not sharedClaim");
        assertThatThrownBy(() -> ChartRenderer.chart().set("runner.kubernetes.cache.mode", "perRepository").render())
                .hasMessageContaining("mode");
        assertThatThrownBy(() -> ChartRenderer.chart().set("runner.kubernetes.cache.accessMode", "RWO").render())
                .hasMessageContaining("accessMode");
    }

    @Test
    void placementValuesReachTheRunnerInItsSyntax() {
        Map<String, String> config = ChartRenderer.chart()
                .set("runner.kubernetes.nodeSelector.node-pool", "checks")
                .set("runner.kubernetes.tolerations[0].key", "dedicated")
                .set("runner.kubernetes.tolerations[0].operator", "Equal")
                .set("runner.kubernetes.tolerations[0].value", "checks")
                .set("runner.kubernetes.tolerations[0].effect", "NoSchedule")
                .set("runner.kubernetes.tolerations[1].key", "sandbox.gke.io/runtime")
                .set("runner.kubernetes.tolerations[1].operator", "Exists")
                .set("runner.kubernetes.runtimeClassName", "gvisor")
                .set("runner.kubernetes.imagePullSecrets[0].name", "registry-pull")
                .set("runner.kubernetes.imagePullSecrets[1].name", "mirror-pull")
                .set("runner.kubernetes.priorityClassName", "batch-low")
                .set("runner.kubernetes.podAnnotations.example\\.com/owner", "platform team")
                .set("runner.kubernetes.podLabels.team", "payments")
                .render().configMap("runner").getData();
        assertThat(config).containsEntry("CODEAGENT_RUNNER_K8S_NODE_SELECTOR", "node-pool=checks")
                .containsEntry("CODEAGENT_RUNNER_K8S_TOLERATIONS", "dedicated=checks:NoSchedule,sandbox.gke.io/runtime")
                .containsEntry("CODEAGENT_RUNNER_K8S_RUNTIME_CLASS", "gvisor")
                .containsEntry("CODEAGENT_RUNNER_K8S_IMAGE_PULL_SECRETS", "registry-pull,mirror-pull")
                .containsEntry("CODEAGENT_RUNNER_K8S_PRIORITY_CLASS", "batch-low")
                .containsEntry("CODEAGENT_RUNNER_K8S_POD_ANNOTATIONS", "example.com/owner=platform team")
                .containsEntry("CODEAGENT_RUNNER_JOB_LABELS", "team=payments,app.kubernetes.io/name=code-agent,"
                        + "app.kubernetes.io/instance=" + ChartRenderer.RELEASE);
    }

    @Test
    void placementValuesKubernetesWouldRefuseOrThatWouldUnlabelCheckPodsAreRefused() {
        assertThatThrownBy(() -> ChartRenderer.chart().set("runner.kubernetes.podLabels.app\\.kubernetes\\.io/instance",
                "other").render()).hasMessageContaining("runner.kubernetes.podLabels may not set app.kubernetes.io/instance");
        assertThatThrownBy(() -> ChartRenderer.chart().set("runner.kubernetes.tolerations[0].key", "dedicated")
                .set("runner.kubernetes.tolerations[0].effect", "NoSchedul").render()).hasMessageContaining("effect");
        assertThatThrownBy(() -> ChartRenderer.chart().set("runner.kubernetes.tolerations[0].key", "dedicated")
                .set("runner.kubernetes.tolerations[0].operator", "Exists")
                .set("runner.kubernetes.tolerations[0].value", "checks").render())
                .hasMessageContaining("Exists takes no value");
        assertThatThrownBy(() -> ChartRenderer.chart().set("runner.kubernetes.runtimeClassName", "gVisor").render())
                .hasMessageContaining("runtimeClassName");
        assertThatThrownBy(() -> ChartRenderer.chart().set("runner.kubernetes.nodeSelector.-pool", "checks").render())
                .hasMessageContaining("invalid propertyName '-pool'");
        assertThatThrownBy(() -> ChartRenderer.chart().set("runner.kubernetes.nodeSelector.pool", "build checks")
                .render()).hasMessageContaining("nodeSelector");
        assertThatThrownBy(() -> ChartRenderer.chart().set("runner.kubernetes.podAnnotations.note", "a,b").render())
                .hasMessageContaining("podAnnotations");
    }

    @Test
    void otherIsolationModesGetNoRightsAndNoCheckPolicy() {
        RenderedChart chart = ChartRenderer.chart().set("runner.isolation", "container").render();
        assertThat(chart.all(Role.class)).isEmpty();
        assertThat(chart.all(RoleBinding.class)).isEmpty();
        assertThat(chart.has(NetworkPolicy.class, "agent-runner-checks")).isFalse();
        assertThat(chart.configMap("runner").getData()).containsEntry("CODEAGENT_RUNNER_ISOLATION", "container")
                .doesNotContainKey("CODEAGENT_RUNNER_NAMESPACE");
    }

    @Test
    void releasePoliciesWithKubernetesIsolationNeedTheApiServersAddress() {
        assertThatThrownBy(() -> ChartRenderer.chart().set("networkPolicy.enabled", true).render())
                .hasMessageContaining("networkPolicy.kubernetesApi.cidr");
        NetworkPolicy runner = ChartRenderer.chart().set("networkPolicy.enabled", true)
                .set("networkPolicy.kubernetesApi.cidr", "10.96.0.1/32").render()
                .get(NetworkPolicy.class, "agent-runner");
        assertThat(runner.getSpec().getEgress())
                .filteredOn(rule -> rule.getTo().stream().anyMatch(peer -> peer.getIpBlock() != null))
                .singleElement().satisfies(rule -> {
                    assertThat(rule.getTo()).singleElement()
                            .satisfies(peer -> assertThat(peer.getIpBlock().getCidr()).isEqualTo("10.96.0.1/32"));
                    assertThat(rule.getPorts()).extracting(port -> port.getPort().getIntVal())
                            .containsExactly(443, 6443);
                });
    }
}
