package dev.codeagent.deployment.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Renders the chart in helm/ offline through helm-java's embedded Helm library, the same engine as
 * `helm template`. A fixed release name, namespace and Kubernetes version keep results reproducible.
 */
final class ChartRenderer {

    static final String RELEASE = "ca";
    static final String NAMESPACE = "code-agent";
    /** The chart requires a recent Kubernetes (preStop sleep action); helm-java defaults to v1.20. */
    static final String KUBE_VERSION = "v1.33.0";

    private final Path chart;
    private final Path valuesFile;
    private final Map<String, Object> sets;

    private ChartRenderer(Path chart, Path valuesFile, Map<String, Object> sets) {
        this.chart = chart;
        this.valuesFile = valuesFile;
        this.sets = sets;
    }

    static ChartRenderer chart() {
        return new ChartRenderer(chartDirectory(), null, new LinkedHashMap<>());
    }

    /** The chart directory, found from the module directory Maven runs the tests in. */
    static Path chartDirectory() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("helm");
            if (Files.isRegularFile(candidate.resolve("Chart.yaml"))) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("No helm/Chart.yaml above " + Path.of("").toAbsolutePath());
    }

    ChartRenderer withValuesFile(String fileInChart) {
        return new ChartRenderer(chart, chart.resolve(fileInChart), sets);
    }

    ChartRenderer set(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(sets);
        copy.put(key, value);
        return new ChartRenderer(chart, valuesFile, copy);
    }

    ChartRenderer set(Map<String, ?> values) {
        Map<String, Object> copy = new LinkedHashMap<>(sets);
        copy.putAll(values);
        return new ChartRenderer(chart, valuesFile, copy);
    }

    /** Renders; Helm's error (schema violation, fail in a template) surfaces as IllegalStateException. */
    RenderedChart render() {
        TemplateCommand command = new Helm(chart).template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        Optional.ofNullable(valuesFile).ifPresent(command::withValuesFile);
        for (Map.Entry<String, Object> entry : sets.entrySet()) {
            command.set(entry.getKey(), entry.getValue());
        }
        return RenderedChart.parse(command.call());
    }
}
