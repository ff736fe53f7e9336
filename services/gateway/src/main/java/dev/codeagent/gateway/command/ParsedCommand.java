package dev.codeagent.gateway.command;

/** What a comment says, as far as the agent is concerned. */
public sealed interface ParsedCommand {

    /** The comment is not addressed to the agent; it is ignored. */
    record NotACommand() implements ParsedCommand {
    }

    /** {@code /edit [/N] <intent>}. */
    record Edit(int variants, String intent) implements ParsedCommand {
    }

    /** {@code /help}. */
    record Help() implements ParsedCommand {
    }

    /** A command that is malformed; {@code reason} is shown to the user in the thread. */
    record Rejected(String reason) implements ParsedCommand {
    }

    /** Short name for metrics and logs. */
    default String outcome() {
        if (this instanceof Edit) {
            return "edit";
        }
        if (this instanceof Help) {
            return "help";
        }
        if (this instanceof Rejected) {
            return "rejected";
        }
        return "not-a-command";
    }
}
