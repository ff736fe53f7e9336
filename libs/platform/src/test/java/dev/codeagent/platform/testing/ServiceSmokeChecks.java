package dev.codeagent.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The checks every service passes, run by each service's smoke test against the running application:
 * liveness and readiness probes, Prometheus metrics, build and git info, correlation id echo.
 */
public final class ServiceSmokeChecks {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public ServiceSmokeChecks(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    public void assertActuatorEndpoints() throws Exception {
        HttpResponse<String> liveness = get("/actuator/health/liveness", null);
        assertThat(liveness.statusCode()).as(liveness.body()).isEqualTo(200);
        assertThat(liveness.body()).contains("\"status\":\"UP\"");

        HttpResponse<String> readiness = get("/actuator/health/readiness", null);
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"").contains("readinessState");

        HttpResponse<String> prometheus = get("/actuator/prometheus", null);
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes").contains("application=");

        HttpResponse<String> info = get("/actuator/info", null);
        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(info.body()).contains("\"build\"").contains("\"version\"").contains("\"git\"")
                .contains("\"commit\"");
    }

    public void assertCorrelationIdEchoed() throws Exception {
        HttpResponse<String> response = get("/actuator/health/liveness", "abc");
        assertThat(response.headers().firstValue("x-corr-id")).contains("abc");
        HttpResponse<String> generated = get("/actuator/health/liveness", null);
        assertThat(generated.headers().firstValue("x-corr-id")).isPresent();
    }

    /** An internal path must refuse a call without the service token. */
    public void assertInternalPathProtected(String path) throws Exception {
        HttpResponse<String> response = get(path, null);
        assertThat(response.statusCode()).as("%s without token", path).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    public HttpResponse<String> get(String path, String corrId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10));
        if (corrId != null) {
            request.header("x-corr-id", corrId);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
