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
 * An instant orchestrator for the gateway benchmark: answers every start call with a new job (a fresh job
 * id per command) without looking at the commands, so the benchmark measures the gateway's own work. It
 * serves the batch start API the gateway uses (200 with a 202 result per item). {@code
 * GET /jobs} tells how many jobs it has handed out, {@code GET /calls} in how many start calls. Benchmark
 * tool only, never part of the product. Run: {@code java StubOrchestrator.java <port>}.
 */
public final class StubOrchestrator {

    public static void main(String[] args) throws IOException {
        if (args.length != 1 || !args[0].matches("[0-9]+")) {
            System.out.println("usage: java StubOrchestrator.java <port>");
            return;
        }
        int port = Integer.parseInt(args[0]);
        AtomicLong jobs = new AtomicLong();
        AtomicLong calls = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        server.createContext("/api/orchestrators/edit-variants/batch", exchange -> {
            calls.incrementAndGet();
            answerBatch(exchange, jobs);
        });
        server.createContext("/jobs", exchange -> count(exchange, jobs.get()));
        server.createContext("/calls", exchange -> count(exchange, calls.get()));
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        System.out.println("stub orchestrator listening on 127.0.0.1:" + port);
    }

    private static void count(HttpExchange exchange, long value) throws IOException {
        byte[] body = Long.toString(value).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** {@code {"items":[...]}}: one result per item, in order. */
    private static void answerBatch(HttpExchange exchange, AtomicLong jobs) throws IOException {
        byte[] request;
        try (InputStream in = exchange.getRequestBody()) {
            request = in.readAllBytes();
        }
        int items = countItems(request);
        long first = jobs.getAndAdd(items) + 1;
        StringBuilder body = new StringBuilder(64 + 240 * items).append("{\"results\":[");
        for (int i = 0; i < items; i++) {
            String id = "job-" + (first + i);
            body.append(i == 0 ? "" : ",").append("{\"status\":202,\"job\":{\"id\":\"").append(id)
                    .append("\",\"statusQueryGetUri\":\"http://127.0.0.1/api/jobs/").append(id)
                    .append("\",\"terminatePostUri\":\"http://127.0.0.1/api/jobs/").append(id)
                    .append("/terminate\",\"created\":true}}");
        }
        byte[] bytes = body.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * The objects in the request's {@code items} array — those that open at depth 2, outside strings —
     * without a JSON library, so that the stub stays a single file with no dependencies.
     */
    static int countItems(byte[] json) {
        int depth = 0;
        int items = 0;
        boolean inString = false;
        for (int i = 0; i < json.length; i++) {
            byte b = json[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                if (b == '{' && depth == 2) {
                    items++;
                }
                depth++;
            } else if (b == '}' || b == ']') {
                depth--;
            }
        }
        return items;
    }
}
