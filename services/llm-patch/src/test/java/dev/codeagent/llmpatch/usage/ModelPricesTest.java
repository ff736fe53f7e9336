package dev.codeagent.llmpatch.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codeagent.contracts.patch.ModelCall;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelPricesTest {

    @Test
    void pricesPerMillionTokensInAndOut() {
        ModelPrices prices = ModelPrices.parse(" gpt-4.1=2.00/8.00, claude-sonnet-4-5 = 3 / 15 ,qwen2.5-coder:7b=0/0");
        assertThat(prices.cost("gpt-4.1", 1_000_000, 0)).hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("2"));
        assertThat(prices.cost("GPT-4.1", 12_000, 1_500))
                .hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("0.036"));
        assertThat(prices.cost("claude-sonnet-4-5", 1000, 1000))
                .hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("0.018"));
        assertThat(prices.cost("qwen2.5-coder:7b", 50_000, 2_000))
                .as("a local model costs nothing only because it is configured so")
                .hasValueSatisfying(c -> assertThat(c).isZero());
    }

    @Test
    void aModelWithoutAPriceHasAnUnknownCostNeverAGuess() {
        assertThat(ModelPrices.parse("gpt-4.1=2/8").cost("gpt-4.1-mini", 10, 10)).isEmpty();
        assertThat(ModelPrices.parse("").cost("qwen2.5-coder:7b", 10, 10)).isEmpty();
        assertThat(ModelPrices.parse(null).cost("offline", 10, 10)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpt-4.1=2.00", "gpt-4.1=2/8/1", "=2/8", "gpt-4.1:2/8", "gpt-4.1=-2/8", "gpt-4.1=two/8",
            "gpt-4.1=2/8,,claude=3/15", "gpt-4.1=2/8,"})
    void aMalformedEntryIsAnErrorThatNamesIt(String spec) {
        assertThatThrownBy(() -> ModelPrices.parse(spec)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("CODEAGENT_MODEL_PRICES: \"")
                .hasMessageContaining("is not model=INPUT/OUTPUT");
    }

    @Test
    void aModelPricedTwiceIsAnError() {
        assertThatThrownBy(() -> ModelPrices.parse("gpt-4.1=2/8,GPT-4.1=3/9"))
                .hasMessage("CODEAGENT_MODEL_PRICES: model GPT-4.1 is priced twice");
    }

    @Test
    void theMeterCountsTokensOfEveryCallAndCostOnlyOfPricedOnes() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        UsageMeter meter = new UsageMeter(ModelPrices.parse("gpt-4.1=2/8"), registry);
        ModelCall priced = meter.record("openai", "gpt-4.1", 1000, 500, 42);
        ModelCall unpriced = meter.record("ollama", "qwen2.5-coder:7b", 3000, 200, 900);
        assertThat(priced.costUsd()).isEqualByComparingTo("0.006");
        assertThat(priced.latencyMs()).isEqualTo(42);
        assertThat(unpriced.costUsd()).isNull();
        assertThat(registry.get("codeagent.model.tokens").tags("provider", "ollama", "direction", "input").counter()
                .count()).isEqualTo(3000);
        assertThat(registry.get("codeagent.model.cost").tags("provider", "openai").counter().count()).isEqualTo(0.006);
        assertThat(registry.find("codeagent.model.cost").tags("provider", "ollama").counter()).isNull();
    }
}
