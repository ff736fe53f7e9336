package dev.codeagent.llmpatch;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Minimal JSON-over-HTTP client for the API tests, with the internal token. */
public final class Http {

    public static final String TOKEN = "api-test-token-0123456789";

    public record Response(int status, JsonNode body, String raw) {
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final int port;

    public Http(int port) {
        this.port = port;
    }

    public JsonMapper json() {
        return json;
    }

    public Response post(String path, Object body) throws Exception {
        String text = body instanceof String s ? s : json.writeValueAsString(body);
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(text)));
    }

    public Response get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET());
    }

    private Response send(HttpRequest.Builder builder) throws Exception {
        HttpResponse<String> r = client.send(builder.header("Authorization", "Bearer " + TOKEN)
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode node = r.body() == null || r.body().isBlank() ? null : json.readTree(r.body());
        return new Response(r.statusCode(), node, r.body());
    }
}
