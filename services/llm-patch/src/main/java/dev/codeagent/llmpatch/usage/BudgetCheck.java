package dev.codeagent.llmpatch.usage;

import dev.codeagent.contracts.patch.BudgetLimit;
import dev.codeagent.contracts.patch.ModelCall;
import dev.codeagent.llmpatch.provider.CallGate;
import dev.codeagent.llmpatch.provider.ModelProvider;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Holds one patch request to the budgets its caller sent: before each model call (the first, each repair round and
 * each fallback), what the budget has spent plus what the request spent so far plus what the call may spend must
 * stay within the limit, or the call is not made. What a call may spend is an upper bound: the estimated prompt
 * tokens plus every answer token the provider is allowed ({@code answerTokens}), priced by {@link ModelPrices}. A
 * model without a price cannot be held to a cost budget, so with one set its calls are refused rather than guessed.
 * The offline provider calls no model and is always admitted.
 */
public final class BudgetCheck implements CallGate {

    private final List<BudgetLimit> budgets;
    private final ModelPrices prices;
    private long tokensSpent;
    private BigDecimal costSpent = BigDecimal.ZERO;

    BudgetCheck(List<BudgetLimit> budgets, ModelPrices prices) {
        this.budgets = List.copyOf(budgets);
        this.prices = prices;
    }

    @Override
    public void admit(ModelProvider provider, long promptTokens, int answerTokens) {
        if (provider.offline()) {
            return;
        }
        String model = provider.settings().model();
        for (BudgetLimit budget : budgets) {
            BigDecimal use = budget.used().add(budget.unit() == BudgetLimit.Unit.TOKENS
                    ? BigDecimal.valueOf(tokensSpent) : costSpent);
            String usage = format(use) + " of " + format(budget.limit()) + " " + unit(budget);
            BigDecimal need;
            if (budget.unit() == BudgetLimit.Unit.TOKENS) {
                need = BigDecimal.valueOf(promptTokens + answerTokens);
            } else {
                Optional<BigDecimal> cost = prices.cost(model, promptTokens, answerTokens);
                if (cost.isEmpty()) {
                    throw new BudgetReachedException(budget, use, "budget cannot be checked: " + budget.name() + " ("
                            + usage + "): model " + model + " of " + provider.settings().name()
                            + " has no price in CODEAGENT_MODEL_PRICES");
                }
                need = cost.get();
            }
            if (use.add(need).compareTo(budget.limit()) > 0) {
                throw new BudgetReachedException(budget, use, "budget reached: " + budget.name() + " (" + usage
                        + "; the next call of " + provider.settings().name() + " could use up to " + format(need)
                        + " " + unit(budget) + ")");
            }
        }
    }

    /** Counts an answered call against the budgets, with the tokens and cost the provider reported. */
    public void spent(ModelCall call) {
        tokensSpent += call.inputTokens() + call.outputTokens();
        if (call.costUsd() != null) {
            costSpent = costSpent.add(call.costUsd());
        }
    }

    private static String unit(BudgetLimit budget) {
        return budget.unit() == BudgetLimit.Unit.TOKENS ? "tokens" : "USD";
    }

    private static String format(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
