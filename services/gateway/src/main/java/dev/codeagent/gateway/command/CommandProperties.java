package dev.codeagent.gateway.command;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Command grammar limits and the agent's own identities.
 *
 * @param maxVariants      largest N accepted in {@code /edit /N} ({@code CODEAGENT_MAX_VARIANTS})
 * @param maxIntentLength  longest intent in characters ({@code CODEAGENT_MAX_INTENT_LENGTH})
 * @param agentIdentityIds Azure DevOps identity ids the agent posts as; their comments are ignored
 * @param agentUniqueNames unique names (logins, e-mails) the agent posts as; their comments are ignored
 * @param requireMention   only comments whose leading mentions name the agent are commands
 *                         ({@code CODEAGENT_REQUIRE_MENTION})
 * @param agentMentionNames names that mention the agent when typed as {@code @Name} or {@code @"Name"}
 *                         ({@code CODEAGENT_AGENT_MENTION_NAMES}); {@code @<id>} mentions name it by one of
 *                         {@code agentIdentityIds}
 */
@Validated
@ConfigurationProperties("codeagent.command")
public record CommandProperties(
        @Min(1) @Max(100) int maxVariants,
        @Min(1) @Max(8000) int maxIntentLength,
        List<String> agentIdentityIds,
        List<String> agentUniqueNames,
        boolean requireMention,
        List<String> agentMentionNames) {

    public CommandProperties {
        agentIdentityIds = normalized(agentIdentityIds);
        agentUniqueNames = normalized(agentUniqueNames);
        agentMentionNames = normalized(agentMentionNames);
        if (requireMention && agentIdentityIds.isEmpty() && agentMentionNames.isEmpty()) {
            throw new IllegalStateException("CODEAGENT_REQUIRE_MENTION=true needs the agent's identity ids "
                    + "(CODEAGENT_AGENT_IDENTITY_IDS) or mention names (CODEAGENT_AGENT_MENTION_NAMES): without "
                    + "them no comment could ever mention the agent.");
        }
    }

    private static List<String> normalized(List<String> values) {
        return values == null ? List.of() : values.stream()
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .map(v -> v.toLowerCase(Locale.ROOT))
                .toList();
    }
}
