package dev.codeagent.gateway.intake;

import dev.codeagent.contracts.AgentMarker;
import dev.codeagent.contracts.command.Author;
import dev.codeagent.gateway.command.CommandProperties;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Recognises what the agent itself wrote, so that it never reacts to its own comments, and whether a
 * comment mentions the agent.
 */
@Component
public class AgentIdentity {

    private static final Logger log = LoggerFactory.getLogger(AgentIdentity.class);

    private final Set<String> ids;
    private final Set<String> uniqueNames;
    private final Set<String> mentionNames;

    public AgentIdentity(CommandProperties properties) {
        this.ids = Set.copyOf(properties.agentIdentityIds());
        this.uniqueNames = Set.copyOf(properties.agentUniqueNames());
        this.mentionNames = Set.copyOf(properties.agentMentionNames());
        if (properties.requireMention() && ids.isEmpty()) {
            log.warn("CODEAGENT_REQUIRE_MENTION is on but CODEAGENT_AGENT_IDENTITY_IDS is empty: only typed "
                    + "mentions ({}) start commands, not the @<id> mentions Azure DevOps writes when someone picks "
                    + "the agent from its list.", properties.agentMentionNames());
        }
    }

    public boolean wrote(Author author, String content) {
        if (AgentMarker.isPresentIn(content)) {
            return true;
        }
        if (author == null) {
            return false;
        }
        return (author.id() != null && !ids.isEmpty() && ids.contains(author.id().toLowerCase(Locale.ROOT)))
                || (author.uniqueName() != null && !uniqueNames.isEmpty()
                        && uniqueNames.contains(author.uniqueName().toLowerCase(Locale.ROOT)));
    }

    /** Whether one of {@code mentioned} (ids and names, as the parser read them) is the agent. */
    public boolean isAmong(List<String> mentioned) {
        for (String name : mentioned) {
            String key = name.strip().toLowerCase(Locale.ROOT);
            if (ids.contains(key) || mentionNames.contains(key)) {
                return true;
            }
        }
        return false;
    }
}
