package dev.codeagent.orchestrator.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import dev.codeagent.contracts.job.RuntimeStatus;
import dev.codeagent.contracts.job.VariantState;
import dev.codeagent.orchestrator.OrchestratorTestClient;
import dev.codeagent.orchestrator.config.AdmissionProperties;
import dev.codeagent.orchestrator.fake.FakeRepository;
import dev.codeagent.orchestrator.job.AuditEvent;
import dev.codeagent.orchestrator.job.CancelReason;
import dev.codeagent.orchestrator.job.JobPhase;
import dev.codeagent.orchestrator.job.JobRecord;
import dev.codeagent.orchestrator.job.VariantRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The caps on running work: queueing, the reply's place in the queue, admission in order, and the wake-up. */
class AdmissionTest {

    private static final AtomicLong COMMENT_IDS = new AtomicLong(70_000);

    @TempDir
    Path artifacts;

    WorkflowFixture f;

    @AfterEach
    void closeFixture() {
        f.close();
    }

    private void caps(int running, int perRepository) {
        f = new WorkflowFixture(artifacts, 2, new AdmissionProperties(running, perRepository, 200));
    }

    private String editJobOn(FakeRepository repository) {
        return f.insert(OrchestratorTestClient.edit(repository.name, COMMENT_IDS.incrementAndGet(), 1, "Validate"));
    }

    /** The job's variant ends and its fan-in runs, as after its last variant. */
    private void finish(String id) {
        for (VariantRecord v : f.variants.variants(id)) {
            f.variants.ended(id, v.k(), VariantState.FAILED, "ended by the test", 1L, f.clock.instant());
        }
        assertThat(f.fanIn.run(id, f.scheduler)).isEqualTo(StepResult.done());
        assertThat(f.job(id).status().isTerminal()).isTrue();
    }

    private String progressReply(String id) {
        return f.repo.comments.get(f.job(id).progressCommentId());
    }

    private double gauge(String name) {
        return f.meters.get(name).gauge().value();
    }

    @Test
    void aJobBeyondTheCapWaitsSaysWhereItStandsAndStartsWhenARunningJobFinishes() {
        caps(2, 3);
        String first = f.editJob(1);
        String second = f.editJob(1);
        String third = f.editJob(1);
        assertThat(f.prepare.run(first, f.scheduler)).isEqualTo(StepResult.done());
        assertThat(f.prepare.run(second, f.scheduler)).isEqualTo(StepResult.done());

        assertThat(f.prepare.run(third, f.scheduler))
                .isEqualTo(StepResult.runAgainAt(f.clock.instant().plus(PrepareStep.QUEUE_RECHECK)));

        JobRecord queued = f.job(third);
        assertThat(queued.step()).isEqualTo(JobPhase.QUEUED);
        assertThat(queued.status()).isEqualTo(RuntimeStatus.Running);
        assertThat(queued.baseCommit()).as("no context is gathered while queued").isNull();
        assertThat(progressReply(third)).contains("**queued — position 1 of 1; 2 jobs running**");
        assertThat(f.audit.trail(third)).extracting(AuditEvent::event).containsExactly("started");
        verify(f.scheduler, never()).scheduleIfNotExists(JobTasks.deadline(third), queued.deadlineAt());
        verify(f.scheduler, never()).scheduleIfNotExists(JobTasks.variant(third, 1), f.clock.instant());
        assertThat(gauge("codeagent.jobs.running")).isEqualTo(2);
        assertThat(gauge("codeagent.jobs.queued")).isEqualTo(1);

        f.clock.advance(Duration.ofMinutes(40));
        finish(first);

        // The finishing job admitted the queued one and brought its prepare step forward.
        verify(f.scheduler).getScheduledExecution(JobTasks.PREPARE.instanceId(third));
        assertThat(gauge("codeagent.jobs.queued")).isZero();
        assertThat(f.prepare.run(third, f.scheduler)).isEqualTo(StepResult.done());
        JobRecord running = f.job(third);
        assertThat(running.step()).isEqualTo(JobPhase.FAN_OUT);
        assertThat(running.cancelReason()).as("time in the queue does not count against the job timeout").isNull();
        assertThat(running.deadlineAt()).isEqualTo(f.clock.instant().plus(f.properties.jobTimeout()));
        verify(f.scheduler).scheduleIfNotExists(JobTasks.deadline(third), running.deadlineAt());
        verify(f.scheduler).scheduleIfNotExists(JobTasks.variant(third, 1), f.clock.instant());
        assertThat(progressReply(third)).doesNotContain("queued").contains("working on 1 variant");
        assertThat(f.audit.trail(third)).extracting(AuditEvent::event).containsExactly("started", "admitted", "context");
        assertThat(gauge("codeagent.jobs.running")).isEqualTo(2);
    }

    @Test
    void theProgressReplyIsEditedOnlyWhenThePlaceInTheQueueChanges() {
        caps(1, 1);
        String running = f.preparedEditJob(1);
        String second = f.editJob(1);
        String third = f.editJob(1);
        f.prepare.run(second, f.scheduler);
        f.clock.advance(Duration.ofSeconds(1));
        f.prepare.run(third, f.scheduler);
        assertThat(progressReply(third)).contains("queued — position 2 of 2; 1 job running, 1 of them on this "
                + "repository (the most at once)");
        long edits = f.fakes.count("PATCH", "/comments/");

        f.clock.advance(PrepareStep.QUEUE_RECHECK);
        f.prepare.run(third, f.scheduler);
        assertThat(f.fakes.count("PATCH", "/comments/")).as("same place, no edit").isEqualTo(edits);

        finish(running);
        f.prepare.run(second, f.scheduler);
        f.prepare.run(third, f.scheduler);
        assertThat(progressReply(third)).contains("queued — position 1 of 1; 1 job running");
        assertThat(f.job(second).step()).isEqualTo(JobPhase.FAN_OUT);
    }

    @Test
    void aJobWhoseRepositoryIsFullKeepsItsPlaceWhileOthersGoAhead() {
        caps(2, 1);
        FakeRepository other = f.fakes.repository(f.repository + "-other");
        String first = f.editJob(1);
        String sameRepository = f.editJob(1);
        String otherRepository = editJobOn(other);
        f.prepare.run(first, f.scheduler);

        assertThat(f.prepare.run(sameRepository, f.scheduler).isDone()).isFalse();
        assertThat(f.prepare.run(otherRepository, f.scheduler)).isEqualTo(StepResult.done());

        assertThat(f.job(sameRepository).step()).isEqualTo(JobPhase.QUEUED);
        assertThat(f.job(otherRepository).step()).isEqualTo(JobPhase.FAN_OUT);
        finish(otherRepository);
        assertThat(f.job(sameRepository).step()).as("its repository is still full").isEqualTo(JobPhase.QUEUED);
        finish(first);
        assertThat(f.prepare.run(sameRepository, f.scheduler)).isEqualTo(StepResult.done());
        assertThat(f.job(sameRepository).step()).isEqualTo(JobPhase.FAN_OUT);
    }

    @Test
    void aQueuedJobStartsOnItsOwnLookWhenTheWakeUpWasLost() {
        caps(1, 1);
        String first = f.preparedEditJob(1);
        String second = f.editJob(1);
        f.prepare.run(second, f.scheduler);
        // The replica that finished the first job died before it admitted the next one.
        f.jobs.finish(first, RuntimeStatus.Completed, null, null, f.clock.instant());

        f.clock.advance(PrepareStep.QUEUE_RECHECK);
        assertThat(f.prepare.run(second, f.scheduler)).isEqualTo(StepResult.done());

        assertThat(f.job(second).step()).isEqualTo(JobPhase.FAN_OUT);
    }

    @Test
    void aQueuedJobThatIsTerminatedEndsWithoutRunning() {
        caps(1, 1);
        f.preparedEditJob(1);
        String queued = f.editJob(2);
        f.prepare.run(queued, f.scheduler);

        f.jobs.requestCancel(queued, CancelReason.TERMINATED, f.clock.instant());
        assertThat(f.prepare.run(queued, f.scheduler)).isEqualTo(StepResult.done());

        assertThat(f.variants.variants(queued)).extracting(VariantRecord::state).containsOnly(VariantState.CANCELLED);
        verify(f.scheduler).scheduleIfNotExists(JobTasks.fanIn(queued), f.clock.instant());
        assertThat(f.job(queued).baseCommit()).isNull();
        assertThat(gauge("codeagent.jobs.queued")).isZero();
    }

    @Test
    void concurrentAdmissionsNeverPassTheCaps() throws Exception {
        caps(3, 2);
        FakeRepository other = f.fakes.repository(f.repository + "-other");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(i % 2 == 0 ? f.editJob(1) : editJobOn(other));
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<String>>> admitted = new ArrayList<>();
        try {
            for (String id : ids) {
                Callable<List<String>> enter = () -> {
                    go.await();
                    return f.queue.enqueue(id, f.clock::instant);
                };
                admitted.add(pool.submit(enter));
            }
            go.countDown();
            List<String> all = new ArrayList<>();
            for (Future<List<String>> result : admitted) {
                all.addAll(result.get(30, TimeUnit.SECONDS));
            }
            assertThat(all).doesNotHaveDuplicates().hasSize(3);
            assertThat(f.queue.running()).isEqualTo(3);
            assertThat(f.queue.queued()).isEqualTo(9);
            assertThat(all.stream().filter(id -> ids.indexOf(id) % 2 == 0)).hasSizeLessThanOrEqualTo(2);
            assertThat(all.stream().filter(id -> ids.indexOf(id) % 2 == 1)).hasSizeLessThanOrEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }
}
