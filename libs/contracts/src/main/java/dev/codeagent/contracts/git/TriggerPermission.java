package dev.codeagent.contracts.git;

import java.util.List;

/**
 * The adapter's answer to a {@link TriggerPermissionRequest}.
 *
 * @param allowed       whether the author may trigger the agent here
 * @param reason        why, in words fit for a log line or an audit record
 * @param allowedGroups the groups whose members may trigger here, as the git host names them
 *                      ({@code [Web Shop]\Contributors}); empty when anyone may, or when only named users may
 */
public record TriggerPermission(boolean allowed, String reason, List<String> allowedGroups) {

    public TriggerPermission {
        allowedGroups = allowedGroups == null ? List.of() : List.copyOf(allowedGroups);
    }
}
