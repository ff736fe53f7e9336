package dev.codeagent.orchestrator.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Says at start-up, and in {@code /actuator/info} under {@code pipelineChecks}, when the job's deadline
 * ({@code CODEAGENT_JOB_TIMEOUT}) comes before a pipeline run could reach its own timeout
 * ({@code CODEAGENT_ADO_CHECK_TIMEOUT}): the job would then be stopped while its runs still build, and a run that takes
 * long ends as "timed out" because of the job, not of the run. Runs are queued only after a variant's change is
 * written, so the job needs the runs' timeout plus the time to write a variant ({@code CODEAGENT_VARIANT_TIMEOUT}).
 * A warning when every repository runs pipelines ({@code CODEAGENT_ADO_CHECK_PIPELINES}); otherwise only
 * repositories that name pipelines in {@code .codeagent.yml} are concerned, and it is logged as information.
 */
@Component
public class PipelineTimeouts implements InfoContributor, ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(PipelineTimeouts.class);

    private final PipelineCheckProperties pipelines;
    private final WorkflowProperties workflow;

    public PipelineTimeouts(PipelineCheckProperties pipelines, WorkflowProperties workflow) {
        this.pipelines = pipelines;
        this.workflow = workflow;
    }

    /** What to change when the job's deadline cuts pipeline runs short; empty when it does not. */
    public Optional<String> warning() {
        if (workflow.jobTimeout().compareTo(pipelines.timeout()) > 0) {
            return Optional.empty();
        }
        Duration enough = pipelines.timeout().plus(workflow.variantTimeout());
        return Optional.of("CODEAGENT_JOB_TIMEOUT (" + minutes(workflow.jobTimeout()) + ") is not longer than "
                + "CODEAGENT_ADO_CHECK_TIMEOUT (" + minutes(pipelines.timeout()) + "): a job is stopped before its "
                + "Azure DevOps pipeline runs could time out, and runs still building then end as timed out and are "
                + "cancelled. Raise CODEAGENT_JOB_TIMEOUT to at least " + minutes(enough)
                + " (CODEAGENT_ADO_CHECK_TIMEOUT + CODEAGENT_VARIANT_TIMEOUT), or lower CODEAGENT_ADO_CHECK_TIMEOUT "
                + "(docs/checks.md#azure-devops-pipelines)");
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        warning().ifPresent(warning -> {
            if (pipelines.pipelines().isEmpty()) {
                log.info("For repositories that name pipelines in .codeagent.yml: {}", warning);
            } else {
                log.warn("{}", warning);
            }
        });
    }

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("everyRepository", pipelines.pipelines().size());
        details.put("timeout", pipelines.timeout().toString());
        details.put("pollInterval", pipelines.pollInterval().toString());
        details.put("jobTimeout", workflow.jobTimeout().toString());
        warning().ifPresent(warning -> details.put("warning", warning));
        builder.withDetail("pipelineChecks", details);
    }

    private static String minutes(Duration d) {
        return d.toSeconds() % 60 == 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }
}
