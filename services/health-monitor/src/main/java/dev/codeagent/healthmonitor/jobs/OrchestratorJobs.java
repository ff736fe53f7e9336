package dev.codeagent.healthmonitor.jobs;

import dev.codeagent.contracts.ProblemTypes;
import dev.codeagent.contracts.job.JobPage;
import dev.codeagent.contracts.job.JobView;
import dev.codeagent.healthmonitor.config.MonitorProperties;
import dev.codeagent.platform.http.ServiceHttpClients;
import dev.codeagent.platform.web.ApiProblemException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Reads jobs from the orchestrator's status API on behalf of the dashboard, so the browser never holds the
 * internal token. Failures become problems the dashboard can show: 404 for an unknown job, 503 when the
 * orchestrator cannot be reached, 502 when it answers with an error.
 */
@Component
public class OrchestratorJobs {

    private final RestClient client;

    public OrchestratorJobs(ServiceHttpClients clients, MonitorProperties properties) {
        this.client = clients.forService(properties.orchestratorUrl(), properties.jobsTimeout());
    }

    public JobPage recent(int top) {
        return call(() -> client.get().uri("/api/orchestrators?top={top}", top).retrieve().body(JobPage.class),
                null);
    }

    public JobView job(String id) {
        return call(() -> client.get().uri("/api/orchestrators/{id}", id).retrieve().body(JobView.class),
                new ApiProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Job not found",
                        "The orchestrator knows no job '" + id + "'."));
    }

    /** The full log of a variant's round of checks, as the orchestrator keeps it. */
    public String checkLog(String id, int k, int round) {
        return call(() -> client.get().uri("/api/orchestrators/{id}/variants/{k}/checks/{round}/log", id, k, round)
                        .accept(MediaType.TEXT_PLAIN).retrieve().body(String.class),
                new ApiProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Log not found",
                        "The orchestrator has no log of round " + round + " of variant " + k + " of job '" + id + "'."));
    }

    /** {@code notFound}: what a 404 of the orchestrator means here; null when it is an error like any other. */
    private <T> T call(Supplier<T> request, ApiProblemException notFound) {
        try {
            T body = request.get();
            if (body == null) {
                throw unavailable(HttpStatus.BAD_GATEWAY, "The orchestrator answered without a body.");
            }
            return body;
        } catch (HttpStatusCodeException e) {
            if (notFound != null && e.getStatusCode().value() == 404) {
                throw notFound;
            }
            throw unavailable(HttpStatus.BAD_GATEWAY,
                    "The orchestrator answered HTTP " + e.getStatusCode().value() + ".");
        } catch (ResourceAccessException e) {
            throw unavailable(HttpStatus.SERVICE_UNAVAILABLE, "The orchestrator cannot be reached right now.");
        } catch (RestClientException e) {
            throw unavailable(HttpStatus.BAD_GATEWAY, "The orchestrator's answer could not be read.");
        }
    }

    private static ApiProblemException unavailable(HttpStatus status, String detail) {
        return new ApiProblemException(status, ProblemTypes.UNAVAILABLE, "Orchestrator unavailable", detail,
                Duration.ofSeconds(5), Map.of(), null);
    }
}
