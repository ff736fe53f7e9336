package dev.codeagent.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.contracts.command.StartJobRequest;
import dev.codeagent.contracts.job.VariantState;
import dev.codeagent.orchestrator.job.JobRecord;
import dev.codeagent.orchestrator.job.NewJob;
import dev.codeagent.orchestrator.job.VariantRecord;
import dev.codeagent.orchestrator.workflow.JobTasks;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The workflow scenarios on PostgreSQL (embedded, a real server process). */
class PostgresWorkflowIT extends AbstractWorkflowIT {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        fakeServices(registry);
        String url = TestDatabases.newPostgresDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    @Autowired
    JdbcClient jdbc;

    /**
     * On PostgreSQL a start is one statement that writes the prepare task's row itself; it must be the row
     * db-scheduler's own createBatch writes, or the scheduler would not run it (or would, differently). Due in a
     * day, so the running scheduler leaves both rows alone.
     */
    @Test
    void singleStatementStartWritesTheRowsTheSchedulerWouldWrite() {
        assertThat(store.singleStatementStarts()).isTrue();
        Instant due = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MILLIS);
        String id = UUID.randomUUID().toString();
        StartJobRequest edit = OrchestratorTestClient.edit(repo("single-statement"), 9101, 3, "One statement");
        NewJob job = new NewJob(id, edit, "corr-single-statement", due, due.plus(Duration.ofMinutes(30)));
        String reference = "reference-" + id;
        try {
            assertThat(store.insertWithFirstTasks(List.of(job), JobTasks::prepare)).containsExactly(id);
            scheduler.scheduleBatch(List.of(JobTasks.prepare(reference)), due);

            String columns = "task_name, task_data, execution_time, picked, picked_by, last_success, last_failure, "
                    + "consecutive_failures, last_heartbeat, version, priority";
            Map<String, Object> written = jdbc.sql("select " + columns + " from scheduled_tasks where task_instance = ?")
                    .param(id).query().singleRow();
            Map<String, Object> expected = jdbc.sql("select " + columns + " from scheduled_tasks where task_instance = ?")
                    .param(reference).query().singleRow();
            assertThat(written).isEqualTo(expected);
            assertThat(written.get("task_name")).isEqualTo(JobTasks.PREPARE.getTaskName());

            assertThat(store.find(id)).get().satisfies(j -> {
                assertThat(j.idempotencyKey()).isEqualTo(edit.idempotencyKey());
                assertThat(j.corrId()).isEqualTo("corr-single-statement");
                assertThat(j.createdAt()).isEqualTo(due);
            });
            assertThat(variants.variants(id)).extracting(VariantRecord::k).containsExactly(1, 2, 3);
            assertThat(variants.variants(id)).extracting(VariantRecord::state).containsOnly(VariantState.PENDING);

            // The same key again: nothing written, and the first job is the key's job.
            NewJob again = new NewJob(UUID.randomUUID().toString(), edit, "corr-again", due, due);
            assertThat(store.insertWithFirstTasks(List.of(again), JobTasks::prepare)).isEmpty();
            assertThat(store.find(again.id())).isEmpty();
            assertThat(variants.variants(again.id())).isEmpty();
            assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_instance = ?").param(again.id())
                    .query(Integer.class).single()).isZero();
            assertThat(store.findByKey(edit.idempotencyKey())).get().extracting(JobRecord::id).isEqualTo(id);

            // A command without variants (here a rejected one) gets its job and task, and no variant rows.
            StartJobRequest rejected = OrchestratorTestClient.rejected(repo("single-statement"), 9102, "no");
            NewJob rejectedJob = new NewJob(UUID.randomUUID().toString(), rejected, "corr-rejected", due, due);
            assertThat(store.insertWithFirstTasks(List.of(rejectedJob), JobTasks::prepare)).containsExactly(rejectedJob.id());
            assertThat(variants.variants(rejectedJob.id())).isEmpty();
            assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_instance = ?")
                    .param(rejectedJob.id()).query(Integer.class).single()).isOne();
            store.delete(rejectedJob.id());
        } finally {
            jdbc.sql("delete from scheduled_tasks where task_instance like ?").param("%" + id).update();
            store.delete(id);
        }
    }

    @Override
    String database() {
        return "pg";
    }
}
