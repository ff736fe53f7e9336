package dev.codeagent.contracts.patch;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * A budget the caller holds the request to: {@code used} of {@code limit} is already spent (by earlier variants of
 * the job, or by the project today), so the request's model calls may spend at most the difference. Sent with the
 * limit rather than only what is left so that a refusal can say "{@code used} of {@code limit}".
 *
 * @param name  which budget, as the refusal names it (for example {@code per-job tokens})
 * @param unit  what {@code limit} and {@code used} count
 * @param limit the budget
 * @param used  what is spent of it before this request
 */
public record BudgetLimit(
        @NotBlank @Size(max = 200) String name,
        @NotNull Unit unit,
        @NotNull @PositiveOrZero BigDecimal limit,
        @NotNull @PositiveOrZero BigDecimal used) {

    /** What a budget counts. */
    public enum Unit {
        /** Input and output tokens together. */
        TOKENS,
        /** Cost in USD by the model prices. */
        USD
    }

    /** What is left, never below zero. */
    public BigDecimal left() {
        return limit.subtract(used).max(BigDecimal.ZERO);
    }
}
