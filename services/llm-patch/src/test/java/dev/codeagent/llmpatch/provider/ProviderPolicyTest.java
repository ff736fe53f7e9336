package dev.codeagent.llmpatch.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderPolicyTest {

    static final List<String> KNOWN = List.of("ollama", "azure-openai", "anthropic", "openai", "offline");

    @Test
    void projectsMatchCaseInsensitivelyAndUnnamedProjectsAreFree() {
        ProviderPolicy policy = ProviderPolicy.parse(" Payments = ollama ; Mobile=Azure-OpenAI, ollama;", KNOWN);
        assertThat(policy.ruleFor("PAYMENTS").providers()).containsExactly("ollama");
        assertThat(policy.ruleFor("payments").describe("payments"))
                .isEqualTo("provider policy for project Payments allows only ollama");
        assertThat(policy.ruleFor("mobile").providers()).containsExactly("azure-openai", "ollama");
        assertThat(policy.ruleFor("Web")).isNull();
        assertThat(policy.ruleFor(null)).isNull();
        assertThat(policy.deniedProjects("anthropic")).containsExactly("Mobile", "Payments");
        assertThat(policy.deniedProjects("azure-openai")).containsExactly("Payments");
        assertThat(policy.deniedProjects("ollama")).isEmpty();
    }

    @Test
    void starRuleCoversEveryOtherProjectAndRequestsWithoutOne() {
        ProviderPolicy policy = ProviderPolicy.parse("*=ollama;Web=openai,ollama", KNOWN);
        assertThat(policy.ruleFor("web").providers()).containsExactly("openai", "ollama");
        assertThat(policy.ruleFor("Payments").describe("Payments"))
                .isEqualTo("provider policy for project Payments (rule *) allows only ollama");
        assertThat(policy.ruleFor(" ").describe(null))
                .isEqualTo("provider policy for project (none given) (rule *) allows only ollama");
        assertThat(policy.deniedProjects("openai")).containsExactly("*");
    }

    @Test
    void emptyPolicyRestrictsNothing() {
        assertThat(ProviderPolicy.parse("", KNOWN).ruleFor("Payments")).isNull();
        assertThat(ProviderPolicy.parse(null, KNOWN).deniedProjects("openai")).isEmpty();
    }

    @Test
    void mistakesFailAtStartUpRatherThanLockingAProjectOut() {
        assertThatThrownBy(() -> ProviderPolicy.parse("Payments=olama", KNOWN))
                .hasMessageContaining("unknown provider \"olama\" for project Payments");
        assertThatThrownBy(() -> ProviderPolicy.parse("Payments", KNOWN)).hasMessageContaining("Project=provider");
        assertThatThrownBy(() -> ProviderPolicy.parse("Payments=", KNOWN)).hasMessageContaining("names no provider");
        assertThatThrownBy(() -> ProviderPolicy.parse("Payments=ollama;PAYMENTS=openai", KNOWN))
                .hasMessageContaining("two rules");
    }
}
