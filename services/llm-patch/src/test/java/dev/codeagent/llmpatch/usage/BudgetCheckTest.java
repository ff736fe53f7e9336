package dev.codeagent.llmpatch.usage;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codeagent.contracts.patch.BudgetLimit;
import dev.codeagent.contracts.patch.ModelCall;
import dev.codeagent.llmpatch.provider.ModelProvider;
import dev.codeagent.llmpatch.provider.ModelReply;
import dev.codeagent.llmpatch.provider.ModelRequest;
import dev.codeagent.llmpatch.provider.ProviderSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The check before each model call: what the call could use at most, against what is left of each budget. */
class BudgetCheckTest {

    private static final UsageMeter METER = new UsageMeter(ModelPrices.parse("gpt-4.1=2/8"), new SimpleMeterRegistry());

    private static BudgetLimit tokens(long limit, long used) {
        return new BudgetLimit("per-job tokens", BudgetLimit.Unit.TOKENS, BigDecimal.valueOf(limit),
                BigDecimal.valueOf(used));
    }

    private static BudgetLimit cost(String limit, String used) {
        return new BudgetLimit("daily cost of project Payments", BudgetLimit.Unit.USD, new BigDecimal(limit),
                new BigDecimal(used));
    }

    @Test
    void aCallIsAdmittedWhileItsPromptAndWholeAnswerFitTheTokensLeft() {
        BudgetCheck check = METER.budget(List.of(tokens(10_000, 7_000)));
        assertThatCode(() -> check.admit(model("gpt-4.1", false), 2_000, 1_000)).doesNotThrowAnyException();
        assertThatThrownBy(() -> check.admit(model("gpt-4.1", false), 2_001, 1_000))
                .isInstanceOf(BudgetReachedException.class)
                .hasMessage("budget reached: per-job tokens (7000 of 10000 tokens; the next call of azure-openai could "
                        + "use up to 3001 tokens)");
    }

    @Test
    void whatEarlierCallsOfTheRequestUsedCountsAgainstTheBudget() {
        BudgetCheck check = METER.budget(List.of(tokens(10_000, 7_000)));
        check.spent(new ModelCall("azure-openai", "gpt-4.1", 400, 100, 10, null));
        assertThatThrownBy(() -> check.admit(model("gpt-4.1", false), 2_000, 1_000))
                .hasMessageStartingWith("budget reached: per-job tokens (7500 of 10000 tokens;");
    }

    @Test
    void aCallIsPricedAtItsPromptEstimateAndItsWholeAnswerAgainstTheCostLeft() {
        // 100,000 in at 2 USD and 10,000 out at 8 USD per million: 0.28 USD at most.
        BudgetCheck check = METER.budget(List.of(cost("1.00", "0.72")));
        assertThatCode(() -> check.admit(model("gpt-4.1", false), 100_000, 10_000)).doesNotThrowAnyException();
        check.spent(new ModelCall("azure-openai", "gpt-4.1", 1, 0, 10, new BigDecimal("0.000002")));
        assertThatThrownBy(() -> check.admit(model("gpt-4.1", false), 100_000, 10_000))
                .hasMessage("budget reached: daily cost of project Payments (0.720002 of 1 USD; the next call of "
                        + "azure-openai could use up to 0.28 USD)");
    }

    @Test
    void aModelWithoutAPriceIsRefusedUnderACostBudgetButNotUnderATokenBudget() {
        assertThatThrownBy(() -> METER.budget(List.of(cost("5", "0"))).admit(model("gpt-5", false), 10, 10))
                .isInstanceOf(BudgetReachedException.class)
                .hasMessage("budget cannot be checked: daily cost of project Payments (0 of 5 USD): model gpt-5 of "
                        + "azure-openai has no price in CODEAGENT_MODEL_PRICES");
        assertThatCode(() -> METER.budget(List.of(tokens(100, 0))).admit(model("gpt-5", false), 10, 10))
                .doesNotThrowAnyException();
    }

    @Test
    void theOfflineProviderCallsNoModelAndIsAlwaysAdmitted() {
        BudgetCheck check = METER.budget(List.of(tokens(10, 10), cost("0.01", "0.01")));
        assertThatCode(() -> check.admit(model("offline-v1", true), 5_000, 1_000)).doesNotThrowAnyException();
    }

    @Test
    void withoutBudgetsEveryCallIsAdmitted() {
        assertThatCode(() -> METER.budget(List.of()).admit(model("gpt-5", false), 1_000_000, 100_000))
                .doesNotThrowAnyException();
    }

    private static ModelProvider model(String model, boolean offline) {
        ProviderSettings settings = new ProviderSettings(offline ? "offline" : "azure-openai", model, null, 128_000,
                1_000, Duration.ofSeconds(5), 0.2, 1.0, false);
        return new ModelProvider() {
            @Override
            public ProviderSettings settings() {
                return settings;
            }

            @Override
            public boolean offline() {
                return offline;
            }

            @Override
            public ModelReply complete(ModelRequest request, double temperature) {
                throw new AssertionError("the check calls no model");
            }
        };
    }
}
