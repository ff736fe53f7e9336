package dev.codeagent.deployment.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties every install of the chart must have, checked on each scenario of {@link Scenario#all()}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChartInvariantsTest {

    private static final List<String> REQUIRED_LABELS = List.of(
            "app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/version",
            "app.kubernetes.io/component", "app.kubernetes.io/part-of", "app.kubernetes.io/managed-by",
            "helm.sh/chart");

    private static final Map<String, Integer> PORTS = Map.of(
            "gateway", 3001, "orchestrator", 7071, "adapter", 3002, "llm-patch", 3003, "runner", 3004,
            "health-monitor", 8888);

    /** DESIGN.md §6 budgets: CPU and memory limit per service. */
    private static final Map<String, List<String>> BUDGETS = Map.of(
            "gateway", List.of("500m", "512Mi"),
            "orchestrator", List.of("1", "1Gi"),
            "adapter", List.of("500m", "512Mi"),
            "llm-patch", List.of("1", "2Gi"),
            // Builds need more than the plan's small-service budget (docs/checks.md).
            "runner", List.of("2", "4Gi"),
            "health-monitor", List.of("500m", "256Mi"));

    private final Map<Scenario, RenderedChart> renders = new HashMap<>();

    Stream<Scenario> scenarios() {
        return Scenario.all().stream();
    }

    private RenderedChart rendered(Scenario scenario) {
        return renders.computeIfAbsent(scenario, Scenario::render);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyRenderedFieldIsKnownToTheKubernetesModel(Scenario scenario) {
        for (HasMetadata resource : rendered(scenario).resources()) {
            assertThat(UnknownFields.in(resource))
                    .as("unknown fields in %s/%s", resource.getKind(), resource.getMetadata().getName())
                    .isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void fiveDeploymentsNamedAgentComponentWithTheirServicesConfigMapsPdbsAndServiceAccounts(Scenario scenario) {
        RenderedChart chart = rendered(scenario);
        for (String component : RenderedChart.COMPONENTS) {
            String name = "agent-" + component;
            assertThat(chart.has(Deployment.class, name)).as(name).isTrue();
            assertThat(chart.has(Service.class, name)).as(name).isTrue();
            assertThat(chart.has(ConfigMap.class, name)).as(name).isTrue();
            assertThat(chart.has(PodDisruptionBudget.class, name)).as(name).isTrue();
            assertThat(chart.get(ServiceAccount.class, name).getAutomountServiceAccountToken()).as(name).isFalse();
            Deployment deployment = chart.deployment(component);
            assertThat(deployment.getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo(name);
            assertThat(deployment.getSpec().getTemplate().getSpec().getAutomountServiceAccountToken()).isFalse();
            assertThat(chart.service(component).getSpec().getPorts())
                    .singleElement()
                    .satisfies(port -> assertThat(port.getPort()).isEqualTo(PORTS.get(component)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyResourceCarriesTheStandardLabels(Scenario scenario) {
        for (HasMetadata resource : rendered(scenario).resources()) {
            assertThat(resource.getMetadata().getLabels())
                    .as("%s/%s", resource.getKind(), resource.getMetadata().getName())
                    .containsKeys(REQUIRED_LABELS.toArray(String[]::new))
                    .containsEntry("app.kubernetes.io/name", "code-agent")
                    .containsEntry("app.kubernetes.io/instance", ChartRenderer.RELEASE)
                    .containsEntry("app.kubernetes.io/part-of", "code-agent")
                    .containsEntry("app.kubernetes.io/managed-by", "Helm");
            assertThat(resource.getMetadata().getNamespace()).isEqualTo(ChartRenderer.NAMESPACE);
        }
        for (String component : RenderedChart.COMPONENTS) {
            Deployment deployment = rendered(scenario).deployment(component);
            assertThat(deployment.getMetadata().getLabels()).containsEntry("app.kubernetes.io/component", component);
            assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                    .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyContainerIsBoundedProbedAndLockedDown(Scenario scenario) {
        for (Map.Entry<String, PodTemplateSpec> workload : rendered(scenario).podTemplates().entrySet()) {
            PodSecurityContext pod = workload.getValue().getSpec().getSecurityContext();
            boolean longRunning = !workload.getKey().startsWith("Job/");
            for (Container container : workload.getValue().getSpec().getContainers()) {
                String where = workload.getKey() + " container " + container.getName();
                assertThat(container.getResources().getLimits()).as(where).containsKeys("cpu", "memory");
                assertThat(container.getResources().getRequests()).as(where).containsKeys("cpu", "memory");
                if (longRunning) {
                    assertThat(container.getLivenessProbe()).as(where + " liveness").isNotNull();
                    assertThat(container.getReadinessProbe()).as(where + " readiness").isNotNull();
                }
                SecurityContext security = container.getSecurityContext();
                assertThat(security).as(where).isNotNull();
                boolean nonRoot = Boolean.TRUE.equals(security.getRunAsNonRoot())
                        || (pod != null && Boolean.TRUE.equals(pod.getRunAsNonRoot()));
                assertThat(nonRoot).as(where + " runAsNonRoot").isTrue();
                assertThat(pod.getRunAsUser()).as(where + " runAsUser").isNotNull().isPositive();
                assertThat(security.getAllowPrivilegeEscalation()).as(where).isFalse();
                assertThat(security.getReadOnlyRootFilesystem()).as(where).isTrue();
                assertThat(security.getCapabilities().getDrop()).as(where).containsExactly("ALL");
                assertThat(security.getSeccompProfile().getType()).as(where).isEqualTo("RuntimeDefault");
                assertThat(container.getVolumeMounts()).as(where + " writable /tmp")
                        .anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void servicesProbeTheActuatorGroupsAndStayWithinTheirBudget(Scenario scenario) {
        for (String component : RenderedChart.COMPONENTS) {
            Deployment deployment = rendered(scenario).deployment(component);
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(container.getImage()).contains("/" + component + ":").contains("code-agent/");
            assertThat(container.getPorts()).singleElement()
                    .satisfies(port -> assertThat(port.getContainerPort()).isEqualTo(PORTS.get(component)));
            assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
            assertThat(container.getLivenessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("http");
            // A hung (not dead) container is restarted by the kubelet within a minute, as the health monitor's
            // restart of hung containers does in compose (docs/health-monitor.md#automatic-recovery-of-hung-containers).
            assertThat(container.getLivenessProbe().getPeriodSeconds() * container.getLivenessProbe().getFailureThreshold())
                    .as(component + " liveness period × failure threshold").isLessThanOrEqualTo(60);
            assertThat(container.getLivenessProbe().getTimeoutSeconds())
                    .isLessThan(container.getLivenessProbe().getPeriodSeconds());
            assertThat(container.getResources().getLimits().get("cpu").toString()).isEqualTo(BUDGETS.get(component).get(0));
            assertThat(container.getResources().getLimits().get("memory").toString()).isEqualTo(BUDGETS.get(component).get(1));
            assertThat(container.getLifecycle().getPreStop().getSleep().getSeconds()).isPositive();
            assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                    .containsKeys("checksum/config", "checksum/secret");
            assertThat(rendered(scenario).configMap(component).getData())
                    .containsEntry("CODEAGENT_" + component.toUpperCase(Locale.ROOT).replace('-', '_') + "_PORT",
                            String.valueOf(PORTS.get(component)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void autoscaledDeploymentsLeaveTheReplicaCountToTheirHpa(Scenario scenario) {
        RenderedChart chart = rendered(scenario);
        for (HorizontalPodAutoscaler hpa : chart.hpas()) {
            assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            String target = hpa.getSpec().getScaleTargetRef().getName();
            assertThat(target).isEqualTo(hpa.getMetadata().getName());
            assertThat(chart.get(Deployment.class, target).getSpec().getReplicas()).as(target).isNull();
            assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThanOrEqualTo(hpa.getSpec().getMinReplicas());
        }
        List<String> autoscaled = chart.hpas().stream().map(hpa -> hpa.getMetadata().getName()).toList();
        for (Deployment deployment : chart.deployments()) {
            if (!autoscaled.contains(deployment.getMetadata().getName())) {
                assertThat(deployment.getSpec().getReplicas()).as(deployment.getMetadata().getName()).isNotNull();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyServiceSelectsThePodsOfExactlyOneWorkload(Scenario scenario) {
        RenderedChart chart = rendered(scenario);
        Map<String, Map<String, String>> podLabels = new HashMap<>();
        chart.all(Deployment.class).forEach(d -> podLabels.put("Deployment/" + d.getMetadata().getName(),
                d.getSpec().getTemplate().getMetadata().getLabels()));
        chart.all(StatefulSet.class).forEach(s -> podLabels.put("StatefulSet/" + s.getMetadata().getName(),
                s.getSpec().getTemplate().getMetadata().getLabels()));
        for (Service service : chart.all(Service.class)) {
            Map<String, String> selector = service.getSpec().getSelector();
            assertThat(selector).as(service.getMetadata().getName()).isNotEmpty();
            List<String> selected = podLabels.entrySet().stream()
                    .filter(entry -> entry.getValue().entrySet().containsAll(selector.entrySet()))
                    .map(Map.Entry::getKey)
                    .toList();
            assertThat(selected).as("workloads selected by Service %s", service.getMetadata().getName())
                    .hasSize(1)
                    .first().asString().endsWith("/" + service.getMetadata().getName());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void noSecretValueEverReachesAConfigMapOrAPodSpec(Scenario scenario) {
        RenderedChart chart = rendered(scenario);
        for (ConfigMap configMap : chart.all(ConfigMap.class)) {
            String data = String.valueOf(configMap.getData()) + configMap.getBinaryData();
            for (String secret : Scenario.SECRETS.values()) {
                assertThat(data).as("ConfigMap %s", configMap.getMetadata().getName())
                        .doesNotContain(secret)
                        .doesNotContain(base64(secret));
            }
        }
        for (PodTemplateSpec template : chart.podTemplates().values()) {
            for (Container container : template.getSpec().getContainers()) {
                for (EnvVar env : container.getEnv()) {
                    if (env.getName().startsWith("CODEAGENT_")) {
                        assertThat(Optional.ofNullable(env.getValue()).orElse(""))
                                .as(env.getName()).isNotIn(Scenario.SECRETS.values());
                    }
                }
            }
        }
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
