import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An instant orchestrator for the gateway benchmark: answers every start call with 202 and a fresh job
 * id without looking at the body, so the benchmark measures the gateway's own work. Benchmark tool only,
 * never part of the product. Run: {@code java StubOrchestrator.java <port>}.
 */
public final class StubOrchestrator {

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        AtomicLong jobs = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        server.createContext("/api/orchestrators/edit-variants", exchange -> answer(exchange, jobs.incrementAndGet()));
        server.createContext("/jobs", exchange -> {
            byte[] body = Long.toString(jobs.get()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        System.out.println("stub orchestrator listening on 127.0.0.1:" + port);
    }

    private static void answer(HttpExchange exchange, long job) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        String id = "job-" + job;
        byte[] body = ("{\"id\":\"" + id + "\",\"statusQueryGetUri\":\"http://127.0.0.1/api/jobs/" + id
                + "\",\"terminatePostUri\":\"http://127.0.0.1/api/jobs/" + id + "/terminate\",\"created\":true}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(202, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
