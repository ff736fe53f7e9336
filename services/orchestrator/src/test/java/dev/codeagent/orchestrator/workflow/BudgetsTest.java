package dev.codeagent.orchestrator.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.contracts.job.VariantState;
import dev.codeagent.contracts.patch.BudgetLimit;
import dev.codeagent.contracts.patch.PatchRequest;
import dev.codeagent.orchestrator.config.BudgetProperties;
import dev.codeagent.orchestrator.fake.FakeServices;
import dev.codeagent.orchestrator.job.VariantRecord;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The budgets a variant's patch request carries: what earlier variants of the job and the project's jobs of the
 * day (from the database) left, and a variant stopped by llm-patch's refusal with the reason in the table.
 */
class BudgetsTest {

    @TempDir
    Path artifacts;

    private WorkflowFixture f;
    private final List<PatchRequest> requests = new CopyOnWriteArrayList<>();

    private void fixture(Long tokens, String jobCost, String dailyCost) {
        f = new WorkflowFixture(artifacts, new BudgetProperties(tokens, jobCost == null ? null : new BigDecimal(jobCost),
                dailyCost == null ? null : new BigDecimal(dailyCost)));
        f.fakes.patchBehaviour(request -> {
            requests.add(request);
            return FakeServices.PatchBehaviour.DEFAULT.answer(request);
        });
    }

    @AfterEach
    void close() {
        f.close();
    }

    private Map<String, BudgetLimit> budgetsOf(String jobId, int k) {
        return requests.stream().filter(r -> r.jobId().equals(jobId) && r.k() == k).reduce((a, b) -> b).orElseThrow()
                .budgetsOrNone().stream().collect(Collectors.toMap(BudgetLimit::name, b -> b));
    }

    @Test
    void withoutBudgetsTheRequestCarriesNone() {
        fixture(null, null, null);
        String id = f.preparedEditJob(1);
        f.variant.run(id, 1, f.scheduler);
        assertThat(budgetsOf(id, 1)).isEmpty();
    }

    @Test
    void theSecondVariantsRequestCarriesWhatTheFirstLeftOfTheJobsBudgets() {
        fixture(5_000L, "0.50", null);
        String id = f.preparedEditJob(2);

        f.variant.run(id, 1, f.scheduler);
        f.variant.run(id, 2, f.scheduler);

        Map<String, BudgetLimit> first = budgetsOf(id, 1);
        assertThat(first.get("per-job tokens").used()).isZero();
        assertThat(first.get("per-job cost").used()).isZero();
        Map<String, BudgetLimit> second = budgetsOf(id, 2);
        // Variant 1 of the fake used 1000 + 200 tokens for 0.0036 USD.
        assertThat(second.get("per-job tokens").unit()).isEqualTo(BudgetLimit.Unit.TOKENS);
        assertThat(second.get("per-job tokens").limit()).isEqualByComparingTo("5000");
        assertThat(second.get("per-job tokens").used()).isEqualByComparingTo("1200");
        assertThat(second.get("per-job tokens").left()).isEqualByComparingTo("3800");
        assertThat(second.get("per-job cost").unit()).isEqualTo(BudgetLimit.Unit.USD);
        assertThat(second.get("per-job cost").limit()).isEqualByComparingTo("0.50");
        assertThat(second.get("per-job cost").used()).isEqualByComparingTo("0.0036");
    }

    @Test
    void aBudgetReachedStopsTheSecondVariantAtOnceWithTheReasonInTheTable() {
        fixture(2_000L, null, null);
        // As llm-patch does: the call the fake would make needs 1200 tokens, refused when fewer are left.
        f.fakes.patchBehaviour(request -> {
            BudgetLimit tokens = request.budgetsOrNone().get(0);
            if (tokens.left().compareTo(BigDecimal.valueOf(1_200)) < 0) {
                return new FakeServices.Response(422, Map.of("type", "https://codeagent.dev/problems/unprocessable",
                        "title", "Budget reached", "detail", "budget reached: " + tokens.name() + " ("
                                + tokens.used().toPlainString() + " of " + tokens.limit().toPlainString()
                                + " tokens; the next call of ollama could use up to 1200 tokens)"));
            }
            return FakeServices.PatchBehaviour.DEFAULT.answer(request);
        });
        String id = f.preparedEditJob(2);

        assertThat(f.variant.run(id, 1, f.scheduler)).isEqualTo(StepResult.done());
        assertThat(f.variant.run(id, 2, f.scheduler)).as("final: not retried").isEqualTo(StepResult.done());
        f.fanIn.run(id, f.scheduler);

        assertThat(f.variant(id, 1).state()).isEqualTo(VariantState.SUCCEEDED);
        VariantRecord second = f.variant(id, 2);
        assertThat(second.state()).isEqualTo(VariantState.FAILED);
        assertThat(second.error()).contains("422: budget reached: per-job tokens (1200 of 2000 tokens;");
        assertThat(f.retries("patch")).isZero();
        assertThat(f.repo.comments.values()).filteredOn(c -> c.startsWith("### Code Agent: 2 variants"))
                .singleElement().asString()
                .contains("❌ failed: llm-patch patch generation failed with 422: budget reached: per-job tokens "
                        + "(1200 of 2000 tokens; the next call of ollama could use up to 1200 tokens)");
    }

    @Test
    void modelCallsOfAFailedVariantCountInItsUsageAndAgainstTheJobsBudget() {
        fixture(5_000L, "0.50", null);
        // Variant 1's edits never apply: llm-patch answers 422 and lists the two calls it made all the same.
        f.fakes.patchBehaviour(request -> requests.add(request) && request.k() != 1
                ? FakeServices.PatchBehaviour.DEFAULT.answer(request)
                : new FakeServices.Response(422, Map.of("type", "https://codeagent.dev/problems/unprocessable",
                        "title", "Edits did not apply", "detail", "edits did not apply for variant 1",
                        "calls", List.of(
                                Map.of("provider", "ollama", "model", "m", "inputTokens", 700, "outputTokens", 100,
                                        "latencyMs", 5, "costUsd", 0.001),
                                Map.of("provider", "ollama", "model", "m", "inputTokens", 800, "outputTokens", 150,
                                        "latencyMs", 5, "costUsd", 0.0015)))));
        String id = f.preparedEditJob(2);

        f.variant.run(id, 1, f.scheduler);
        f.variant.run(id, 2, f.scheduler);

        VariantRecord first = f.variant(id, 1);
        assertThat(first.state()).isEqualTo(VariantState.FAILED);
        assertThat(first.usage().calls()).isEqualTo(2);
        assertThat(first.usage().inputTokens()).isEqualTo(1_500);
        assertThat(first.usage().costUsd()).isEqualByComparingTo("0.0025");
        Map<String, BudgetLimit> second = budgetsOf(id, 2);
        assertThat(second.get("per-job tokens").used()).isEqualByComparingTo("1750");
        assertThat(second.get("per-job cost").used()).isEqualByComparingTo("0.0025");
    }

    @Test
    void theDailyBudgetCountsTheProjectsVariantsOfTheUtcDayFromTheDatabase() {
        fixture(null, null, "1.00");
        // Yesterday (UTC) a job of the project spent 0.0036 + 0.0079 USD; today, one spent 0.0036.
        String yesterday = f.preparedEditJob(2);
        f.variant.run(yesterday, 1, f.scheduler);
        f.variant.run(yesterday, 2, f.scheduler);
        f.clock.set(Instant.parse("2026-03-03T00:00:00Z"));
        String earlierToday = f.preparedEditJob(1);
        f.variant.run(earlierToday, 1, f.scheduler);
        f.clock.set(Instant.parse("2026-03-03T23:59:00Z"));
        String id = f.preparedEditJob(1);
        // A new store and budgets read what is recorded, as after a restart.
        assertThat(new Budgets(new BudgetProperties(null, null, new BigDecimal("1.00")), f.variants, f.clock)
                .of(f.job(id))).singleElement().satisfies(b -> {
                    assertThat(b.name()).isEqualTo("daily cost of project " + f.job(id).repository().project()
                            + " (UTC day)");
                    assertThat(b.used()).isEqualByComparingTo("0.0036");
                });

        f.variant.run(id, 1, f.scheduler);

        assertThat(budgetsOf(yesterday, 2).values()).singleElement()
                .satisfies(b -> assertThat(b.used()).as("variant 1 of the day").isEqualByComparingTo("0.0036"));
        assertThat(budgetsOf(id, 1).values()).singleElement()
                .satisfies(b -> assertThat(b.used()).as("only today's job").isEqualByComparingTo("0.0036"));
    }
}
