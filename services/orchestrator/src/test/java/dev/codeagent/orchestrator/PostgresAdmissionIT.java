package dev.codeagent.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.codeagent.contracts.ProblemTypes;
import dev.codeagent.contracts.command.StartJobBatchItem;
import dev.codeagent.contracts.command.StartJobBatchRequest;
import dev.codeagent.contracts.command.StartJobBatchResponse;
import dev.codeagent.contracts.command.StartJobRequest;
import dev.codeagent.contracts.command.StartJobResponse;
import dev.codeagent.contracts.job.Outcome;
import dev.codeagent.orchestrator.fake.FakeRepository;
import dev.codeagent.orchestrator.fake.FakeServices;
import dev.codeagent.orchestrator.fake.Fault;
import dev.codeagent.orchestrator.config.AdmissionProperties;
import dev.codeagent.orchestrator.config.WorkflowProperties;
import dev.codeagent.orchestrator.job.JobIds;
import dev.codeagent.orchestrator.job.JobQueue;
import dev.codeagent.orchestrator.job.JobStore;
import dev.codeagent.orchestrator.job.NewJob;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The caps on running work with two replicas on one PostgreSQL database: at most 2 jobs run, at most 1 per
 * repository; the others wait in the queue, their progress replies saying where they stand; a new command beyond
 * the queue's cap of 3 is refused with 503 and Retry-After while a redelivery is still answered with its job; and
 * every queued job runs, promptly, when room frees up.
 */
class PostgresAdmissionIT {

    private static final String[] CAPS = {"codeagent.admission.max-running-jobs=2",
        "codeagent.admission.max-running-jobs-per-repository=1", "codeagent.admission.max-queued-jobs=3"};

    final FakeServices fakes = TestFakes.get();

    @Test
    void twoReplicasHoldTheCapsQueueInOrderRefuseBeyondTheQueueAndRunEveryQueuedJob() throws Exception {
        fakes.reset();
        Map<String, String> database = new HashMap<>(Instances.postgres());
        for (String cap : CAPS) {
            database.put(cap.substring(0, cap.indexOf('=')), cap.substring(cap.indexOf('=') + 1));
        }
        FakeRepository a = fakes.repository("caps-a");
        FakeRepository b = fakes.repository("caps-b");
        FakeRepository c = fakes.repository("caps-c");
        // The first two jobs' model calls wait until released, so that they keep running while the others queue.
        CountDownLatch release = new CountDownLatch(1);
        fakes.addFault(Fault.gate("POST", "/api/patches", null, 2, release, false));
        ConfigurableApplicationContext one = Instances.start("caps-1", database);
        ConfigurableApplicationContext two = Instances.start("caps-2", database);
        AtomicBoolean watching = new AtomicBoolean(true);
        AtomicInteger mostRunning = new AtomicInteger();
        AtomicInteger mostOnOneRepository = new AtomicInteger();
        Thread watcher = new Thread(() -> watch(database, watching, mostRunning, mostOnOneRepository));
        try {
            OrchestratorTestClient viaOne = new OrchestratorTestClient(Instances.port(one));
            OrchestratorTestClient viaTwo = new OrchestratorTestClient(Instances.port(two));
            watcher.start();

            String a1 = start(viaOne, OrchestratorTestClient.edit(a.name, 9501, 1, "First on a"));
            awaitStep(database, a1, "fan-out");
            StartJobRequest a2Request = OrchestratorTestClient.edit(a.name, 9502, 1, "Second on a");
            String a2 = start(viaTwo, a2Request);
            awaitStep(database, a2, "queued");
            String b1 = start(viaOne, OrchestratorTestClient.edit(b.name, 9503, 1, "First on b"));
            awaitStep(database, b1, "fan-out");
            String c1 = start(viaTwo, OrchestratorTestClient.edit(c.name, 9504, 1, "First on c"));
            awaitStep(database, c1, "queued");
            String b2 = start(viaOne, OrchestratorTestClient.edit(b.name, 9505, 1, "Second on b"));
            awaitStep(database, b2, "queued");

            assertThat(awaitReply(a, "Second on a")).contains(
                    "**queued — position 1 of 1; 1 job running, 1 of them on this repository (the most at once)**");
            assertThat(awaitReply(c, "First on c")).contains("**queued — position 2 of 2; 2 jobs running**");
            assertThat(awaitReply(b, "Second on b")).contains(
                    "**queued — position 3 of 3; 2 jobs running, 1 of them on this repository (the most at once)**");

            // Three wait: a new command is refused, by the single start and in a batch, where the redelivery of
            // a queued command is still answered with its job.
            HttpResponse<String> refused = viaTwo.post("/api/orchestrators/edit-variants",
                    OrchestratorTestClient.edit(c.name, 9506, 1, "One too many"));
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).contains("60");
            assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(refused.body()).contains(ProblemTypes.UNAVAILABLE.toString()).contains("At capacity")
                    .contains("3 edit commands are waiting to run (at most 3)");
            HttpResponse<String> batch = viaOne.post("/api/orchestrators/edit-variants/batch",
                    new StartJobBatchRequest(List.of(
                            new StartJobBatchItem("corr-new", OrchestratorTestClient.edit(a.name, 9507, 1, "Also too many")),
                            new StartJobBatchItem("corr-again", a2Request))));
            assertThat(batch.statusCode()).isEqualTo(200);
            StartJobBatchResponse results = viaOne.read(batch, StartJobBatchResponse.class);
            assertThat(results.results().get(0).status()).isEqualTo(503);
            assertThat(results.results().get(0).title()).isEqualTo("At capacity");
            assertThat(results.results().get(1).status()).isEqualTo(200);
            assertThat(results.results().get(1).job().id()).isEqualTo(a2);
            assertThat(count(database, "select count(*) from job")).isEqualTo(5);
            // The author of a refused command learns why in its thread, once, however often it is redelivered.
            assertThat(awaitComments(c, "at capacity", 1)).singleElement().asString().contains("Code Agent is at "
                    + "capacity and could not start this command: 3 edit commands are waiting to run (at most 3).");
            assertThat(awaitComments(a, "at capacity", 1)).hasSize(1);
            viaTwo.post("/api/orchestrators/edit-variants", OrchestratorTestClient.edit(c.name, 9506, 1, "One too many"));
            viaTwo.post("/api/orchestrators/edit-variants", OrchestratorTestClient.edit(a.name, 9508, 1, "Later"));
            // One replica posts its replies in order: once the later command's is there, the redelivery's is done.
            assertThat(awaitComments(a, "at capacity", 2)).hasSize(2);
            assertThat(c.comments.values()).filteredOn(text -> text.contains("at capacity")).hasSize(1);
            assertThat(viaOne.get("/actuator/prometheus").body())
                    .contains("codeagent_jobs_running{application=\"orchestrator\"} 2.0")
                    .contains("codeagent_jobs_queued{application=\"orchestrator\"} 3.0");

            release.countDown();
            for (String id : List.of(a1, b1, a2, c1, b2)) {
                assertThat(viaOne.awaitFinished(id, Duration.ofSeconds(60)).outcome()).as(id).isEqualTo(Outcome.SUCCESS);
            }
            watching.set(false);
            watcher.join();
            assertThat(mostRunning.get()).isEqualTo(2);
            assertThat(mostOnOneRepository.get()).isEqualTo(1);
            // Admitted in order as room freed, each at once rather than at its next look at the queue.
            Map<String, Instant> admitted = instants(database, "admitted_at");
            Map<String, Instant> completed = instants(database, "completed_at");
            assertThat(admitted.get(a2)).isAfterOrEqualTo(completed.get(a1))
                    .isBefore(completed.get(a1).plusSeconds(5));
            assertThat(admitted.get(b2)).isAfterOrEqualTo(completed.get(b1));
            assertThat(admitted.get(c1)).isBefore(admitted.get(b2));
            assertThat(awaitReply(a, "Second on a")).as("the reply no longer says queued").doesNotContain("queued");
        } finally {
            watching.set(false);
            release.countDown();
            one.close();
            two.close();
        }
    }

    @Test
    void admissionsRacingOnPostgresNeverPassTheCaps() throws Exception {
        Map<String, String> database = Instances.postgres();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.get("spring.datasource.url"),
                database.get("spring.datasource.username"), database.get("spring.datasource.password"));
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        WorkflowProperties workflow = new WorkflowProperties(null, "http://dash/", "agents/", 10, 2,
                Duration.ofMinutes(8), Duration.ofMinutes(30), 0, 100, 4, Duration.ofSeconds(1), Duration.ofSeconds(30),
                Duration.ofSeconds(2));
        // Two replicas' queues: each with its own transactions on the shared database.
        List<JobQueue> replicas = List.of(
                new JobQueue(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                        new AdmissionProperties(3, 2, 200), workflow),
                new JobQueue(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                        new AdmissionProperties(3, 2, 200), workflow));
        JobStore store = new JobStore(jdbc, dataSource);
        Instant now = Instant.now();
        for (int round = 0; round < 5; round++) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String id = JobIds.next(now);
                store.insert(new NewJob(id, OrchestratorTestClient.edit("race-" + (i % 2), 100L * round + i, 1,
                        "Race"), "corr", now, now.plusSeconds(60)));
                ids.add(id);
            }
            ExecutorService pool = Executors.newFixedThreadPool(ids.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<String>>> results = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                JobQueue queue = replicas.get(i % 2);
                String id = ids.get(i);
                results.add(pool.submit(() -> {
                    go.await();
                    return queue.enqueue(id, () -> now);
                }));
            }
            go.countDown();
            List<String> admitted = new ArrayList<>();
            for (Future<List<String>> result : results) {
                admitted.addAll(result.get(30, TimeUnit.SECONDS));
            }
            pool.shutdown();
            assertThat(admitted).as("round %d", round).doesNotHaveDuplicates().hasSize(3);
            assertThat(count(database, "select count(*) from job where admitted_at is not null and completed_at is null "
                    + "group by repository order by 1 desc limit 1")).isEqualTo(2);
            // The next round starts from nothing running.
            jdbc.sql("update job set runtime_status = 'Completed', completed_at = now()").update();
        }
    }

    private static String start(OrchestratorTestClient client, StartJobRequest request) {
        HttpResponse<String> response = client.post("/api/orchestrators/edit-variants", request);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return client.read(response, StartJobResponse.class).id();
    }

    /** The progress reply of the command with this intent, once posted. */
    private static List<String> awaitComments(FakeRepository repository, String containing, int atLeast) {
        Instant end = Instant.now().plusSeconds(20);
        List<String> found = List.of();
        while (Instant.now().isBefore(end)) {
            found = repository.comments.values().stream().filter(comment -> comment.contains(containing)).toList();
            if (found.size() >= atLeast) {
                return found;
            }
            OrchestratorTestClient.sleep(20);
        }
        return fail("only " + found.size() + " comments containing '" + containing + "', expected " + atLeast);
    }

    private static String awaitReply(FakeRepository repository, String intent) {
        Instant end = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(end)) {
            for (String comment : repository.comments.values()) {
                if (comment.contains("kind=progress") && comment.contains(intent)) {
                    return comment;
                }
            }
            OrchestratorTestClient.sleep(20);
        }
        return fail("no progress reply for " + intent);
    }

    /** Jobs past admission that have gathered their context and not finished, overall and per repository. */
    private static void watch(Map<String, String> database, AtomicBoolean watching, AtomicInteger mostRunning,
            AtomicInteger mostOnOneRepository) {
        try (Connection connection = connect(database);
                PreparedStatement running = connection.prepareStatement("select repository, count(*) from job "
                        + "where base_commit is not null and completed_at is null group by repository")) {
            while (watching.get()) {
                int total = 0;
                try (ResultSet rs = running.executeQuery()) {
                    while (rs.next()) {
                        total += rs.getInt(2);
                        mostOnOneRepository.accumulateAndGet(rs.getInt(2), Math::max);
                    }
                }
                mostRunning.accumulateAndGet(total, Math::max);
                Thread.sleep(10);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitStep(Map<String, String> database, String jobId, String step) {
        Instant end = Instant.now().plusSeconds(20);
        String current = null;
        while (Instant.now().isBefore(end)) {
            try (Connection connection = connect(database);
                    PreparedStatement query = connection.prepareStatement("select step from job where id = ?")) {
                query.setString(1, jobId);
                try (ResultSet rs = query.executeQuery()) {
                    current = rs.next() ? rs.getString(1) : null;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            if (step.equals(current)) {
                return;
            }
            OrchestratorTestClient.sleep(20);
        }
        fail("job %s is in step %s, not %s", jobId, current, step);
    }

    private static long count(Map<String, String> database, String sql) throws SQLException {
        try (Connection connection = connect(database); PreparedStatement query = connection.prepareStatement(sql);
                ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<String, Instant> instants(Map<String, String> database, String column) throws SQLException {
        Map<String, Instant> values = new HashMap<>();
        try (Connection connection = connect(database);
                PreparedStatement query = connection.prepareStatement("select id, " + column + " from job");
                ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                OffsetDateTime value = rs.getObject(2, OffsetDateTime.class);
                values.put(rs.getString(1), value == null ? null : value.toInstant());
            }
        }
        return values;
    }

    private static Connection connect(Map<String, String> database) throws SQLException {
        return DriverManager.getConnection(database.get("spring.datasource.url"),
                database.get("spring.datasource.username"), database.get("spring.datasource.password"));
    }
}
