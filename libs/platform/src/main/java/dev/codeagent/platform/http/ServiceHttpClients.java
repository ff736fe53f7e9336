package dev.codeagent.platform.http;

import java.time.Duration;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Builds {@link RestClient}s for calls to other Code Agent services: JSON, explicit connect and read
 * timeouts, correlation id and internal token added by {@link ServiceCallInterceptor}.
 *
 * <p>All clients share one pool of keep-alive connections of Apache HttpClient's classic client, which does
 * the I/O on the calling thread and writes headers and body together. The JDK client measured several
 * times the CPU per call on 2 cores (every exchange crosses its selector thread and a body-publisher
 * hand-off), and calls between services are the hot path of the gateway and the orchestrator. The
 * client's own retries and redirects are off: callers decide what is safe to repeat.
 */
public class ServiceHttpClients implements AutoCloseable {

    /** Enough for the orchestrator's scheduler threads and the gateway's concurrent hand-offs. */
    static final int MAX_CONNECTIONS_PER_SERVICE = 100;

    private final RestClient.Builder builder;
    private final Duration connectTimeout;
    private final Duration defaultReadTimeout;
    private final CloseableHttpClient httpClient;

    public ServiceHttpClients(RestClient.Builder builder, Duration connectTimeout, Duration defaultReadTimeout) {
        this.builder = builder;
        this.connectTimeout = connectTimeout;
        this.defaultReadTimeout = defaultReadTimeout;
        this.httpClient = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(4 * MAX_CONNECTIONS_PER_SERVICE)
                        .setMaxConnPerRoute(MAX_CONNECTIONS_PER_SERVICE)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                // A pooled connection the peer closed while idle is detected before reuse.
                                .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        // Waiting for a free pooled connection counts against the connect budget.
                        .setConnectionRequestTimeout(Timeout.of(connectTimeout))
                        .setResponseTimeout(Timeout.of(defaultReadTimeout))
                        .setRedirectsEnabled(false)
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .build();
    }

    /** A client for {@code baseUrl} with the default read timeout. */
    public RestClient forService(String baseUrl) {
        return forService(baseUrl, defaultReadTimeout);
    }

    /** A client for {@code baseUrl} whose calls time out after {@code readTimeout} without an answer. */
    public RestClient forService(String baseUrl, Duration readTimeout) {
        HttpComponentsClientHttpRequestFactory factory = new HttpComponentsClientHttpRequestFactory(httpClient);
        factory.setReadTimeout(readTimeout);
        factory.setConnectionRequestTimeout(connectTimeout);
        return builder.clone().baseUrl(baseUrl).requestFactory(factory).build();
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Closes the shared connection pool when the application context stops. */
    @Override
    public void close() {
        httpClient.close(org.apache.hc.core5.io.CloseMode.GRACEFUL);
    }
}
