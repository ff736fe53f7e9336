package dev.codeagent.deployment.helm;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;

/** The manifests of one render, parsed with the fabric8 Kubernetes model. */
record RenderedChart(String yaml, List<HasMetadata> resources) {

    static final List<String> COMPONENTS = List.of("gateway", "orchestrator", "adapter", "llm-patch", "health-monitor");

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");

    static RenderedChart parse(String yaml) {
        List<HasMetadata> resources = new ArrayList<>();
        for (String document : DOCUMENT_SEPARATOR.split(yaml)) {
            if (document.lines().allMatch(line -> line.isBlank() || line.startsWith("#"))) {
                continue;
            }
            HasMetadata resource = SERIALIZATION.unmarshal(document, HasMetadata.class);
            resources.add(resource);
        }
        return new RenderedChart(yaml, List.copyOf(resources));
    }

    <T extends HasMetadata> List<T> all(Class<T> kind) {
        return resources.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    <T extends HasMetadata> T get(Class<T> kind, String name) {
        return all(kind).stream()
                .filter(resource -> resource.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException(kind.getSimpleName() + " " + name + " not rendered"));
    }

    boolean has(Class<? extends HasMetadata> kind, String name) {
        return all(kind).stream().anyMatch(resource -> resource.getMetadata().getName().equals(name));
    }

    List<Deployment> deployments() {
        return all(Deployment.class);
    }

    Deployment deployment(String component) {
        return get(Deployment.class, "agent-" + component);
    }

    ConfigMap configMap(String component) {
        return get(ConfigMap.class, "agent-" + component);
    }

    Service service(String component) {
        return get(Service.class, "agent-" + component);
    }

    List<HorizontalPodAutoscaler> hpas() {
        return all(HorizontalPodAutoscaler.class);
    }

    List<NetworkPolicy> networkPolicies() {
        return all(NetworkPolicy.class);
    }

    /** Pod templates of every workload (Deployments, StatefulSets, Jobs), keyed by "Kind/name". */
    Map<String, PodTemplateSpec> podTemplates() {
        Map<String, PodTemplateSpec> templates = new java.util.LinkedHashMap<>();
        all(Deployment.class).forEach(d -> templates.put("Deployment/" + d.getMetadata().getName(), d.getSpec().getTemplate()));
        all(StatefulSet.class).forEach(s -> templates.put("StatefulSet/" + s.getMetadata().getName(), s.getSpec().getTemplate()));
        all(Job.class).forEach(j -> templates.put("Job/" + j.getMetadata().getName(), j.getSpec().getTemplate()));
        return templates;
    }
}
