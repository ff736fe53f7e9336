package dev.codeagent.adapter.ado;

import dev.codeagent.adapter.provider.GitProblems;
import dev.codeagent.adapter.provider.RepositoryCoordinates;
import dev.codeagent.platform.http.RetryAfter;
import dev.codeagent.platform.web.ApiProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the Azure DevOps REST API (api-version 7.1) for one repository: builds the URL, authenticates,
 * applies timeouts, retries throttled (429/503) and failed-network calls where that is safe while
 * honouring {@code Retry-After} up to a bound, and maps every failure to the problem the orchestrator
 * acts on. Secrets never reach a log line or an error message.
 */
public class AzureDevOpsClient {

    public static final String API_VERSION = "7.1";
    private static final Logger log = LoggerFactory.getLogger(AzureDevOpsClient.class);
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final AzureDevOpsProperties properties;
    private final AzureDevOpsCredentials credentials;
    private final JsonMapper json;
    private final Sleeper sleeper;
    private final Clock clock;
    private final HttpClient http;
    private final List<String> secrets;

    public AzureDevOpsClient(AzureDevOpsProperties properties, AzureDevOpsCredentials credentials, JsonMapper json,
            Sleeper sleeper, Clock clock) {
        this.properties = properties;
        this.credentials = credentials;
        this.json = json;
        this.sleeper = sleeper;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.secrets = java.util.stream.Stream.of(properties.pat(), properties.clientSecret())
                .filter(Objects::nonNull).toList();
    }

    /** The JSON answer of a successful call; any failure is thrown as a mapped problem. */
    public JsonNode json(RepositoryCoordinates repo, AzureDevOpsCall call) {
        return json(repo, uri(repo, call), call);
    }

    /**
     * The JSON answer of a successful call to {@code uri}, an API outside the repository's URL (the identities of
     * the organization); sent, retried and mapped to problems like every other call, which are about {@code repo}.
     */
    public JsonNode json(RepositoryCoordinates repo, URI uri, AzureDevOpsCall call) {
        AzureDevOpsResponse response = send(uri, call, MAX_ERROR_BODY * 256L);
        if (!isSuccess(response.status())) {
            throw problem(repo, call, response);
        }
        return parse(call, response);
    }

    /** Sends the call with retries and returns the final answer, successful or not. */
    public AzureDevOpsResponse send(RepositoryCoordinates repo, AzureDevOpsCall call, long maxBodyBytes) {
        return send(uri(repo, call), call, maxBodyBytes);
    }

    /**
     * Sends the call with retries like {@link #send}, but a successful answer's body is left unread in
     * {@link AzureDevOpsResponse#stream()} for the caller to copy and close: archives are too large to hold in memory.
     */
    public AzureDevOpsResponse open(RepositoryCoordinates repo, AzureDevOpsCall call) {
        return send(uri(repo, call), call, uri -> exchange(uri, call, -1));
    }

    /** Sends the call to {@code uri}, an API outside the repository's URL, with retries like {@link #send}. */
    AzureDevOpsResponse send(URI uri, AzureDevOpsCall call, long maxBodyBytes) {
        return send(uri, call, target -> exchange(target, call, maxBodyBytes));
    }

    private AzureDevOpsResponse send(URI uri, AzureDevOpsCall call, Exchange exchange) {
        boolean reauthenticated = false;
        for (int attempt = 1; ; attempt++) {
            AzureDevOpsResponse response;
            try {
                response = exchange.send(uri);
            } catch (IOException e) {
                Duration wait = backoff(attempt);
                if (call.retrySafe() && attempt < properties.maxAttempts()) {
                    log.warn("Azure DevOps call to {} failed ({}); retry {} in {} ms", call.operation(),
                            e.getClass().getSimpleName(), attempt, wait.toMillis());
                    pause(wait);
                    continue;
                }
                throw GitProblems.unavailable("Azure DevOps is unreachable while trying to " + call.operation()
                        + " (" + scrub(e.getClass().getSimpleName() + ": " + e.getMessage()) + ")", null, null);
            }
            int status = response.status();
            if (status == 401 && !reauthenticated && credentials.kind().equals("entra")) {
                // An Entra token may have been revoked or rotated early: one fresh token, then give up.
                credentials.invalidate();
                reauthenticated = true;
                attempt--;
                continue;
            }
            if (status == 429 || status == 503 || (call.retrySafe() && (status == 502 || status == 504))) {
                Duration retryAfter = retryAfter(response);
                Duration wait = retryAfter != null ? retryAfter : backoff(attempt);
                boolean retryable = status == 429 || call.retrySafe();
                if (retryable && attempt < properties.maxAttempts() && wait.compareTo(properties.maxRetryWait()) <= 0) {
                    log.info("Azure DevOps answered {} to {}; retry {} in {} ms", status, call.operation(), attempt,
                            wait.toMillis());
                    pause(wait);
                    continue;
                }
            }
            return response;
        }
    }

    /** The problem for an unsuccessful answer. */
    public ApiProblemException problem(RepositoryCoordinates repo, AzureDevOpsCall call, AzureDevOpsResponse response) {
        int status = response.status();
        String message = errorMessage(response);
        String suffix = message == null ? "" : ": " + message;
        if (status == 401 || status == 403 || status == 203 || (status >= 300 && status < 400)) {
            return GitProblems.permission("Azure DevOps refused to " + call.operation() + " in " + repo.slug()
                    + " (HTTP " + status + "). The " + credentials.kind() + " credential needs the scope "
                    + call.scope() + " and access to this repository" + suffix, call.scope());
        }
        return switch (status) {
            case 404 -> GitProblems.notFound("Azure DevOps could not find what is needed to " + call.operation()
                    + " in " + repo.slug() + suffix);
            case 409, 412 -> GitProblems.conflict("Azure DevOps reported a conflict while trying to "
                    + call.operation() + suffix, null);
            case 400, 422 -> isConflictMessage(message)
                    ? GitProblems.conflict("Azure DevOps reported a conflict while trying to " + call.operation()
                            + suffix, null)
                    : GitProblems.unprocessable("Azure DevOps rejected the request to " + call.operation() + suffix);
            case 429 -> GitProblems.rateLimited("Azure DevOps is throttling requests (" + call.operation() + ")",
                    retryAfterOrDefault(response));
            default -> GitProblems.unavailable("Azure DevOps failed to " + call.operation() + " (HTTP " + status + ")"
                    + suffix, retryAfter(response), null);
        };
    }

    /** Parses a successful JSON answer; an HTML page here is Azure DevOps' sign-in page. */
    public JsonNode parse(AzureDevOpsCall call, AzureDevOpsResponse response) {
        String contentType = response.header("Content-Type");
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("text/html")) {
            throw GitProblems.permission("Azure DevOps answered " + call.operation() + " with a sign-in page: the "
                    + credentials.kind() + " credential was not accepted", call.scope());
        }
        if (response.body().length == 0) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(response.body());
        } catch (JacksonException e) {
            throw GitProblems.unavailable("Azure DevOps answered " + call.operation() + " with malformed JSON", null,
                    null);
        }
    }

    public static boolean isSuccess(int status) {
        return status >= 200 && status < 300 && status != 203;
    }

    /** Azure DevOps reports lost ref races as TF401028 and stale old object ids in several wordings. */
    static boolean isConflictMessage(String message) {
        if (message == null) {
            return false;
        }
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("tf401028") || m.contains("already been updated") || m.contains("staleoldobjectid")
                || m.contains("tf401027") && m.contains("update");
    }

    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, "******");
        }
        return result;
    }

    /** One attempt of a call. */
    private interface Exchange {
        AzureDevOpsResponse send(URI uri) throws IOException;
    }

    /** One attempt; {@code maxBodyBytes} negative leaves a successful body unread in the answer's stream. */
    private AzureDevOpsResponse exchange(URI uri, AzureDevOpsCall call, long maxBodyBytes) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(properties.readTimeout())
                .header("Authorization", credentials.authorizationHeader())
                .header("Accept", call.accept())
                .header("X-TFS-FedAuthRedirect", "Suppress")
                .header("User-Agent", "codeagent-adapter");
        if (call.body() != null) {
            request.header("Content-Type", "application/json")
                    .method(call.method(), HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(call.body())));
        } else {
            request.method(call.method(), HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (maxBodyBytes < 0 && isSuccess(response.statusCode())) {
                return new AzureDevOpsResponse(response.statusCode(), response.headers(), new byte[0], false,
                        response.body());
            }
            long limit = isSuccess(response.statusCode()) ? maxBodyBytes : MAX_ERROR_BODY;
            try (InputStream in = response.body()) {
                byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
                boolean truncated = body.length > limit;
                if (truncated) {
                    body = java.util.Arrays.copyOf(body, (int) limit);
                }
                return new AzureDevOpsResponse(response.statusCode(), response.headers(), body, truncated);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw GitProblems.unavailable("Interrupted while calling Azure DevOps", null, null);
        }
    }

    private URI uri(RepositoryCoordinates repo, AzureDevOpsCall call) {
        StringBuilder url = new StringBuilder(properties.baseUrl())
                .append('/').append(segment(repo.organization()))
                .append('/').append(segment(repo.project()))
                .append("/_apis/git/repositories/").append(segment(repo.repository()))
                .append(call.path());
        url.append('?');
        for (Map.Entry<String, String> parameter : call.query().entrySet()) {
            url.append(parameter.getKey()).append('=').append(encode(parameter.getValue())).append('&');
        }
        url.append("api-version=").append(API_VERSION);
        return URI.create(url.toString());
    }

    /**
     * {@code {baseUrl}/{organization}/{project}/_apis{path}?{query}&api-version=7.1}: the project's APIs (pipelines,
     * builds, test results), which live beside its repositories rather than under one.
     */
    URI projectUri(RepositoryCoordinates repo, AzureDevOpsCall call) {
        StringBuilder url = new StringBuilder(properties.baseUrl())
                .append('/').append(segment(repo.organization()))
                .append('/').append(segment(repo.project()))
                .append("/_apis").append(call.path()).append('?');
        for (Map.Entry<String, String> parameter : call.query().entrySet()) {
            url.append(parameter.getKey()).append('=').append(encode(parameter.getValue())).append('&');
        }
        return URI.create(url.append("api-version=").append(API_VERSION).toString());
    }

    static String segment(String value) {
        if (value == null || value.isBlank() || value.contains("/") || value.equals(".") || value.equals("..")) {
            throw GitProblems.invalid("Invalid Azure DevOps path segment '" + value + "'");
        }
        return encode(value);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The {@code message} of an error answer, scrubbed and shortened; null when there is none. */
    String errorMessage(AzureDevOpsResponse response) {
        if (response.body().length == 0) {
            return null;
        }
        try {
            JsonNode node = json.readTree(response.body());
            String message = node.path("message").asString(null);
            if (message == null || message.isBlank()) {
                return null;
            }
            return scrub(message.length() > 500 ? message.substring(0, 500) + "…" : message);
        } catch (JacksonException e) {
            return null;
        }
    }

    private Duration retryAfterOrDefault(AzureDevOpsResponse response) {
        Duration retryAfter = retryAfter(response);
        return retryAfter != null ? retryAfter : Duration.ofSeconds(30);
    }

    /** {@code Retry-After} as seconds or as an HTTP date; null when absent or unreadable. */
    Duration retryAfter(AzureDevOpsResponse response) {
        return RetryAfter.parse(response.header("Retry-After"), clock);
    }

    /** Waits the back-off of the {@code attempt}-th poll of something Azure DevOps finishes asynchronously. */
    void waitBeforePoll(int attempt) {
        pause(backoff(attempt));
    }

    /** How many times a caller may look again for something Azure DevOps finishes asynchronously. */
    int maxPolls() {
        return properties.maxAttempts();
    }

    private Duration backoff(int attempt) {
        long factor = 1L << Math.min(attempt - 1, 6);
        Duration wait = properties.retryBackoff().multipliedBy(factor);
        return wait.compareTo(properties.maxRetryWait()) > 0 ? properties.maxRetryWait() : wait;
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw GitProblems.unavailable("Interrupted while waiting to retry a call to Azure DevOps", wait, null);
        }
    }
}
