package dev.codeagent.gateway.command;

/**
 * What a comment says, as far as the agent is concerned. Callers act on it through a {@link Visitor}, so
 * that a new kind of command does not compile until every such place handles it.
 */
public sealed interface ParsedCommand {

    /** Calls the visitor's method for this kind. */
    <R> R accept(Visitor<R> visitor);

    /** One method per kind of command. */
    interface Visitor<R> {
        R notACommand(NotACommand command);

        R edit(Edit command);

        R help(Help command);

        R rejected(Rejected command);
    }

    /** The comment is not addressed to the agent; it is ignored. */
    record NotACommand() implements ParsedCommand {
        @Override public <R> R accept(Visitor<R> visitor) { return visitor.notACommand(this); }
    }

    /** {@code /edit [/N] <intent>}. */
    record Edit(int variants, String intent) implements ParsedCommand {
        @Override public <R> R accept(Visitor<R> visitor) { return visitor.edit(this); }
    }

    /** {@code /help}. */
    record Help() implements ParsedCommand {
        @Override public <R> R accept(Visitor<R> visitor) { return visitor.help(this); }
    }

    /** A command that is malformed; {@code reason} is shown to the user in the thread. */
    record Rejected(String reason) implements ParsedCommand {
        @Override public <R> R accept(Visitor<R> visitor) { return visitor.rejected(this); }
    }
}
