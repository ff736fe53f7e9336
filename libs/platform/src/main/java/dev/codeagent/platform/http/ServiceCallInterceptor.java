package dev.codeagent.platform.http;

import dev.codeagent.contracts.Headers;
import dev.codeagent.platform.web.CorrelationId;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Adds the correlation id in scope and the internal service token to every call made with a
 * {@link org.springframework.web.client.RestClient} built by Spring Boot, unless the caller set them.
 */
public class ServiceCallInterceptor implements ClientHttpRequestInterceptor {

    private final String internalToken;

    public ServiceCallInterceptor(String internalToken) {
        this.internalToken = internalToken;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        HttpHeaders headers = request.getHeaders();
        String corrId = CorrelationId.current();
        if (corrId != null && !headers.containsHeader(Headers.CORRELATION_ID)) {
            headers.set(Headers.CORRELATION_ID, corrId);
        }
        if (internalToken != null && !headers.containsHeader(HttpHeaders.AUTHORIZATION)) {
            headers.setBearerAuth(internalToken);
        }
        return execution.execute(request, body);
    }
}
