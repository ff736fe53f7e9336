package dev.codeagent.adapter.trigger;

import dev.codeagent.adapter.provider.TriggerPolicy;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who may ask the agent for changes.
 *
 * @param policy   {@code members} or {@code any}; unset, each provider's default ({@code members} for azure-devops,
 *                 {@code any} for local)
 * @param groups   groups whose members (direct or nested) may trigger, besides the provider's default groups, named
 *                 in full as {@code [scope]\Name}: {@code [Payments]\Contributors}, {@code [fabrikam]\Release Managers}
 * @param users    unique names (login or e-mail) that may trigger whatever their groups; compared without case
 * @param cacheTtl how long an answer of the git host is reused for the same author and project
 */
@Validated
@ConfigurationProperties("codeagent.trigger")
public record TriggerProperties(TriggerPolicy policy, List<String> groups, List<String> users,
        @NotNull Duration cacheTtl) {

    private static final Pattern GROUP = Pattern.compile("\\[[^\\]]+\\]\\\\[^\\\\]+");

    public TriggerProperties {
        groups = tidy(groups);
        users = tidy(users);
        for (String group : groups) {
            if (!GROUP.matcher(group).matches()) {
                throw new IllegalArgumentException("CODEAGENT_TRIGGER_GROUPS: '" + group + "' is not a group name of "
                        + "the form [scope]\\Name, e.g. [Payments]\\Contributors or [fabrikam]\\Release Managers");
            }
        }
        if (cacheTtl != null && cacheTtl.isNegative()) {
            throw new IllegalArgumentException("CODEAGENT_TRIGGER_CACHE_TTL must not be negative");
        }
    }

    private static List<String> tidy(List<String> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).map(String::strip)
                .filter(v -> !v.isEmpty()).distinct().toList();
    }
}
