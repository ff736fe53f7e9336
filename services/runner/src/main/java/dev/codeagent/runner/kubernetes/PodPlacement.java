package dev.codeagent.runner.kubernetes;

import dev.codeagent.runner.config.RunnerProperties;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Kubernetes settings of check pods that the API server would otherwise refuse only at the first check, parsed
 * and checked when Kubernetes isolation starts: a typo in a node selector must stop the runner with the variable's
 * name, not turn every check into an {@code error} later.
 *
 * @param labels            extra labels on Jobs and pods ({@code CODEAGENT_RUNNER_JOB_LABELS})
 * @param nodeSelector      the pod's {@code nodeSelector}
 * @param tolerations       the pod's tolerations
 * @param runtimeClass      its {@code runtimeClassName}, or null
 * @param imagePullSecrets  its {@code imagePullSecrets}
 * @param priorityClass     its {@code priorityClassName}, or null
 * @param annotations       extra annotations on the pod
 */
record PodPlacement(Map<String, String> labels, Map<String, String> nodeSelector, List<Toleration> tolerations,
        String runtimeClass, List<LocalObjectReference> imagePullSecrets, String priorityClass,
        Map<String, String> annotations) {

    /** The runner's own labels: the chart's NetworkPolicies select check pods by them, so nobody may replace them. */
    static final Set<String> RESERVED_LABELS = Set.of(CheckJobs.COMPONENT_LABEL, CheckJobs.MANAGED_BY_LABEL,
            CheckJobs.NETWORK_LABEL, CacheClaims.CACHE_LABEL, "job-name", "controller-uid",
            "batch.kubernetes.io/job-name", "batch.kubernetes.io/controller-uid");
    private static final Set<String> EFFECTS = Set.of("NoSchedule", "PreferNoSchedule", "NoExecute");
    private static final Pattern NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile(
            "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final int MAX_ANNOTATIONS_BYTES = 256 * 1024;

    PodPlacement {
        labels = Map.copyOf(labels);
        nodeSelector = Map.copyOf(nodeSelector);
        tolerations = List.copyOf(tolerations);
        imagePullSecrets = List.copyOf(imagePullSecrets);
        annotations = Map.copyOf(annotations);
    }

    /** Parses the settings; an {@link IllegalArgumentException} names the variable and what is wrong with it. */
    static PodPlacement of(RunnerProperties.Kubernetes kubernetes) {
        RunnerProperties.Kubernetes.Placement placement = kubernetes.placement();
        Map<String, String> labels = pairs("CODEAGENT_RUNNER_JOB_LABELS", kubernetes.jobLabels(), true);
        labels.keySet().stream().filter(RESERVED_LABELS::contains).findFirst().ifPresent(key -> {
            throw new IllegalArgumentException("CODEAGENT_RUNNER_JOB_LABELS: label " + key + " is set by the runner"
                    + " itself (the NetworkPolicies select check pods by it) and may not be given");
        });
        Map<String, String> annotations = pairs("CODEAGENT_RUNNER_K8S_POD_ANNOTATIONS", placement.podAnnotations(),
                false);
        if (placement.podAnnotations().getBytes(StandardCharsets.UTF_8).length > MAX_ANNOTATIONS_BYTES) {
            throw new IllegalArgumentException("CODEAGENT_RUNNER_K8S_POD_ANNOTATIONS: more than 256 KiB of"
                    + " annotations");
        }
        List<LocalObjectReference> secrets = new ArrayList<>();
        for (String secret : list("CODEAGENT_RUNNER_K8S_IMAGE_PULL_SECRETS", placement.imagePullSecrets())) {
            secrets.add(new LocalObjectReference(dnsSubdomain("CODEAGENT_RUNNER_K8S_IMAGE_PULL_SECRETS", secret)));
        }
        return new PodPlacement(labels,
                pairs("CODEAGENT_RUNNER_K8S_NODE_SELECTOR", placement.nodeSelector(), true),
                tolerations(placement.tolerations()),
                optionalDnsSubdomain("CODEAGENT_RUNNER_K8S_RUNTIME_CLASS", placement.runtimeClass()),
                secrets,
                optionalDnsSubdomain("CODEAGENT_RUNNER_K8S_PRIORITY_CLASS", placement.priorityClass()),
                annotations);
    }

    /**
     * {@code key=value,key=value}; keys are qualified names ({@code prefix/name}), values label values when
     * {@code labelValues}, else any text without a comma (annotations).
     */
    static Map<String, String> pairs(String variable, String text, boolean labelValues) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String pair : list(variable, text)) {
            int equals = pair.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException(variable + ": \"" + pair + "\" is not key=value");
            }
            String key = qualifiedName(variable, pair.substring(0, equals).trim());
            String value = pair.substring(equals + 1).trim();
            if (labelValues) {
                labelValue(variable, key, value);
            }
            if (pairs.put(key, value) != null) {
                throw new IllegalArgumentException(variable + ": key " + key + " is given twice");
            }
        }
        return pairs;
    }

    /**
     * {@code key[=value][:effect]}, comma-separated, as {@code kubectl taint} writes taints: with a value the
     * toleration matches it ({@code Equal}), without one any value ({@code Exists}); without an effect every effect.
     */
    static List<Toleration> tolerations(String text) {
        String variable = "CODEAGENT_RUNNER_K8S_TOLERATIONS";
        List<Toleration> tolerations = new ArrayList<>();
        for (String item : list(variable, text)) {
            String rest = item;
            String effect = null;
            int colon = rest.lastIndexOf(':');
            if (colon >= 0) {
                effect = rest.substring(colon + 1).trim();
                rest = rest.substring(0, colon).trim();
                if (!EFFECTS.contains(effect)) {
                    throw new IllegalArgumentException(variable + ": \"" + item + "\" has effect \"" + effect
                            + "\" (known: NoExecute, NoSchedule, PreferNoSchedule)");
                }
            }
            int equals = rest.indexOf('=');
            String key = qualifiedName(variable, (equals < 0 ? rest : rest.substring(0, equals)).trim());
            TolerationBuilder toleration = new TolerationBuilder().withKey(key).withEffect(effect);
            if (equals < 0) {
                toleration.withOperator("Exists");
            } else {
                String value = rest.substring(equals + 1).trim();
                labelValue(variable, key, value);
                toleration.withOperator("Equal").withValue(value);
            }
            tolerations.add(toleration.build());
        }
        return tolerations;
    }

    /** A label or annotation key: an optional DNS subdomain prefix and {@code /}, then a name of at most 63. */
    static String qualifiedName(String variable, String key) {
        int slash = key.indexOf('/');
        String name = slash < 0 ? key : key.substring(slash + 1);
        if (slash >= 0) {
            String prefix = key.substring(0, slash);
            if (prefix.length() > 253 || !DNS_SUBDOMAIN.matcher(prefix).matches()) {
                throw new IllegalArgumentException(variable + ": key \"" + key + "\" has a prefix that is not a"
                        + " lower-case DNS subdomain");
            }
        }
        if (name.isEmpty() || name.length() > 63 || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(variable + ": key \"" + key + "\" is not a valid name (at most 63"
                    + " characters: letters, digits, '-', '_', '.', beginning and ending with a letter or digit)");
        }
        return key;
    }

    private static void labelValue(String variable, String key, String value) {
        if (value.length() > 63 || !(value.isEmpty() || NAME.matcher(value).matches())) {
            throw new IllegalArgumentException(variable + ": the value \"" + value + "\" of " + key + " is not a"
                    + " valid label value (at most 63 characters: letters, digits, '-', '_', '.', beginning and"
                    + " ending with a letter or digit)");
        }
    }

    /** Names of Secrets, classes and claims. */
    static String dnsSubdomain(String variable, String name) {
        if (name.length() > 253 || !DNS_SUBDOMAIN.matcher(name).matches()) {
            throw new IllegalArgumentException(variable + ": \"" + name + "\" is not a valid object name (lower-case"
                    + " letters, digits, '-' and '.', beginning and ending with a letter or digit)");
        }
        return name;
    }

    private static String optionalDnsSubdomain(String variable, String name) {
        return name.isEmpty() ? null : dnsSubdomain(variable, name);
    }

    private static List<String> list(String variable, String text) {
        List<String> items = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return items;
        }
        for (String item : text.split(",", -1)) {
            if (item.isBlank()) {
                throw new IllegalArgumentException(variable + ": empty entry in \"" + text + "\"");
            }
            items.add(item.trim());
        }
        return items;
    }
}
