package dev.codeagent.llmpatch.usage;

import dev.codeagent.contracts.patch.BudgetLimit;
import dev.codeagent.contracts.patch.ModelCall;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.util.List;

/**
 * Prices each answered model call and counts it: {@code codeagent_model_tokens_total{provider,model,direction}}
 * (direction input or output) and {@code codeagent_model_cost_total{provider,model}} in USD. A call without a price
 * adds its tokens but no cost, so the cost counter only ever sums known prices.
 */
public final class UsageMeter {

    private final ModelPrices prices;
    private final MeterRegistry registry;

    public UsageMeter(ModelPrices prices, MeterRegistry registry) {
        this.prices = prices;
        this.registry = registry;
    }

    /** A check of one request's calls against {@code budgets} (none: every call is admitted). */
    public BudgetCheck budget(List<BudgetLimit> budgets) {
        return new BudgetCheck(budgets, prices);
    }

    public ModelCall record(String provider, String model, long inputTokens, long outputTokens, long latencyMs) {
        BigDecimal cost = prices.cost(model, inputTokens, outputTokens).orElse(null);
        tokens(provider, model, "input").increment(inputTokens);
        tokens(provider, model, "output").increment(outputTokens);
        if (cost != null) {
            Counter.builder("codeagent.model.cost").tag("provider", provider).tag("model", model)
                    .description("Cost of model calls in USD by CODEAGENT_MODEL_PRICES (calls of unpriced models "
                            + "add nothing)")
                    .register(registry).increment(cost.doubleValue());
        }
        return new ModelCall(provider, model, inputTokens, outputTokens, latencyMs, cost);
    }

    private Counter tokens(String provider, String model, String direction) {
        return Counter.builder("codeagent.model.tokens").tag("provider", provider).tag("model", model)
                .tag("direction", direction).description("Tokens of answered model calls, as the provider reported them")
                .register(registry);
    }
}
