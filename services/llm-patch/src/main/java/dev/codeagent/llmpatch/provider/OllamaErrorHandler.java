package dev.codeagent.llmpatch.provider;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.ResponseErrorHandler;

/** Keeps the status and Retry-After of an Ollama error, which Spring AI's default handler drops. */
final class OllamaErrorHandler implements ResponseErrorHandler {

    @Override
    public boolean hasError(ClientHttpResponse response) throws IOException {
        return response.getStatusCode().isError();
    }

    @Override
    public void handleError(URI url, HttpMethod method, ClientHttpResponse response) throws IOException {
        byte[] body = response.getBody().readNBytes(4096);
        throw ErrorClassifier.fromStatus(response.getStatusCode().value(),
                ErrorClassifier.retryAfter(response.getHeaders().get("Retry-After")),
                new String(body, StandardCharsets.UTF_8), null);
    }
}
