import dev.codeagent.contracts.command.Author;
import dev.codeagent.contracts.command.CommandKind;
import dev.codeagent.contracts.command.RepositoryRef;
import dev.codeagent.contracts.command.StartJobRequest;
import dev.codeagent.contracts.command.StartJobResponse;
import dev.codeagent.contracts.job.JobPage;
import dev.codeagent.contracts.job.JobView;
import dev.codeagent.contracts.job.Outcome;
import dev.codeagent.orchestrator.OrchestratorApplication;
import dev.codeagent.orchestrator.fake.FakeServices;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Orchestration overhead of the edit-variants workflow with instant fakes of the adapter and llm-patch
 * (everything but model time and git host latency): a real orchestrator (HTTP API, db-scheduler, Flyway
 * schema, H2 file database or embedded PostgreSQL) in this JVM, driven over HTTP.
 *
 * <p>Reports, for N = 1, 3, 10: latency of one job alone (accepted → Completed, p50 over several jobs),
 * throughput (jobs/s with many jobs in flight) and process CPU time per variant during the throughput run
 * (which includes the in-process fakes, so it is an upper bound of the orchestrator's own cost).
 *
 * <p>Run with {@code bench/orchestrator/run.sh [h2|postgres]}.
 */
public class OrchestratorBenchmark {

    private static final String TOKEN = "benchmark-token-0123456789abcdef";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final AtomicLong COMMENT = new AtomicLong(1);

    public static void main(String[] args) throws Exception {
        String database = args.length > 0 ? args[0] : "h2";
        int throughputJobs = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        FakeServices fakes = new FakeServices();
        fakes.repository("bench");
        EmbeddedPostgres postgres = null;
        List<String> appArgs = new ArrayList<>(List.of(
                "--server.port=0",
                "--codeagent.platform.internal-token=" + TOKEN,
                "--codeagent.services.adapter-url=" + fakes.baseUrl(),
                "--codeagent.services.llm-patch-url=" + fakes.baseUrl(),
                "--codeagent.scheduler.threads=" + System.getProperty("threads", "16"),
                "--codeagent.scheduler.polling-interval=" + System.getProperty("polling", "100ms"),
                "--codeagent.workflow.variant-parallelism=10",
                // Every job is on one repository: with the production caps (20 running, 3 per repository) this
                // would measure the queue, not the orchestration. -DmaxRunning=20 -DmaxRunningPerRepository=3
                // measures with them.
                "--codeagent.admission.max-running-jobs=" + System.getProperty("maxRunning", "1000"),
                "--codeagent.admission.max-running-jobs-per-repository="
                        + System.getProperty("maxRunningPerRepository", "1000"),
                "--codeagent.admission.max-queued-jobs=10000",
                "--codeagent.retention.purge-interval=1h",
                "--logging.level.root=WARN",
                "--logging.level.dev.codeagent=WARN",
                "--spring.main.banner-mode=off"));
        Path data = Files.createTempDirectory("orchestrator-bench");
        appArgs.add("--codeagent.artifacts.directory=" + data.resolve("artifacts"));
        if (database.equals("postgres")) {
            postgres = EmbeddedPostgres.builder().start();
            appArgs.add("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"));
            appArgs.add("--spring.datasource.username=postgres");
            appArgs.add("--spring.datasource.password=postgres");
        } else {
            appArgs.add("--spring.datasource.url=jdbc:h2:file:" + data.resolve("orchestrator")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=64");
        }
        ConfigurableApplicationContext app = new SpringApplicationBuilder(OrchestratorApplication.class)
                .run(appArgs.toArray(String[]::new));
        String base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT,
                "database=%s cores=%d scheduler-threads=%s polling=%s max-running=%s/%s per repository java=%s%n",
                database, cores, System.getProperty("threads", "16"), System.getProperty("polling", "100ms"),
                System.getProperty("maxRunning", "1000"), System.getProperty("maxRunningPerRepository", "1000"),
                System.getProperty("java.version"));
        try {
            System.out.println("warm-up ...");
            throughput(base, 3, 150);
            System.out.println();
            System.out.println("| N | job latency alone, p50 | per variant | jobs/s (" + throughputJobs
                    + " jobs in flight) | variants/s | CPU ms per variant |");
            System.out.println("|---|---|---|---|---|---|");
            for (int n : new int[] {1, 3, 10}) {
                List<Long> latencies = new ArrayList<>();
                for (int i = 0; i < 15; i++) {
                    Instant start = Instant.now();
                    String id = start(base, n);
                    await(base, id);
                    latencies.add(Duration.between(start, Instant.now()).toMillis());
                }
                Collections.sort(latencies);
                long p50 = latencies.get(latencies.size() / 2);
                int jobs = n == 10 ? Math.max(20, throughputJobs / 4) : throughputJobs;
                long cpuBefore = cpuNanos();
                double seconds = throughput(base, n, jobs);
                double cpuMsPerVariant = (cpuNanos() - cpuBefore) / 1e6 / (jobs * (double) n);
                System.out.printf(Locale.ROOT, "| %d | %d ms | %.1f ms | %.1f | %.0f | %.1f |%n", n, p50,
                        p50 / (double) n, jobs / seconds, jobs * n / seconds, cpuMsPerVariant);
            }
        } finally {
            app.close();
            fakes.close();
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    /** Submits {@code jobs} jobs of N variants from 8 client threads and waits until all finished; seconds. */
    private static double throughput(String base, int n, int jobs) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        Instant start = Instant.now();
        List<Future<String>> ids = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            ids.add(clients.submit(() -> start(base, n)));
        }
        List<String> started = new ArrayList<>();
        for (Future<String> id : ids) {
            started.add(id.get());
        }
        clients.shutdown();
        while (true) {
            JobPage page = JSON.readValue(get(base + "/api/orchestrators?runtimeStatus=Pending,Running&top=1"),
                    JobPage.class);
            if (page.items().isEmpty()) {
                break;
            }
            // Coarse enough not to load the orchestrator being measured; adds at most 50 ms to a run of seconds.
            Thread.sleep(50);
        }
        double seconds = Duration.between(start, Instant.now()).toNanos() / 1e9;
        JobView last = JSON.readValue(get(base + "/api/orchestrators/" + started.get(started.size() - 1)), JobView.class);
        if (last.outcome() != Outcome.SUCCESS) {
            throw new IllegalStateException("benchmark job did not succeed: " + last);
        }
        return seconds;
    }

    private static String start(String base, int n) throws Exception {
        long comment = COMMENT.getAndIncrement();
        RepositoryRef repo = new RepositoryRef("local", "local", "local", "bench", null);
        StartJobRequest request = new StartJobRequest(StartJobRequest.keyOf(repo, 7, 1, comment), repo, 7, 1, comment,
                null, new Author("u", "dev@example.com", "Dev"), CommandKind.EDIT, "Benchmark change " + comment, n,
                null, null, null, null, null, null);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base
                        + "/api/orchestrators/edit-variants"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("start answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readValue(response.body(), StartJobResponse.class).id();
    }

    private static void await(String base, String id) throws Exception {
        while (true) {
            JobView view = JSON.readValue(get(base + "/api/orchestrators/" + id), JobView.class);
            if (view.runtimeStatus().isTerminal()) {
                if (view.outcome() != Outcome.SUCCESS) {
                    throw new IllegalStateException("benchmark job did not succeed: " + view);
                }
                return;
            }
            Thread.sleep(5);
        }
    }

    private static String get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + TOKEN).GET()
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
