package dev.codeagent.orchestrator.workflow;

import dev.codeagent.contracts.patch.BudgetLimit;
import dev.codeagent.orchestrator.config.BudgetProperties;
import dev.codeagent.orchestrator.job.JobRecord;
import dev.codeagent.orchestrator.job.VariantStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The budgets a variant's patch request carries, each with what is already spent of it, read from the database
 * when the request is sent: the job's variants so far, and the project's variants that started this UTC day. Read
 * rather than counted in memory, so the daily use survives restarts and is shared by replicas. Variants of a job run
 * in parallel and their usage is recorded when their change arrives, so two variants asking at once both see the
 * budget without the other's spending: the bound holds per request and is best-effort across concurrent variants.
 */
@Component
public class Budgets {

    private final BudgetProperties budgets;
    private final VariantStore variants;
    private final Clock clock;

    public Budgets(BudgetProperties budgets, VariantStore variants, Clock clock) {
        this.budgets = budgets;
        this.variants = variants;
        this.clock = clock;
    }

    /** The budgets that are set, for a request of {@code job} sent now; empty when none is set. */
    public List<BudgetLimit> of(JobRecord job) {
        List<BudgetLimit> limits = new ArrayList<>();
        if (budgets.perJobTokens() != null || budgets.perJobCost() != null) {
            VariantStore.Usage used = variants.usageOfJob(job.id());
            if (budgets.perJobTokens() != null) {
                limits.add(new BudgetLimit("per-job tokens", BudgetLimit.Unit.TOKENS,
                        BigDecimal.valueOf(budgets.perJobTokens()), BigDecimal.valueOf(used.tokens())));
            }
            if (budgets.perJobCost() != null) {
                limits.add(new BudgetLimit("per-job cost", BudgetLimit.Unit.USD, budgets.perJobCost(), used.costUsd()));
            }
        }
        if (budgets.dailyCostPerProject() != null) {
            Instant dayStart = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
            BigDecimal today = variants.costOfProject(job.repository().organization(), job.repository().project(),
                    dayStart, dayStart.plusSeconds(24 * 60 * 60));
            limits.add(new BudgetLimit("daily cost of project " + job.repository().project() + " (UTC day)",
                    BudgetLimit.Unit.USD, budgets.dailyCostPerProject(), today));
        }
        return limits;
    }
}
