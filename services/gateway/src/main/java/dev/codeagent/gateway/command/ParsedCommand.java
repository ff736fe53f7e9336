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

        R pick(Pick command);

        R refine(Refine command);

        R retry(Retry command);

        R cancel(Cancel command);

        R status(Status command);

        R unknown(Unknown command);

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

    /** {@code /pick K}. */
    record Pick(int variant) implements ParsedCommand {
        @Override public <R> R accept(Visitor<R> visitor) { return visitor.pick(this); }
    }

    /** {@code /refine K <feedback>}. */
    record Refine(int variant, String feedback) implements ParsedCommand {
        @Override public <R> R accept(Visitor<R> visitor) { return visitor.refine(this); }
    }

    /** {@code /retry K [--fresh]}. */
    record Retry(int variant, boolean fresh) implements ParsedCommand {
        @Override public <R> R accept(Visitor<R> visitor) { return visitor.retry(this); }
    }

    /** {@code /cancel}. */
    record Cancel() implements ParsedCommand {
        @Override public <R> R accept(Visitor<R> visitor) { return visitor.cancel(this); }
    }

    /** {@code /status}. */
    record Status() implements ParsedCommand {
        @Override public <R> R accept(Visitor<R> visitor) { return visitor.status(this); }
    }

    /**
     * A {@code /word} the agent does not know, written after a mention; answered with {@code reason} only when the
     * mention names the agent, since a comment may address someone else's bot.
     */
    record Unknown(String reason) implements ParsedCommand {
        @Override public <R> R accept(Visitor<R> visitor) { return visitor.unknown(this); }
    }

    /** A command that is malformed; {@code reason} is shown to the user in the thread. */
    record Rejected(String reason) implements ParsedCommand {
        @Override public <R> R accept(Visitor<R> visitor) { return visitor.rejected(this); }
    }
}
