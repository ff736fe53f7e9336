package dev.codeagent.gateway.intake;

import dev.codeagent.contracts.AgentMarker;
import dev.codeagent.contracts.command.Author;
import dev.codeagent.gateway.command.CommandProperties;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Recognises what the agent itself wrote, so that it never reacts to its own comments. */
@Component
public class AgentIdentity {

    private final Set<String> ids;
    private final Set<String> uniqueNames;

    public AgentIdentity(CommandProperties properties) {
        this.ids = Set.copyOf(properties.agentIdentityIds());
        this.uniqueNames = Set.copyOf(properties.agentUniqueNames());
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
}
