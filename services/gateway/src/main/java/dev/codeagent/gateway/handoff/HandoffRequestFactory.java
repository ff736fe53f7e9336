package dev.codeagent.gateway.handoff;

import java.time.Duration;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;

/**
 * The request factory of the hand-off: Apache HttpClient's classic (blocking) client with a connection
 * pool sized for the gateway's concurrency. It does the I/O on the request thread and writes headers and
 * the small JSON body together. The JDK client behind the platform's default factory measured several
 * milliseconds per call on a busy 2-core machine (selector-thread and body-publisher hand-offs between
 * threads), which alone would break the gateway's latency target. Retries are the caller's business, so
 * the client's own retries and redirects are off; the answers are tiny, so compression is off too.
 */
final class HandoffRequestFactory {

    private HandoffRequestFactory() {
    }

    static HttpComponentsClientHttpRequestFactory create(Duration connectTimeout, Duration timeout, int maxConnections) {
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setSocketTimeout(Timeout.of(timeout))
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build())
                .build();
        CloseableHttpClient client = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.of(timeout))
                        .setResponseTimeout(Timeout.of(timeout))
                        .setRedirectsEnabled(false)
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableContentCompression()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .build();
        return new HttpComponentsClientHttpRequestFactory(client);
    }
}
