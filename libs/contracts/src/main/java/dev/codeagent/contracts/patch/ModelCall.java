package dev.codeagent.contracts.patch;

import java.math.BigDecimal;

/**
 * One model call that answered: which provider and model, the tokens of its prompt ({@code inputTokens}) and of its
 * answer ({@code outputTokens}) as the provider reported them (estimated only when it reported none), how long it
 * took and what it cost in USD by {@code CODEAGENT_MODEL_PRICES}. {@code costUsd} is null when the model has no
 * configured price: an unknown cost is never guessed.
 */
public record ModelCall(String provider, String model, long inputTokens, long outputTokens, long latencyMs,
        BigDecimal costUsd) {
}
