package dev.codeagent.runner.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.codeagent.runner.config.RunnerProperties;
import dev.codeagent.runner.config.RunnerProperties.Kubernetes.Placement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The placement settings are checked when Kubernetes isolation starts, and every error names its variable. */
class PodPlacementTest {

    static RunnerProperties.Kubernetes kubernetes(String jobLabels, Placement placement) {
        return new RunnerProperties.Kubernetes("checks", "busybox:1.37", 3005, null, Duration.ofMinutes(5),
                Duration.ofMinutes(10), jobLabels, DataSize.ofGigabytes(10), placement,
                RunnerProperties.Kubernetes.Cache.NONE);
    }

    static PodPlacement parse(Placement placement) {
        return PodPlacement.of(kubernetes("", placement));
    }

    static Placement nodeSelector(String value) {
        return new Placement(value, "", "", "", "", "");
    }

    static Placement tolerations(String value) {
        return new Placement("", value, "", "", "", "");
    }

    @Test
    void nothingSetLeavesTheNamespacesDefaults() {
        PodPlacement placement = parse(Placement.DEFAULT);
        assertThat(placement.nodeSelector()).isEmpty();
        assertThat(placement.tolerations()).isEmpty();
        assertThat(placement.runtimeClass()).isNull();
        assertThat(placement.priorityClass()).isNull();
        assertThat(placement.imagePullSecrets()).isEmpty();
        assertThat(placement.annotations()).isEmpty();
    }

    @Test
    void tolerationsAreWrittenAsKubectlWritesTaints() {
        assertThat(parse(tolerations("dedicated=checks:NoSchedule, spot:NoExecute ,gpu")).tolerations())
                .extracting(t -> t.getKey(), t -> t.getOperator(), t -> t.getValue(), t -> t.getEffect())
                .containsExactly(tuple("dedicated", "Equal", "checks", "NoSchedule"),
                        tuple("spot", "Exists", null, "NoExecute"),
                        tuple("gpu", "Exists", null, null));
    }

    @Test
    void badSyntaxIsRefusedWithTheVariableAndTheOffendingPart() {
        assertThatThrownBy(() -> parse(nodeSelector("pool")))
                .hasMessage("CODEAGENT_RUNNER_K8S_NODE_SELECTOR: \"pool\" is not key=value");
        assertThatThrownBy(() -> parse(nodeSelector("pool=checks,,arch=amd64")))
                .hasMessageStartingWith("CODEAGENT_RUNNER_K8S_NODE_SELECTOR: empty entry");
        assertThatThrownBy(() -> parse(nodeSelector("pool=build checks")))
                .hasMessageStartingWith("CODEAGENT_RUNNER_K8S_NODE_SELECTOR: the value \"build checks\" of pool");
        assertThatThrownBy(() -> parse(nodeSelector("Example.COM/pool=a")))
                .hasMessageContaining("CODEAGENT_RUNNER_K8S_NODE_SELECTOR: key \"Example.COM/pool\" has a prefix");
        assertThatThrownBy(() -> parse(nodeSelector("pool=a,pool=b")))
                .hasMessage("CODEAGENT_RUNNER_K8S_NODE_SELECTOR: key pool is given twice");
        assertThatThrownBy(() -> parse(nodeSelector("-pool=a")))
                .hasMessageStartingWith("CODEAGENT_RUNNER_K8S_NODE_SELECTOR: key \"-pool\" is not a valid name");
        assertThatThrownBy(() -> parse(tolerations("dedicated=checks:NoSchedul")))
                .hasMessageContaining("CODEAGENT_RUNNER_K8S_TOLERATIONS: \"dedicated=checks:NoSchedul\" has effect"
                        + " \"NoSchedul\"");
        assertThatThrownBy(() -> parse(tolerations("=checks:NoSchedule")))
                .hasMessageStartingWith("CODEAGENT_RUNNER_K8S_TOLERATIONS: key \"\"");
        assertThatThrownBy(() -> parse(new Placement("", "", "gVisor", "", "", "")))
                .hasMessageStartingWith("CODEAGENT_RUNNER_K8S_RUNTIME_CLASS: \"gVisor\" is not a valid object name");
        assertThatThrownBy(() -> parse(new Placement("", "", "", "pull,Pull_2", "", "")))
                .hasMessageStartingWith("CODEAGENT_RUNNER_K8S_IMAGE_PULL_SECRETS: \"Pull_2\"");
        assertThatThrownBy(() -> parse(new Placement("", "", "", "", "high priority", "")))
                .hasMessageStartingWith("CODEAGENT_RUNNER_K8S_PRIORITY_CLASS: \"high priority\"");
        assertThatThrownBy(() -> parse(new Placement("", "", "", "", "", "note")))
                .hasMessage("CODEAGENT_RUNNER_K8S_POD_ANNOTATIONS: \"note\" is not key=value");
    }

    @Test
    void annotationValuesAreFreeTextButLabelValuesAreNot() {
        assertThat(parse(new Placement("", "", "", "", "", "example.com/note=built by: code agent")).annotations())
                .containsEntry("example.com/note", "built by: code agent");
    }

    @Test
    void theRunnersOwnLabelsCannotBeReplaced() {
        assertThatThrownBy(() -> PodPlacement.of(kubernetes("app.kubernetes.io/component=web", Placement.DEFAULT)))
                .hasMessageContaining("CODEAGENT_RUNNER_JOB_LABELS: label app.kubernetes.io/component is set by the"
                        + " runner");
        assertThat(PodPlacement.of(kubernetes("app.kubernetes.io/instance=prod,team=payments", Placement.DEFAULT))
                .labels()).containsEntry("team", "payments");
    }
}
