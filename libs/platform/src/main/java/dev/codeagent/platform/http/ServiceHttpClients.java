package dev.codeagent.platform.http;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Builds {@link RestClient}s for calls to other Code Agent services: JSON, explicit connect and read
 * timeouts, correlation id and internal token added by {@link ServiceCallInterceptor}.
 */
public class ServiceHttpClients {

    private final RestClient.Builder builder;
    private final Duration connectTimeout;
    private final Duration defaultReadTimeout;
    private final HttpClient httpClient;

    public ServiceHttpClients(RestClient.Builder builder, Duration connectTimeout, Duration defaultReadTimeout) {
        this.builder = builder;
        this.connectTimeout = connectTimeout;
        this.defaultReadTimeout = defaultReadTimeout;
        this.httpClient = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A client for {@code baseUrl} with the default read timeout. */
    public RestClient forService(String baseUrl) {
        return forService(baseUrl, defaultReadTimeout);
    }

    /** A client for {@code baseUrl} whose calls time out after {@code readTimeout} without an answer. */
    public RestClient forService(String baseUrl, Duration readTimeout) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(httpClient);
        factory.setReadTimeout(readTimeout);
        return builder.clone().baseUrl(baseUrl).requestFactory(factory).build();
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }
}
