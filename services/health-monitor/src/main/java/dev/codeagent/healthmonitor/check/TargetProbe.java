package dev.codeagent.healthmonitor.check;

import dev.codeagent.healthmonitor.config.MonitorProperties;
import dev.codeagent.healthmonitor.config.Target;
import dev.codeagent.healthmonitor.status.CheckResult;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.springframework.stereotype.Component;

/**
 * Checks one target with a plain GET. Targets are health endpoints that need no credentials, so no
 * internal token is sent: it must not leak to third-party components such as Traefik or ngrok.
 */
@Component
public class TargetProbe {

    private final HttpClient client;
    private final Clock clock;

    public TargetProbe(MonitorProperties properties, Clock clock) {
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** Starts a check; the future always completes normally, within the target's timeout plus a margin. */
    public CompletableFuture<CheckResult> check(Target target) {
        Instant at = clock.instant();
        long start = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(target.url())
                .timeout(target.timeout())
                .header("Accept", "application/json, */*;q=0.5")
                .header("User-Agent", "codeagent-health-monitor")
                .GET()
                .build();
        Duration hardLimit = target.timeout().plusSeconds(1);
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .orTimeout(hardLimit.toMillis(), TimeUnit.MILLISECONDS)
                .handle((response, failure) -> {
                    long latency = (System.nanoTime() - start) / 1_000_000;
                    if (failure != null) {
                        return new CheckResult(at, false, latency, null, describe(failure, target));
                    }
                    int status = response.statusCode();
                    if (target.expectedStatus().matches(status)) {
                        return new CheckResult(at, true, latency, status, null);
                    }
                    return new CheckResult(at, false, latency, status,
                            "HTTP " + status + " (expected " + target.expectedStatus() + ")");
                });
    }

    static String describe(Throwable failure, Target target) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String timeout = "no answer within " + target.timeout().toMillis() + " ms";
        if (cause instanceof HttpConnectTimeoutException) {
            return "Connect timed out: " + timeout;
        }
        if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
            return "Timed out: " + timeout;
        }
        if (cause instanceof ConnectException || cause.getCause() instanceof ConnectException) {
            return "Connection refused";
        }
        if (cause instanceof UnknownHostException || cause.getCause() instanceof UnresolvedAddressException
                || cause instanceof UnresolvedAddressException) {
            return "Unknown host " + target.url().getHost();
        }
        if (cause instanceof SSLException) {
            return "TLS failure: " + cause.getMessage();
        }
        if (cause instanceof IOException) {
            return "I/O error: " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
