package dev.codeagent.llmpatch.usage;

import dev.codeagent.contracts.patch.BudgetLimit;
import java.math.BigDecimal;

/** A model call was not made: it would have exceeded {@code budget}, of which {@code use} is spent. */
public final class BudgetReachedException extends RuntimeException {

    private final transient BudgetLimit budget;
    private final BigDecimal use;

    BudgetReachedException(BudgetLimit budget, BigDecimal use, String message) {
        super(message);
        this.budget = budget;
        this.use = use;
    }

    public BudgetLimit budget() {
        return budget;
    }

    public BigDecimal use() {
        return use;
    }
}
