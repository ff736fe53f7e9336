package dev.codeagent.deployment.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

/** Mistakes the chart refuses to render, with a message that says how to fix them. */
class ChartSafeguardsTest {

    @Test
    void schemaRejectsAMistypedTopLevelKey() {
        assertThatThrownBy(() -> ChartRenderer.chart().set("gatewy.replicaCount", 3).render())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("schema")
                .hasMessageContaining("gatewy");
    }

    @Test
    void schemaRejectsAMistypedNestedKey() {
        assertThatThrownBy(() -> ChartRenderer.chart().set("gateway.autoscaling.targetCPU", 80).render())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("targetCPU");
        assertThatThrownBy(() -> ChartRenderer.chart().set("ingress.tls.secret", "x").render())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("secret");
    }

    @Test
    void schemaRejectsValuesOfTheWrongShape() {
        assertThatThrownBy(() -> ChartRenderer.chart().set("config.logFormat", "xml").render())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("logFormat");
        assertThatThrownBy(() -> ChartRenderer.chart().set("gateway.config.LOG_LEVEL", "debug").render())
                .as("only CODEAGENT_* variables belong in a service's config")
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ChartRenderer.chart().set("database.url", "postgres://db/codeagent").render())
                .as("a JDBC URL is expected")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void severalOrchestratorsWithoutPostgresqlAreRefused() {
        assertThatThrownBy(() -> ChartRenderer.chart().set("orchestrator.replicaCount", 2).render())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("orchestrator.replicaCount=2 needs PostgreSQL")
                .hasMessageContaining("database.url");
        assertThatThrownBy(() -> ChartRenderer.chart().set("orchestrator.autoscaling.enabled", true).render())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs PostgreSQL");
    }

    @Test
    void severalOrchestratorsWithPostgresqlRender() {
        RenderedChart chart = ChartRenderer.chart()
                .set("orchestrator.replicaCount", 2)
                .set("database.url", "jdbc:postgresql://db.example.com:5432/codeagent")
                .render();

        assertThat(chart.deployment("orchestrator").getSpec().getReplicas()).isEqualTo(2);
    }

    @Test
    void externalAndInClusterDatabaseAreExclusive() {
        assertThatThrownBy(() -> ChartRenderer.chart()
                .set("database.url", "jdbc:postgresql://db.example.com:5432/codeagent")
                .set("postgresql.enabled", true)
                .render())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exclusive");
    }

    @Test
    void tlsWithoutACertificateSecretIsRefused() {
        assertThatThrownBy(() -> ChartRenderer.chart().set("ingress.tls.enabled", true).render())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ingress.tls.secretName");
    }

    @Test
    void oidcSignInWithoutItsSettingsIsRefused() {
        assertThatThrownBy(() -> ChartRenderer.chart().set("healthMonitor.auth.mode", "oidc").render())
                .hasMessageContaining("healthMonitor.auth.mode=oidc needs healthMonitor.auth.oidc.issuer");
        assertThatThrownBy(() -> ChartRenderer.chart().set("healthMonitor.auth.mode", "oidc")
                .set("healthMonitor.auth.oidc.issuer", "https://login.microsoftonline.com/t/v2.0")
                .set("healthMonitor.auth.oidc.clientId", "app").set("healthMonitor.auth.oidc.allowedGroup", "g")
                .render())
                .hasMessageContaining("needs secrets.dashboardOidcClientSecret");
        assertThatThrownBy(() -> ChartRenderer.chart().set("healthMonitor.auth.mode", "ldap").render())
                .hasMessageContaining("mode");
    }

    @Test
    void aSecretVariableInAConfigMapIsRefused() {
        assertThatThrownBy(() -> ChartRenderer.chart().set("adapter.config.CODEAGENT_ADO_PAT", "pat").render())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("adapter.config.CODEAGENT_ADO_PAT is a secret");
        assertThatThrownBy(() -> ChartRenderer.chart().set("config.extraEnv.CODEAGENT_INTERNAL_TOKEN", "t").render())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is a secret");
    }

    @Test
    void unknownFieldsDetectorFindsAMisspeltKey() {
        String deployment = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: agent-gateway
                spec:
                  template:
                    spec:
                      containers:
                        - name: gateway
                          readinesProbe:
                            httpGet:
                              path: /actuator/health/readiness
                """;
        HasMetadata resource = new KubernetesSerialization().unmarshal(deployment, HasMetadata.class);

        assertThat(UnknownFields.in(resource)).containsExactly("spec.template.spec.containers[0].readinesProbe");
    }
}
