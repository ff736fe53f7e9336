package dev.codeagent.llmpatch.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prices per model from {@code CODEAGENT_MODEL_PRICES}: comma-separated {@code model=INPUT/OUTPUT}, each price in USD
 * per million tokens (for example {@code gpt-4.1=2.00/8.00,claude-sonnet-4-5=3/15,qwen2.5-coder:7b=0/0}). The model
 * is the name the provider is configured with (for Azure OpenAI the deployment), matched without regard to case.
 * A model without an entry has no price: its calls' cost is unknown, never guessed, and local models cost 0 only
 * when an entry says so. Any malformed entry is a start-up error that names it, so a typo cannot go unpriced.
 */
public final class ModelPrices {

    private static final Pattern PRICE = Pattern.compile("(\\d{1,9}(?:\\.\\d{1,6})?)\\s*/\\s*(\\d{1,9}(?:\\.\\d{1,6})?)");
    private static final BigDecimal PER_MILLION = BigDecimal.valueOf(1_000_000);
    private static final int COST_SCALE = 8;

    /** USD per million input and output tokens. */
    public record Price(BigDecimal input, BigDecimal output) {
    }

    private final Map<String, Price> prices;

    private ModelPrices(Map<String, Price> prices) {
        this.prices = prices;
    }

    public static ModelPrices parse(String spec) {
        Map<String, Price> prices = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            return new ModelPrices(Map.of());
        }
        for (String raw : spec.split(",", -1)) {
            String entry = raw.strip();
            int eq = entry.lastIndexOf('=');
            String model = eq < 0 ? "" : entry.substring(0, eq).strip();
            Matcher m = PRICE.matcher(eq < 0 ? "" : entry.substring(eq + 1).strip());
            if (model.isEmpty() || !m.matches()) {
                throw new IllegalArgumentException("CODEAGENT_MODEL_PRICES: \"" + entry + "\" is not model=INPUT/OUTPUT "
                        + "(USD per million tokens, for example gpt-4.1=2.00/8.00)");
            }
            if (prices.put(key(model), new Price(new BigDecimal(m.group(1)), new BigDecimal(m.group(2)))) != null) {
                throw new IllegalArgumentException("CODEAGENT_MODEL_PRICES: model " + model + " is priced twice");
            }
        }
        return new ModelPrices(Map.copyOf(prices));
    }

    public Optional<Price> priceOf(String model) {
        return model == null ? Optional.empty() : Optional.ofNullable(prices.get(key(model)));
    }

    /** What {@code inputTokens} and {@code outputTokens} of {@code model} cost in USD; empty when it has no price. */
    public Optional<BigDecimal> cost(String model, long inputTokens, long outputTokens) {
        return priceOf(model).map(p -> p.input().multiply(BigDecimal.valueOf(inputTokens))
                .add(p.output().multiply(BigDecimal.valueOf(outputTokens)))
                .divide(PER_MILLION, COST_SCALE, RoundingMode.HALF_UP));
    }

    private static String key(String model) {
        return model.strip().toLowerCase(Locale.ROOT);
    }
}
