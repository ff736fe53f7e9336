package dev.codeagent.orchestrator.config;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Azure DevOps pipeline runs as checks of variants.
 *
 * @param pipelines    pipelines (names or ids) to run on every variant of every repository, besides those that
 *                     {@code pipelines:} of the repository's {@code .codeagent.yml} names
 * @param timeout      how long a run may take from being queued; one still running then counts as timed out
 * @param pollInterval how often a running run is looked at again (by the scheduler: no thread waits meanwhile)
 */
@Validated
@ConfigurationProperties("codeagent.ado-checks")
public record PipelineCheckProperties(
        @NotNull @Size(max = 10) List<String> pipelines,
        @NotNull Duration timeout,
        @NotNull Duration pollInterval) {

    public PipelineCheckProperties {
        List<String> names = new ArrayList<>();
        for (String pipeline : pipelines == null ? List.<String>of() : pipelines) {
            String name = pipeline == null ? "" : pipeline.strip();
            if (!name.isEmpty() && names.stream().noneMatch(name::equalsIgnoreCase)) {
                names.add(name);
            }
        }
        pipelines = List.copyOf(names);
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("CODEAGENT_ADO_CHECK_TIMEOUT must be positive");
        }
        if (pollInterval != null && pollInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("CODEAGENT_ADO_CHECK_POLL_INTERVAL must be at least 1s");
        }
    }
}
