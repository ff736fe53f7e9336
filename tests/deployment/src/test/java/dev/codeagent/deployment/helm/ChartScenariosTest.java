package dev.codeagent.deployment.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What each install scenario renders, beyond the invariants every scenario shares. */
class ChartScenariosTest {

    private static RenderedChart withTestSecrets(ChartRenderer renderer) {
        for (Map.Entry<String, String> secret : Scenario.SECRETS.entrySet()) {
            renderer = renderer.set("secrets." + secret.getKey(), secret.getValue());
        }
        return renderer.render();
    }

    private static Container container(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static EnvVar env(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst().orElseThrow();
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Defaults {

        private final RenderedChart chart = withTestSecrets(ChartRenderer.chart());

        @Test
        void gatewayAndLlmPatchAutoscaleFromTwoToTenAtSeventyPercentCpu() {
            assertThat(chart.hpas()).extracting(h -> h.getMetadata().getName())
                    .containsExactlyInAnyOrder("agent-gateway", "agent-llm-patch", "agent-runner");
            for (HorizontalPodAutoscaler hpa : chart.hpas()) {
                assertThat(hpa.getApiVersion()).isEqualTo("autoscaling/v2");
                // The runner starts from one pod: builds are heavy and come in bursts.
                boolean runner = hpa.getMetadata().getName().equals("agent-runner");
                assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(runner ? 1 : 2);
                assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(10);
                assertThat(hpa.getSpec().getMetrics()).singleElement().satisfies(metric -> {
                    assertThat(metric.getResource().getName()).isEqualTo("cpu");
                    assertThat(metric.getResource().getTarget().getType()).isEqualTo("Utilization");
                    assertThat(metric.getResource().getTarget().getAverageUtilization()).isEqualTo(70);
                });
            }
            assertThat(chart.deployment("gateway").getSpec().getReplicas()).isNull();
            assertThat(chart.deployment("llm-patch").getSpec().getReplicas()).isNull();
            assertThat(chart.deployment("orchestrator").getSpec().getReplicas()).isEqualTo(1);
        }

        @Test
        void rollingUpdatesNeverDropBelowTheDesiredReplicas() {
            for (String component : List.of("gateway", "adapter", "llm-patch", "health-monitor")) {
                Deployment deployment = chart.deployment(component);
                assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
                assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
                assertThat(deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
                        .isGreaterThan(20 + container(deployment).getLifecycle().getPreStop().getSleep().getSeconds());
            }
        }

        @Test
        void embeddedH2OrchestratorKeepsItsDataOnAVolumeAndNeverRunsTwice() {
            Deployment orchestrator = chart.deployment("orchestrator");
            assertThat(orchestrator.getSpec().getStrategy().getType()).isEqualTo("Recreate");
            assertThat(orchestrator.getSpec().getTemplate().getSpec().getVolumes())
                    .anySatisfy(volume -> {
                        assertThat(volume.getName()).isEqualTo("data");
                        assertThat(volume.getPersistentVolumeClaim().getClaimName()).isEqualTo("agent-orchestrator-data");
                    });
            assertThat(container(orchestrator).getVolumeMounts())
                    .anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/data"));
            assertThat(chart.get(PersistentVolumeClaim.class, "agent-orchestrator-data").getSpec().getAccessModes())
                    .containsExactly("ReadWriteOnce");
            assertThat(chart.configMap("orchestrator").getData())
                    .containsEntry("CODEAGENT_DATA_DIR", "/data")
                    .doesNotContainKeys("CODEAGENT_DB_URL", "CODEAGENT_DB_USER");
        }

        @Test
        void servicesFindEachOtherThroughTheSharedUrlVariables() {
            for (String component : RenderedChart.COMPONENTS) {
                assertThat(chart.configMap(component).getData())
                        .containsEntry("CODEAGENT_GATEWAY_URL", "http://agent-gateway:3001")
                        .containsEntry("CODEAGENT_ORCHESTRATOR_URL", "http://agent-orchestrator:7071")
                        .containsEntry("CODEAGENT_ADAPTER_URL", "http://agent-adapter:3002")
                        .containsEntry("CODEAGENT_LLM_PATCH_URL", "http://agent-llm-patch:3003")
                        .containsEntry("CODEAGENT_DASHBOARD_URL", "http://agent-health-monitor:8888")
                        .containsEntry("CODEAGENT_LOG_FORMAT", "json");
                Deployment deployment = chart.deployment(component);
                assertThat(container(deployment).getEnvFrom()).singleElement()
                        .satisfies(source -> assertThat(source.getConfigMapRef().getName()).isEqualTo("agent-" + component));
            }
        }

        @Test
        void healthMonitorWatchesTheReleaseComponentsInItsTargetFormat() {
            String targets = chart.configMap("health-monitor").getData().get("CODEAGENT_MONITOR_TARGETS");
            Map<String, String> byName = Arrays.stream(targets.split(";"))
                    .map(entry -> entry.split("=", 2))
                    .collect(Collectors.toMap(parts -> parts[0], parts -> parts[1]));

            assertThat(byName).containsOnlyKeys("gateway", "orchestrator", "adapter", "llm-patch", "runner", "database");
            assertThat(byName.get("runner")).isEqualTo("http://agent-runner:3004/actuator/health/readiness|optional");
            assertThat(byName.get("gateway")).isEqualTo("http://agent-gateway:3001/actuator/health/readiness|critical");
            assertThat(byName.get("llm-patch")).isEqualTo("http://agent-llm-patch:3003/actuator/health/readiness|critical");
            assertThat(byName.get("database")).endsWith("|optional");
        }

        @Test
        void secretHoldsTheValuesAndPodsReadThemByReference() {
            Secret secret = chart.get(Secret.class, "agent-secrets");
            assertThat(secret.getData()).hasSize(11).doesNotContainKey("dashboard-admin-password");
            assertThat(decode(secret.getData().get("CODEAGENT_DASHBOARD_USERS"))).isEqualTo(Scenario.SECRETS.get("dashboardUsers"));
            assertThat(decode(secret.getData().get("CODEAGENT_INTERNAL_TOKEN"))).isEqualTo(Scenario.SECRETS.get("internalToken"));
            assertThat(decode(secret.getData().get("CODEAGENT_ADO_PAT"))).isEqualTo(Scenario.SECRETS.get("adoPat"));
            assertThat(decode(secret.getData().get("CODEAGENT_BLOB_CONNECTION_STRING")))
                    .isEqualTo(Scenario.SECRETS.get("blobConnectionString"));

            for (String component : RenderedChart.COMPONENTS) {
                EnvVar token = env(container(chart.deployment(component)), "CODEAGENT_INTERNAL_TOKEN");
                assertThat(token.getValueFrom().getSecretKeyRef().getName()).isEqualTo("agent-secrets");
                assertThat(token.getValueFrom().getSecretKeyRef().getOptional()).isNull();
            }
            EnvVar pat = env(container(chart.deployment("adapter")), "CODEAGENT_ADO_PAT");
            assertThat(pat.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("CODEAGENT_ADO_PAT");
            assertThat(pat.getValueFrom().getSecretKeyRef().getOptional()).isTrue();
            assertThat(container(chart.deployment("health-monitor")).getEnv()).extracting(EnvVar::getName)
                    .contains("CODEAGENT_DASHBOARD_USERS", "CODEAGENT_METRICS_TOKEN");
            assertThat(chart.configMap("health-monitor").getData()).containsEntry("CODEAGENT_DASHBOARD_AUTH", "basic");
            assertThat(container(chart.deployment("gateway")).getEnv()).extracting(EnvVar::getName)
                    .as("least privilege: the gateway never sees the PAT or model keys")
                    .doesNotContain("CODEAGENT_ADO_PAT", "CODEAGENT_ANTHROPIC_API_KEY", "CODEAGENT_DB_PASSWORD");
        }

        @Test
        void ingressRoutesTheWebhooksToTheGatewayAndTheDashboardToTheMonitorThroughTraefik() {
            Ingress gateway = chart.get(Ingress.class, "agent-gateway");
            assertThat(gateway.getSpec().getIngressClassName()).isEqualTo("traefik");
            assertThat(gateway.getSpec().getTls()).isNullOrEmpty();
            List<HTTPIngressPath> paths = gateway.getSpec().getRules().get(0).getHttp().getPaths();
            assertThat(paths).extracting(HTTPIngressPath::getPath).containsExactly("/webhook/ado", "/api/comment-events");
            assertThat(paths).allSatisfy(path -> assertThat(path.getBackend().getService().getName()).isEqualTo("agent-gateway"));

            Ingress dashboard = chart.get(Ingress.class, "agent-dashboard");
            assertThat(dashboard.getSpec().getIngressClassName()).isEqualTo("traefik");
            assertThat(dashboard.getSpec().getRules().get(0).getHttp().getPaths()).singleElement()
                    .satisfies(path -> assertThat(path.getBackend().getService().getName()).isEqualTo("agent-health-monitor"));
        }

        @Test
        void optionalComponentsAndPoliciesAreOff() {
            // The release's policies are opt-in; the one fencing in check pods (Kubernetes isolation) never is.
            assertThat(chart.networkPolicies()).extracting(policy -> policy.getMetadata().getName())
                    .containsExactly("agent-runner-checks");
            assertThat(chart.has(Deployment.class, "agent-ollama")).isFalse();
            assertThat(chart.all(StatefulSet.class)).isEmpty();
            assertThat(chart.all(Job.class)).isEmpty();
        }
    }

    @Test
    void internalTokenIsGeneratedWhenNotGiven() {
        RenderedChart chart = ChartRenderer.chart().render();

        String token = decode(chart.get(Secret.class, "agent-secrets").getData().get("CODEAGENT_INTERNAL_TOKEN"));
        assertThat(token).hasSize(40).matches("[A-Za-z0-9]+");
        assertThat(chart.get(Secret.class, "agent-secrets").getData())
                .containsOnlyKeys("CODEAGENT_INTERNAL_TOKEN", "CODEAGENT_DASHBOARD_USERS", "dashboard-admin-password");
    }

    @Test
    void dashboardAdminIsGeneratedWhenNoUsersAreGiven() {
        Map<String, String> data = ChartRenderer.chart().render().get(Secret.class, "agent-secrets").getData();

        assertThat(decode(data.get("dashboard-admin-password"))).hasSize(24).matches("[A-Za-z0-9]+");
        assertThat(decode(data.get("CODEAGENT_DASHBOARD_USERS"))).matches("admin:\\$2a\\$10\\$[./A-Za-z0-9]{53}");
    }

    @Test
    void oidcSignInIsConfiguredWithoutGeneratedUsers() {
        RenderedChart chart = ChartRenderer.chart()
                .set("healthMonitor.auth.mode", "oidc")
                .set("healthMonitor.auth.oidc.issuer", "https://login.microsoftonline.com/tenant-id/v2.0")
                .set("healthMonitor.auth.oidc.clientId", "app-id")
                .set("healthMonitor.auth.oidc.allowedGroup", "group-id")
                .set("secrets.dashboardOidcClientSecret", "client-secret")
                .render();

        assertThat(chart.configMap("health-monitor").getData())
                .containsEntry("CODEAGENT_DASHBOARD_AUTH", "oidc")
                .containsEntry("CODEAGENT_DASHBOARD_OIDC_ISSUER", "https://login.microsoftonline.com/tenant-id/v2.0")
                .containsEntry("CODEAGENT_DASHBOARD_OIDC_CLIENT_ID", "app-id")
                .containsEntry("CODEAGENT_DASHBOARD_OIDC_ALLOWED_GROUP", "group-id")
                .doesNotContainKey("CODEAGENT_DASHBOARD_OIDC_CLIENT_SECRET");
        assertThat(chart.get(Secret.class, "agent-secrets").getData())
                .containsOnlyKeys("CODEAGENT_INTERNAL_TOKEN", "CODEAGENT_DASHBOARD_OIDC_CLIENT_SECRET");
    }

    @Test
    void azureOpenAiSettingsGoToTheConfigMapAndItsKeyToTheSecret() {
        RenderedChart chart = ChartRenderer.chart()
                .set("models.chain[0]", "ollama")
                .set("models.chain[1]", "azure-openai")
                .set("models.azureOpenai.endpoint", "https://contoso.openai.azure.com")
                .set("models.azureOpenai.deployment", "gpt-4o")
                .set("models.providerPolicy", "Payments=ollama;*=ollama,azure-openai")
                .set("models.prices", "gpt-4o=2.50/10,qwen2.5-coder:7b=0/0")
                .set("secrets.azureOpenaiApiKey", "azoai-key-abcdef")
                .render();

        assertThat(chart.configMap("llm-patch").getData())
                .containsEntry("CODEAGENT_LLM_PROVIDERS", "ollama,azure-openai")
                .containsEntry("CODEAGENT_AZURE_OPENAI_ENDPOINT", "https://contoso.openai.azure.com")
                .containsEntry("CODEAGENT_AZURE_OPENAI_DEPLOYMENT", "gpt-4o")
                .containsEntry("CODEAGENT_PROVIDER_POLICY", "Payments=ollama;*=ollama,azure-openai")
                .containsEntry("CODEAGENT_MODEL_PRICES", "gpt-4o=2.50/10,qwen2.5-coder:7b=0/0")
                .doesNotContainKeys("CODEAGENT_AZURE_OPENAI_API_VERSION", "CODEAGENT_AZURE_OPENAI_API_KEY");
        assertThat(decode(chart.get(Secret.class, "agent-secrets").getData().get("CODEAGENT_AZURE_OPENAI_API_KEY")))
                .isEqualTo("azoai-key-abcdef");
        assertThat(env(container(chart.deployment("llm-patch")), "CODEAGENT_AZURE_OPENAI_API_KEY")
                .getValueFrom().getSecretKeyRef().getName()).isEqualTo("agent-secrets");
    }

    @Test
    void autoscalingOffGivesFixedReplicasAndNoHpa() {
        RenderedChart chart = ChartRenderer.chart()
                .set("gateway.autoscaling.enabled", false)
                .set("gateway.replicaCount", 3)
                .set("llmPatch.autoscaling.enabled", false)
                .set("runner.autoscaling.enabled", false)
                .render();

        assertThat(chart.hpas()).isEmpty();
        assertThat(chart.deployment("gateway").getSpec().getReplicas()).isEqualTo(3);
        assertThat(chart.deployment("llm-patch").getSpec().getReplicas()).isEqualTo(2);
    }

    @Test
    void configChecksumFollowsTheConfigAndSecretChecksumFollowsTheSecrets() {
        RenderedChart base = ChartRenderer.chart().set("secrets.internalToken", "token-one-abcdefgh").render();
        RenderedChart otherConfig = ChartRenderer.chart().set("secrets.internalToken", "token-one-abcdefgh")
                .set("gateway.config.CODEAGENT_MAX_VARIANTS", 5).render();
        RenderedChart otherSecret = ChartRenderer.chart().set("secrets.internalToken", "token-two-abcdefgh").render();

        assertThat(annotation(otherConfig, "gateway", "checksum/config")).isNotEqualTo(annotation(base, "gateway", "checksum/config"));
        assertThat(annotation(otherConfig, "adapter", "checksum/config")).isEqualTo(annotation(base, "adapter", "checksum/config"));
        assertThat(annotation(otherConfig, "gateway", "checksum/secret")).isEqualTo(annotation(base, "gateway", "checksum/secret"));
        assertThat(annotation(otherSecret, "adapter", "checksum/secret")).isNotEqualTo(annotation(base, "adapter", "checksum/secret"));
        assertThat(otherConfig.configMap("gateway").getData()).containsEntry("CODEAGENT_MAX_VARIANTS", "5");
    }

    private static String annotation(RenderedChart chart, String component, String key) {
        return chart.deployment(component).getSpec().getTemplate().getMetadata().getAnnotations().get(key);
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ProductionValues {

        private final RenderedChart chart = ChartRenderer.chart().withValuesFile("values-production.yaml").render();

        @Test
        void followsTheHighLoadPlan() {
            HorizontalPodAutoscaler gateway = chart.get(HorizontalPodAutoscaler.class, "agent-gateway");
            HorizontalPodAutoscaler llmPatch = chart.get(HorizontalPodAutoscaler.class, "agent-llm-patch");
            assertThat(gateway.getSpec().getMinReplicas()).isEqualTo(3);
            assertThat(llmPatch.getSpec().getMinReplicas()).isEqualTo(5);
            assertThat(chart.deployment("orchestrator").getSpec().getReplicas()).isEqualTo(2);
            assertThat(chart.deployment("adapter").getSpec().getReplicas()).isEqualTo(2);
            assertThat(chart.deployment("health-monitor").getSpec().getReplicas()).isEqualTo(1);
        }

        @Test
        void orchestratorsShareTheExternalPostgresql() {
            Deployment orchestrator = chart.deployment("orchestrator");
            assertThat(chart.configMap("orchestrator").getData())
                    .containsEntry("CODEAGENT_DB_URL", "jdbc:postgresql://postgresql.database.svc.cluster.local:5432/codeagent?sslmode=require")
                    .containsEntry("CODEAGENT_DB_USER", "codeagent");
            assertThat(env(container(orchestrator), "CODEAGENT_DB_PASSWORD").getValueFrom().getSecretKeyRef().getName())
                    .isEqualTo("code-agent-secrets");
            assertThat(orchestrator.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
            assertThat(chart.all(PersistentVolumeClaim.class)).extracting(p -> p.getMetadata().getName())
                    .doesNotContain("agent-orchestrator-data");
            assertThat(chart.all(StatefulSet.class)).isEmpty();
        }

        @Test
        void onlyCommentsThatMentionTheAgentStartJobs() {
            assertThat(chart.configMap("gateway").getData()).containsEntry("CODEAGENT_REQUIRE_MENTION", "true");
        }

        @Test
        void externalModelFirstWithTheLocalOllamaAsFallback() {
            Map<String, String> config = chart.configMap("llm-patch").getData();
            assertThat(config).containsEntry("CODEAGENT_LLM_PROVIDERS", "anthropic,ollama")
                    .containsEntry("CODEAGENT_OLLAMA_URL", "http://agent-ollama:11434");
            assertThat(chart.has(Deployment.class, "agent-ollama")).isTrue();
            assertThat(env(container(chart.deployment("llm-patch")), "CODEAGENT_ANTHROPIC_API_KEY")
                    .getValueFrom().getSecretKeyRef().getName()).isEqualTo("code-agent-secrets");
        }

        @Test
        void usesTheOperatorsSecretTlsAndNetworkPolicies() {
            assertThat(chart.all(Secret.class)).isEmpty();
            assertThat(chart.get(Ingress.class, "agent-gateway").getSpec().getTls()).singleElement()
                    .satisfies(tls -> assertThat(tls.getHosts()).containsExactly("codeagent.example.com"));
            assertThat(chart.get(Ingress.class, "agent-dashboard").getSpec().getRules().get(0).getHost())
                    .isEqualTo("codeagent-dashboard.example.com");
            assertThat(chart.configMap("gateway").getData())
                    .containsEntry("CODEAGENT_DASHBOARD_URL", "https://codeagent-dashboard.example.com");
            assertThat(chart.networkPolicies()).extracting(p -> p.getMetadata().getName())
                    .contains("agent-default-deny", "agent-gateway", "agent-orchestrator", "agent-adapter",
                            "agent-llm-patch", "agent-health-monitor", "agent-ollama");
            assertThat(chart.get(NetworkPolicy.class, "agent-orchestrator").getSpec().getEgress())
                    .as("egress to the external database")
                    .anySatisfy(rule -> assertThat(rule.getPorts()).anySatisfy(port -> assertThat(port.getPort().getIntVal()).isEqualTo(5432)));
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OllamaOn {

        private final RenderedChart chart = ChartRenderer.chart().set("ollama.enabled", true).render();

        @Test
        void runsOllamaWithItsModelVolumeAndAPullJob() {
            Deployment ollama = chart.get(Deployment.class, "agent-ollama");
            assertThat(container(ollama).getImage()).isEqualTo("docker.io/ollama/ollama:0.12.6");
            assertThat(container(ollama).getResources().getLimits().get("memory").toString()).isEqualTo("4Gi");
            assertThat(ollama.getSpec().getStrategy().getType()).isEqualTo("Recreate");
            assertThat(chart.has(PersistentVolumeClaim.class, "agent-ollama-models")).isTrue();
            assertThat(chart.service("ollama").getSpec().getPorts().get(0).getPort()).isEqualTo(11434);
            Job pull = chart.all(Job.class).get(0);
            assertThat(pull.getMetadata().getName()).startsWith("agent-ollama-pull-");
            assertThat(pull.getSpec().getTemplate().getSpec().getContainers().get(0).getCommand())
                    .last().asString().contains("ollama pull \"$model\"").contains("qwen2.5-coder:7b");
        }

        @Test
        void llmPatchAndTheMonitorUseTheInClusterOllama() {
            assertThat(chart.configMap("llm-patch").getData())
                    .containsEntry("CODEAGENT_OLLAMA_URL", "http://agent-ollama:11434")
                    .containsEntry("CODEAGENT_OLLAMA_MODEL", "qwen2.5-coder:7b")
                    .containsEntry("CODEAGENT_LLM_PROVIDERS", "ollama");
            assertThat(chart.configMap("health-monitor").getData().get("CODEAGENT_MONITOR_TARGETS"))
                    .contains("ollama=http://agent-ollama:11434/api/tags|optional");
        }

        @Test
        void changingTheModelListRunsANewPullJob() {
            RenderedChart other = ChartRenderer.chart().set("ollama.enabled", true)
                    .set("ollama.models[0]", "codellama:7b").render();

            assertThat(other.all(Job.class).get(0).getMetadata().getName())
                    .isNotEqualTo(chart.all(Job.class).get(0).getMetadata().getName());
        }
    }

    @Test
    void inClusterPostgresqlServesSeveralOrchestrators() {
        RenderedChart chart = ChartRenderer.chart()
                .set("postgresql.enabled", true)
                .set("orchestrator.replicaCount", 3)
                .render();

        StatefulSet postgresql = chart.get(StatefulSet.class, "agent-postgresql");
        Container container = postgresql.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(env(container, "POSTGRES_PASSWORD").getValueFrom().getSecretKeyRef().getKey()).isEqualTo("CODEAGENT_DB_PASSWORD");
        assertThat(postgresql.getSpec().getVolumeClaimTemplates()).singleElement()
                .satisfies(claim -> assertThat(claim.getMetadata().getName()).isEqualTo("data"));
        assertThat(chart.configMap("orchestrator").getData())
                .containsEntry("CODEAGENT_DB_URL", "jdbc:postgresql://agent-postgresql:5432/codeagent");
        assertThat(chart.deployment("orchestrator").getSpec().getReplicas()).isEqualTo(3);
        assertThat(decode(chart.get(Secret.class, "agent-secrets").getData().get("CODEAGENT_DB_PASSWORD")))
                .as("a password is generated for the in-cluster database").hasSize(32);
        Service service = chart.get(Service.class, "agent-postgresql");
        assertThat(service.getSpec().getPorts().get(0).getPort()).isEqualTo(5432);
    }

    @Test
    void existingSecretIsReferencedAndNoSecretValueIsRenderedAnywhere() {
        RenderedChart chart = withTestSecrets(ChartRenderer.chart()
                .set("secrets.existingSecret", "my-codeagent-secrets")
                .set("postgresql.enabled", true));

        assertThat(chart.all(Secret.class)).isEmpty();
        for (String secret : Scenario.SECRETS.values()) {
            assertThat(chart.yaml()).doesNotContain(secret);
        }
        chart.podTemplates().values().stream()
                .flatMap(template -> template.getSpec().getContainers().stream())
                .flatMap(c -> c.getEnv().stream())
                .filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                .forEach(e -> assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("my-codeagent-secrets"));
        assertThat(chart.all(ConfigMap.class)).hasSize(6);
    }
}
