package dev.codeagent.contracts.job;

import dev.codeagent.contracts.patch.ModelCall;
import java.math.BigDecimal;
import java.util.Collection;

/**
 * Model usage totals of a variant or a job: answered model {@code calls}, tokens in and out, and the cost in USD.
 * {@code costUsd} is null as soon as one call's price is unknown: a partial sum would read as the whole cost.
 */
public record ModelUsage(int calls, long inputTokens, long outputTokens, BigDecimal costUsd) {

    public static final ModelUsage NONE = new ModelUsage(0, 0, 0, BigDecimal.ZERO);

    /** The totals of {@code calls}. */
    public static ModelUsage of(Collection<ModelCall> calls) {
        ModelUsage total = NONE;
        for (ModelCall c : calls) {
            total = total.plus(new ModelUsage(1, c.inputTokens(), c.outputTokens(), c.costUsd()));
        }
        return total;
    }

    public ModelUsage plus(ModelUsage other) {
        return new ModelUsage(calls + other.calls, inputTokens + other.inputTokens, outputTokens + other.outputTokens,
                costUsd == null || other.costUsd == null ? null : costUsd.add(other.costUsd));
    }
}
