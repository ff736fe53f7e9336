package dev.codeagent.deployment.helm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A named way to install the chart; every invariant must hold for each of them. */
record Scenario(String name, UnaryOperator<ChartRenderer> values) {

    /**
     * Distinctive secret values, set in every scenario, so a test can prove none of them reaches a ConfigMap
     * (or, with existingSecret, any manifest at all).
     */
    static final Map<String, String> SECRETS;

    static {
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("internalToken", "itok-5f0c1d9e8a7b6c5d4e3f2a1b");
        secrets.put("webhookSecret", "whsec-Zq81xKp3vN7m");
        secrets.put("webhookPassword", "whpass-Lr42TyUu09aa");
        secrets.put("adoPat", "adopat-q8w7e6r5t4y3u2i1o0p9");
        secrets.put("anthropicApiKey", "sk-ant-api03-TESTONLY-Hh7Gg6Ff5");
        secrets.put("openaiApiKey", "sk-proj-TESTONLY-Jj9Kk8Ll7");
        secrets.put("azureOpenaiApiKey", "azoai-TESTONLY-Pp5Oo4Ii3Uu2");
        secrets.put("dbPassword", "dbpw-Mm3Nn2Bb1Vv0");
        secrets.put("dashboardUsers", "ops:$2y$05$abcdefghijklmnopqrstuu/ETYr/khvH.poOJBsjjZk.DM9FaNihe");
        secrets.put("metricsToken", "metrics-Qq7Ww6Ee5Rr4Tt3Y");
        secrets.put("blobConnectionString", "DefaultEndpointsProtocol=https;AccountName=caacct;AccountKey=QUJDREVGR0hJSktMTU5PUA==");
        SECRETS = Map.copyOf(secrets);
    }

    static List<Scenario> all() {
        return List.of(
                new Scenario("defaults", r -> r),
                new Scenario("production values", r -> r.withValuesFile("values-production.yaml")),
                new Scenario("autoscaling off", r -> r
                        .set("gateway.autoscaling.enabled", false)
                        .set("llmPatch.autoscaling.enabled", false)),
                new Scenario("ollama on", r -> r.set("ollama.enabled", true)),
                new Scenario("network policies on", r -> r.set("networkPolicy.enabled", true)
                        .set("networkPolicy.kubernetesApi.cidr", "10.96.0.1/32")),
                new Scenario("self-contained (postgresql + ollama + network policies)", r -> r
                        .set("postgresql.enabled", true)
                        .set("ollama.enabled", true)
                        .set("orchestrator.replicaCount", 2)
                        .set("networkPolicy.enabled", true)
                        .set("networkPolicy.kubernetesApi.cidr", "10.96.0.1/32")),
                new Scenario("existingSecret", r -> r.set("secrets.existingSecret", "my-codeagent-secrets")));
    }

    RenderedChart render() {
        ChartRenderer renderer = ChartRenderer.chart();
        for (Map.Entry<String, String> secret : SECRETS.entrySet()) {
            renderer = renderer.set("secrets." + secret.getKey(), secret.getValue());
        }
        return values.apply(renderer).render();
    }

    @Override
    public String toString() {
        return name;
    }
}
