package dev.codeagent.orchestrator.workflow;

import static org.mockito.Mockito.mock;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import dev.codeagent.contracts.command.StartJobRequest;
import dev.codeagent.contracts.git.MergeStrategy;
import dev.codeagent.orchestrator.OrchestratorTestClient;
import dev.codeagent.orchestrator.TestFakes;
import dev.codeagent.orchestrator.artifact.FileSystemArtifactStore;
import dev.codeagent.orchestrator.client.AdapterClient;
import dev.codeagent.orchestrator.client.LlmPatchClient;
import dev.codeagent.orchestrator.client.RunnerClient;
import dev.codeagent.orchestrator.config.AdmissionProperties;
import dev.codeagent.orchestrator.config.BudgetProperties;
import dev.codeagent.orchestrator.config.CheckProperties;
import dev.codeagent.orchestrator.config.FollowUpProperties;
import dev.codeagent.orchestrator.config.PipelineCheckProperties;
import dev.codeagent.orchestrator.config.RetryProperties;
import dev.codeagent.orchestrator.config.ServiceEndpoints;
import dev.codeagent.orchestrator.config.WorkflowProperties;
import dev.codeagent.orchestrator.fake.FakeRepository;
import dev.codeagent.orchestrator.fake.FakeServices;
import dev.codeagent.orchestrator.job.CheckStore;
import dev.codeagent.orchestrator.job.FollowUpStore;
import dev.codeagent.orchestrator.job.JobAudit;
import dev.codeagent.orchestrator.job.JobIds;
import dev.codeagent.orchestrator.job.JobQueue;
import dev.codeagent.orchestrator.job.JobRecord;
import dev.codeagent.orchestrator.job.JobStore;
import dev.codeagent.orchestrator.job.NewJob;
import dev.codeagent.orchestrator.job.PipelineRunStore;
import dev.codeagent.orchestrator.job.VariantRecord;
import dev.codeagent.orchestrator.job.VariantStore;
import dev.codeagent.orchestrator.metrics.OrchestratorMetrics;
import dev.codeagent.platform.http.ServiceHttpClients;
import dev.codeagent.platform.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The workflow's steps wired by hand for unit tests: a fresh in-memory H2 database with the product's migrations,
 * the stateful fake adapter, llm-patch and runner on loopback (a repository of their own per fixture), a clock that moves
 * only when the test moves it, and a mock scheduler whose calls the test checks. Nothing sleeps.
 */
final class WorkflowFixture implements AutoCloseable {

    static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
    private static final AtomicLong COMMENT_IDS = new AtomicLong(5000);
    static final int REPAIR_FEEDBACK_CHARS = 2000;

    final MutableClock clock = new MutableClock(START);
    final FakeServices fakes = TestFakes.get();
    final String repository = "unit-" + UUID.randomUUID().toString().substring(0, 8);
    final FakeRepository repo = fakes.repository(repository);
    final SchedulerClient scheduler = mock(SchedulerClient.class);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final WorkflowProperties properties;
    final JobStore jobs;
    final VariantStore variants;
    final JobAudit audit;
    final JobQueue queue;
    final Admission admission;
    final ServiceHttpClients clients;
    final StepRunner runner;
    final ProgressReporter progress;
    final PrepareStep prepare;
    final VariantStep variant;
    final FanInStep fanIn;
    final DeadlineStep deadline;
    final CheckStore checks;
    final PipelineRunStore pipelineRuns;
    final CheckCancellation checkRuns;
    final PipelineCancelStep pipelineCancel;
    final FollowUpStore followUps;
    final FollowUpStep followUp;

    /** Two variants run at a time; a variant may take 8 minutes and a job 30; four attempts per step. */
    WorkflowFixture(Path artifactDir) {
        this(artifactDir, 2);
    }

    WorkflowFixture(Path artifactDir, int variantParallelism) {
        this(artifactDir, variantParallelism, new AdmissionProperties(20, 3, 200));
    }

    WorkflowFixture(Path artifactDir, int variantParallelism, AdmissionProperties caps) {
        this(artifactDir, variantParallelism, caps, new BudgetProperties(null, null, null));
    }

    /** As {@link #WorkflowFixture(Path)}, with model budgets. */
    WorkflowFixture(Path artifactDir, BudgetProperties budgets) {
        this(artifactDir, 2, new AdmissionProperties(20, 3, 200), budgets);
    }

    WorkflowFixture(Path artifactDir, int variantParallelism, AdmissionProperties caps, BudgetProperties budgets) {
        this(artifactDir, variantParallelism, caps, budgets, Duration.ZERO);
    }

    /** As {@link #WorkflowFixture(Path)}, with steps retried until {@code retryDeadline} after their first failure. */
    WorkflowFixture(Path artifactDir, Duration retryDeadline) {
        this(artifactDir, 2, new AdmissionProperties(20, 3, 200), new BudgetProperties(null, null, null), retryDeadline);
    }

    WorkflowFixture(Path artifactDir, int variantParallelism, AdmissionProperties caps, BudgetProperties budgets,
            Duration retryDeadline) {
        this(artifactDir, variantParallelism, caps, budgets, retryDeadline, true, List.of());
    }

    /** As {@link #WorkflowFixture(Path)}, with no runner configured (an empty {@code CODEAGENT_RUNNER_URL}). */
    static WorkflowFixture withoutRunner(Path artifactDir) {
        return new WorkflowFixture(artifactDir, 2, new AdmissionProperties(20, 3, 200),
                new BudgetProperties(null, null, null), Duration.ZERO, false, List.of());
    }

    /**
     * As {@link #WorkflowFixture(Path)}, with {@code CODEAGENT_ADO_CHECK_PIPELINES} set to {@code pipelines} (runs
     * time out after 20 minutes and are looked at every 30 seconds), and a runner or not.
     */
    static WorkflowFixture withPipelines(Path artifactDir, boolean withRunner, Duration retryDeadline,
            String... pipelines) {
        return new WorkflowFixture(artifactDir, 2, new AdmissionProperties(20, 3, 200),
                new BudgetProperties(null, null, null), retryDeadline, withRunner, List.of(pipelines));
    }

    private WorkflowFixture(Path artifactDir, int variantParallelism, AdmissionProperties caps,
            BudgetProperties budgets, Duration retryDeadline, boolean withRunner, List<String> pipelines) {
        properties = new WorkflowProperties(null, "http://dash/", "agents/", 10, variantParallelism,
                Duration.ofMinutes(8), Duration.ofMinutes(30), 0, 100, 4, Duration.ofSeconds(1),
                Duration.ofSeconds(30), Duration.ofHours(1));
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        JsonMapper json = JsonMapper.builder().build();
        jobs = new JobStore(jdbc, dataSource);
        variants = new VariantStore(jdbc);
        audit = new JobAudit(jdbc);
        queue = new JobQueue(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)), caps,
                properties);
        clients = new ServiceHttpClients(RestClient.builder(), Duration.ofSeconds(2), Duration.ofSeconds(5));
        ServiceEndpoints endpoints = new ServiceEndpoints(fakes.baseUrl(), fakes.baseUrl(), Duration.ofSeconds(5),
                Duration.ofSeconds(5), withRunner ? fakes.baseUrl() : "", Duration.ofSeconds(5));
        AdapterClient adapter = new AdapterClient(clients, endpoints, json);
        LlmPatchClient llm = new LlmPatchClient(clients, endpoints, json);
        FileSystemArtifactStore artifacts = new FileSystemArtifactStore(artifactDir);
        OrchestratorMetrics metrics = new OrchestratorMetrics(meters, jobs, queue);
        CommentRenderer renderer = new CommentRenderer(properties);
        runner = new StepRunner(jobs, new RetryPolicy(properties, new RetryProperties(retryDeadline)), metrics, clock);
        checks = new CheckStore(jdbc, json);
        pipelineRuns = new PipelineRunStore(jdbc, json);
        JobReports reports = new JobReports(jobs, variants, artifacts, json, checks);
        progress = new ProgressReporter(jobs, variants, adapter, renderer, pipelineRuns, properties);
        JobWaker waker = new JobWaker(variants, clock);
        admission = new Admission(queue, audit, waker, clock);
        ContextGatherer context = new ContextGatherer(jobs, audit, adapter, llm, artifacts, properties, json, clock);
        followUps = new FollowUpStore(jdbc);
        VariantPublisher publisher = new VariantPublisher(adapter, renderer);
        Budgets modelBudgets = new Budgets(budgets, variants, clock);
        RunnerClient runnerClient = new RunnerClient(clients, endpoints, json);
        VariantPatcher patcher = new VariantPatcher(jobs, variants, adapter, llm, artifacts, json, modelBudgets, clock);
        VariantHistory history = new VariantHistory(adapter, artifacts, json);
        VariantChecker checker = new VariantChecker(runnerClient, checks, artifacts, new PipelineChecks(adapter,
                pipelineRuns, new PipelineCheckProperties(pipelines, Duration.ofMinutes(20), Duration.ofSeconds(30)),
                progress, clock), pipelineRuns, json, clock);
        pipelineCancel = new PipelineCancelStep(jobs, pipelineRuns, adapter, runner, clock);
        followUp = new FollowUpStep(runner, jobs, variants, followUps, audit, adapter, renderer, new FollowUpReplies(),
                new VariantRefiner(jobs, variants, followUps, history, adapter, patcher, artifacts, modelBudgets,
                        publisher, json, clock),
                checker, reports, waker, artifacts, properties, new FollowUpProperties(MergeStrategy.SQUASH), metrics,
                clock);
        prepare = new PrepareStep(runner, jobs, variants, audit, adapter, context, renderer,
                properties, queue, admission, metrics, followUp, clock);
        variant = new VariantStep(runner, variants, audit, patcher, publisher, reports, progress, properties, metrics, checks,
                checker,
                new VariantRepairer(jobs, variants, history, patcher, publisher, modelBudgets,
                        new CheckProperties(REPAIR_FEEDBACK_CHARS), json, clock),
                new CheckReporter(adapter, renderer), pipelineCancel, clock);
        fanIn = new FanInStep(runner, jobs, variants, audit, adapter, renderer, reports, admission, metrics, checks,
                followUps, clock);
        checkRuns = new CheckCancellation(variants, runnerClient);
        deadline = new DeadlineStep(jobs, audit, waker, checkRuns, clock);
    }

    /** Inserts an edit command of {@code n} variants, accepted now, as the start API would. */
    String editJob(int n) {
        return insert(OrchestratorTestClient.edit(repository, COMMENT_IDS.incrementAndGet(), n, "Validate the login"));
    }

    String insert(StartJobRequest request) {
        Instant now = clock.instant();
        String id = JobIds.next(now);
        jobs.insert(new NewJob(id, request, "corr-" + id, now, now.plus(properties.jobTimeout())));
        return id;
    }

    /** An edit job whose prepare step has run: context gathered, variants ready to start. */
    String preparedEditJob(int n) {
        String id = editJob(n);
        StepResult result = prepare.run(id, scheduler);
        if (!result.isDone()) {
            throw new IllegalStateException("prepare did not finish: " + result);
        }
        return id;
    }

    JobRecord job(String id) {
        return jobs.find(id).orElseThrow();
    }

    VariantRecord variant(String id, int k) {
        return variants.variant(id, k).orElseThrow();
    }

    double retries(String step) {
        var counter = meters.find("codeagent.step.retries").tag("step", step).counter();
        return counter == null ? 0 : counter.count();
    }

    @Override
    public void close() {
        fakes.reset();
        clients.close();
    }
}
