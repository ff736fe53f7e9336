package dev.codeagent.adapter.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dev.codeagent.adapter.provider.GitProblems;
import dev.codeagent.adapter.provider.GitProvider;
import dev.codeagent.adapter.provider.RepositoryCoordinates;
import dev.codeagent.adapter.provider.TriggerPolicy;
import dev.codeagent.contracts.command.Author;
import dev.codeagent.contracts.git.TriggerPermission;
import dev.codeagent.platform.web.ApiProblemException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The policy around the git host's answer: defaults per provider, named users, no groups, cache, start-up log. */
@ExtendWith(OutputCaptureExtension.class)
class TriggerGateTest {

    static final RepositoryCoordinates REPO = new RepositoryCoordinates("contoso", "Web Shop", "shop");
    static final Author DEV = new Author("6f1c", "dev@contoso.com", "Dev");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-04T08:00:00Z"), ZoneOffset.UTC);

    /** A provider without groups, like the local one. */
    static GitProvider local() {
        GitProvider provider = mock(GitProvider.class, CALLS_REAL_METHODS);
        doReturn("local").when(provider).name();
        return provider;
    }

    /** A provider with groups whose members may trigger by default, like azure-devops. */
    static GitProvider withGroups(Optional<String> memberOf) {
        GitProvider provider = mock(GitProvider.class, CALLS_REAL_METHODS);
        doReturn("azure-devops").when(provider).name();
        doReturn(TriggerPolicy.MEMBERS).when(provider).defaultTriggerPolicy();
        doAnswer(call -> List.of("[" + call.getArgument(0, RepositoryCoordinates.class).project() + "]\\Contributors"))
                .when(provider).defaultTriggerGroups(any());
        doReturn(memberOf).when(provider).groupOf(any(), any(), any());
        return provider;
    }

    static TriggerGate gate(TriggerPolicy policy, List<String> groups, List<String> users, Duration ttl) {
        return new TriggerGate(new TriggerProperties(policy, groups, users, ttl), CLOCK);
    }

    @Test
    void eachProviderHasItsDefaultPolicy() {
        TriggerGate gate = gate(null, List.of(), List.of(), Duration.ofMinutes(10));

        assertThat(gate.policyOf(local())).isEqualTo(TriggerPolicy.ANY);
        assertThat(gate.policyOf(withGroups(Optional.empty()))).isEqualTo(TriggerPolicy.MEMBERS);
        TriggerPermission anyone = gate.check(local(), REPO, DEV);
        assertThat(anyone.allowed()).isTrue();
        assertThat(anyone.allowedGroups()).isEmpty();
        assertThat(gate.check(withGroups(Optional.empty()), REPO, DEV).allowed()).isFalse();
    }

    @Test
    void withoutGroupsOnlyNamedUsersMayTriggerUnderMembers() {
        TriggerGate gate = gate(TriggerPolicy.MEMBERS, List.of(), List.of(" Dev@Contoso.com ", ""),
                Duration.ofMinutes(10));

        assertThat(gate.check(local(), REPO, DEV).allowed()).isTrue();
        TriggerPermission other = gate.check(local(), REPO, new Author("7", "eve@contoso.com", "Eve"));
        assertThat(other.allowed()).isFalse();
        assertThat(other.reason()).contains("eve@contoso.com").contains("CODEAGENT_TRIGGER_USERS");
        assertThat(other.allowedGroups()).isEmpty();
        assertThat(gate.check(local(), REPO, null).allowed()).as("no author").isFalse();
    }

    @Test
    void configuredGroupsComeAfterTheProvidersOwnEachOnce() {
        GitProvider provider = withGroups(Optional.of("[Payments]\\Contributors"));
        TriggerGate gate = gate(null, List.of("[web shop]\\contributors", "[Payments]\\Contributors"), List.of(),
                Duration.ofMinutes(10));

        TriggerPermission answer = gate.check(provider, REPO, DEV);

        assertThat(answer.allowed()).isTrue();
        assertThat(answer.reason()).isEqualTo("dev@contoso.com is a member of [Payments]\\Contributors");
        assertThat(answer.allowedGroups()).containsExactly("[Web Shop]\\Contributors", "[Payments]\\Contributors");
        verify(provider).groupOf(REPO, DEV, answer.allowedGroups());
    }

    @Test
    void answersAreRememberedPerAuthorAndProjectUnlessTheCacheIsOff() {
        GitProvider provider = withGroups(Optional.empty());
        TriggerGate cached = gate(null, List.of(), List.of(), Duration.ofMinutes(10));
        cached.check(provider, REPO, DEV);
        cached.check(provider, REPO, DEV);
        cached.check(provider, new RepositoryCoordinates("contoso", "Payments", "api"), DEV);
        verify(provider, times(2)).groupOf(any(), any(), any());

        GitProvider uncachedProvider = withGroups(Optional.empty());
        TriggerGate uncached = gate(null, List.of(), List.of(), Duration.ZERO);
        uncached.check(uncachedProvider, REPO, DEV);
        uncached.check(uncachedProvider, REPO, DEV);
        verify(uncachedProvider, times(2)).groupOf(any(), any(), any());
    }

    @Test
    void aHostThatCannotAnswerIsNeitherAnAnswerNorRemembered() {
        GitProvider provider = withGroups(Optional.of("[Web Shop]\\Contributors"));
        doThrow(GitProblems.unavailable("identities down", Duration.ofSeconds(5), null)).doReturn(
                Optional.of("[Web Shop]\\Contributors")).when(provider).groupOf(any(), any(), any());
        TriggerGate gate = gate(null, List.of(), List.of(), Duration.ofMinutes(10));

        assertThatThrownBy(() -> gate.check(provider, REPO, DEV)).isInstanceOf(ApiProblemException.class)
                .hasMessageContaining("identities down");
        assertThat(gate.check(provider, REPO, DEV).allowed()).isTrue();
    }

    @Test
    void namedUsersAreAllowedWithoutAskingTheHost() {
        GitProvider provider = withGroups(Optional.empty());

        assertThat(gate(null, List.of(), List.of("dev@contoso.com"), Duration.ofMinutes(10))
                .check(provider, REPO, DEV).allowed()).isTrue();
        verify(provider, never()).groupOf(any(), any(), any());
    }

    @Test
    void theStartUpLogSaysWhoMayTriggerAndWhenTheGateIsOff(CapturedOutput output) {
        gate(null, List.of("[Payments]\\Contributors"), List.of("ops@contoso.com"), Duration.ofMinutes(10))
                .logPolicies(List.of(withGroups(Optional.empty()), local()));
        assertThat(output).contains("Who may trigger the agent on azure-devops: members (direct or nested) of "
                + "[{project}]\\Contributors, [Payments]\\Contributors and the users ops@contoso.com; the git host's "
                + "answers are reused for 10m (the default of azure-devops")
                .contains("Who may trigger the agent on local: anyone who can comment on a pull request; the trigger "
                        + "gate is OFF (the default of local");

        gate(TriggerPolicy.ANY, List.of(), List.of(), Duration.ofMinutes(10))
                .logPolicies(List.of(withGroups(Optional.empty())));
        assertThat(output).containsPattern("WARN .*Who may trigger the agent on azure-devops: anyone .*gate is OFF "
                + "\\(CODEAGENT_TRIGGER_POLICY=any\\)");

        gate(TriggerPolicy.MEMBERS, List.of(), List.of(), Duration.ofMinutes(10)).logPolicies(List.of(local()));
        assertThat(output).containsPattern("WARN .*Who may trigger the agent on local: NOBODY");
    }

    @Test
    void groupsMustBeNamedInFullAndTheCacheTimeNotNegative() {
        assertThatThrownBy(() -> new TriggerProperties(null, List.of("Contributors"), List.of(), Duration.ZERO))
                .hasMessageContaining("CODEAGENT_TRIGGER_GROUPS").hasMessageContaining("[scope]\\Name");
        assertThatThrownBy(() -> new TriggerProperties(null, List.of(), List.of(), Duration.ofSeconds(-1)))
                .hasMessageContaining("CODEAGENT_TRIGGER_CACHE_TTL");
        assertThat(new TriggerProperties(null, null, null, Duration.ZERO).groups()).isEmpty();
    }
}
