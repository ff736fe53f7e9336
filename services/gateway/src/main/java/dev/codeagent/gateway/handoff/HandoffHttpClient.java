package dev.codeagent.gateway.handoff;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.apache.hc.client5.http.impl.IdleConnectionEvictor;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.impl.bootstrap.HttpRequester;
import org.apache.hc.core5.http.impl.bootstrap.RequesterBootstrap;
import org.apache.hc.core5.http.io.HttpClientResponseHandler;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.pool.PoolReusePolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The HTTP transport of the hand-off: Apache HttpCore's classic {@link HttpRequester} — blocking I/O on
 * the request thread, a pool of keep-alive connections to the one orchestrator URL, headers and the
 * small JSON body in one write, Nagle off.
 *
 * <p>Why this and not a general client: the JDK client behind the platform's default request factory
 * measured several milliseconds per call on a busy 2-core machine (selector-thread and body-publisher
 * hand-offs between threads); Apache HttpClient's classic client was fast, but its execution chain
 * (routing, auth, cookies, redirects, retries — all unused here) and its strict pool cost more CPU per
 * delivery than the exchange itself. The requester does only the exchange; retries are the caller's
 * business. It never validates a pooled connection before use, so idle connections are closed after
 * {@link #MAX_IDLE} — well within the servers' keep-alive timeout (Tomcat's, 10 s in every Code Agent
 * service) — instead of being found dead by the next delivery; a connection that the server closes at
 * the very moment it is reused fails that attempt, which the caller retries.
 *
 * <p>Timeouts: a free pooled connection is waited for at most the connect timeout; connecting a new one
 * and every read of an answer are bounded by the read timeout (the requester applies its socket timeout
 * to both), so one attempt still ends within connect + read timeout.
 */
final class HandoffHttpClient implements AutoCloseable {

    static final TimeValue MAX_IDLE = TimeValue.ofSeconds(3);

    private final HttpRequester requester;
    private final IdleConnectionEvictor evictor;
    private final HttpHost target;
    private final Timeout connectTimeout;

    HandoffHttpClient(URI baseUrl, Duration connectTimeout, Duration readTimeout, int maxConnections) {
        this.target = HttpHost.create(baseUrl);
        this.connectTimeout = Timeout.of(connectTimeout);
        this.requester = RequesterBootstrap.bootstrap()
                .setSocketConfig(SocketConfig.custom()
                        .setTcpNoDelay(true)
                        // The requester uses the socket timeout for connecting as well as for every read.
                        .setSoTimeout(Timeout.of(readTimeout))
                        .build())
                .setMaxTotal(maxConnections)
                .setDefaultMaxPerRoute(maxConnections)
                .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
                .setPoolReusePolicy(PoolReusePolicy.LIFO)
                .create();
        this.evictor = new IdleConnectionEvictor(requester, TimeValue.ofSeconds(1), MAX_IDLE);
        evictor.start();
    }

    /** Sends {@code request} to the orchestrator; the connection returns to the pool after the handler. */
    <T> T execute(ClassicHttpRequest request, HttpClientResponseHandler<T> handler)
            throws IOException, HttpException {
        return requester.execute(target, request, connectTimeout, HttpCoreContext.create(), handler);
    }

    @Override
    public void close() {
        evictor.shutdown();
        requester.close(CloseMode.GRACEFUL);
    }
}
