package dev.codeagent.runner;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback adapter serving {@code GET /api/v1/repositories/local/local/local/{repo}/archive?commit=} from zips the
 * test registers, refusing calls without the service token like the real one.
 */
public final class FakeAdapter implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, byte[]> archives = new ConcurrentHashMap<>();

    public FakeAdapter(String token) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/repositories/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getQuery();
            String commit = query != null && query.startsWith("commit=") ? query.substring(7) : "";
            byte[] zip = archives.get(commit);
            int status;
            byte[] body;
            String type;
            if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                status = 401;
                body = "{\"title\":\"Unauthorized\"}".getBytes(StandardCharsets.UTF_8);
                type = "application/problem+json";
            } else if (!path.endsWith("/archive") || zip == null) {
                status = 404;
                body = "{\"title\":\"Not found\"}".getBytes(StandardCharsets.UTF_8);
                type = "application/problem+json";
            } else {
                status = 200;
                body = zip;
                type = "application/zip";
            }
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Serves {@code files} (with {@code executable} ones 0755) as the tree of {@code commit}. */
    public void tree(String commit, Map<String, String> files) throws IOException {
        Map<String, Integer> modes = new java.util.HashMap<>();
        files.keySet().stream().filter(name -> name.endsWith(".sh")).forEach(name -> modes.put(name, 0100755));
        archives.put(commit, TestZips.bytes(files, modes, Map.of()));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
