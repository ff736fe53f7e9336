package dev.codeagent.orchestrator.config;

import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Budgets for model calls, each unset (null) when there is none. llm-patch makes no call that could exceed one.
 *
 * @param perJobTokens        input and output tokens of all variants of one job together
 * @param perJobCost          USD of all variants of one job together, by llm-patch's model prices
 * @param dailyCostPerProject USD of all jobs of one project (organization and project) per UTC day
 */
@Validated
@ConfigurationProperties("codeagent.budget")
public record BudgetProperties(
        @Positive Long perJobTokens,
        @Positive BigDecimal perJobCost,
        @Positive BigDecimal dailyCostPerProject) {
}
