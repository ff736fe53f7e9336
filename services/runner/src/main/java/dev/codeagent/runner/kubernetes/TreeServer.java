package dev.codeagent.runner.kubernetes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each check pod the tree it tests: {@code GET /trees/<token>} answers the archive registered under a random
 * one-time token and forgets it, so the code under test (which shares the pod's network with the init container
 * that fetched it) finds nothing more to fetch. It listens on a port of its own, where nothing else is served: the
 * check pods' NetworkPolicy opens exactly this port of the runner pods and no other.
 */
public final class TreeServer implements AutoCloseable {

    static final String PATH = "/trees/";
    private static final Logger log = LoggerFactory.getLogger(TreeServer.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServer server;
    private final ExecutorService threads;
    private final Clock clock;
    private final Map<String, Offer> offers = new ConcurrentHashMap<>();

    private record Offer(Path archive, Instant expires) {
    }

    private TreeServer(HttpServer server, ExecutorService threads, Clock clock) {
        this.server = server;
        this.threads = threads;
        this.clock = clock;
    }

    /** Starts listening on {@code port} of every interface (0: any free port). */
    public static TreeServer start(int port, Clock clock) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(port), 16);
            ExecutorService threads = Executors.newFixedThreadPool(4, runnable -> {
                Thread thread = new Thread(runnable, "tree-server");
                thread.setDaemon(true);
                return thread;
            });
            TreeServer trees = new TreeServer(server, threads, clock);
            server.createContext(PATH, trees::serve);
            server.setExecutor(threads);
            server.start();
            log.info("Trees for check pods are served on port {}", server.getAddress().getPort());
            return trees;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not listen on port " + port + " for the check pods' trees", e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Registers {@code archive} for one fetch until {@code lifetime} has passed; the answer is its token. */
    public String offer(Path archive, Duration lifetime) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        offers.put(token, new Offer(archive, clock.instant().plus(lifetime)));
        return token;
    }

    /** Forgets the token whether it was used or not (the check ended). */
    public void withdraw(String token) {
        offers.remove(token);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Offer offer = "GET".equals(exchange.getRequestMethod()) && path.startsWith(PATH)
                    ? offers.remove(path.substring(PATH.length())) : null;
            if (offer == null || clock.instant().isAfter(offer.expires()) || !Files.isRegularFile(offer.archive())) {
                // One answer for unknown, used and expired tokens: nothing to learn from probing.
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/gzip");
            exchange.sendResponseHeaders(200, Files.size(offer.archive()));
            try (InputStream in = Files.newInputStream(offer.archive());
                    OutputStream out = exchange.getResponseBody()) {
                in.transferTo(out);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
