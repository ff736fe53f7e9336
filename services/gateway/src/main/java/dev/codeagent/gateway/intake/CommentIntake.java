package dev.codeagent.gateway.intake;

import dev.codeagent.contracts.command.CommandKind;
import dev.codeagent.contracts.command.StartJobRequest;
import dev.codeagent.gateway.command.CommandParser;
import dev.codeagent.gateway.command.CommandProperties;
import dev.codeagent.gateway.command.ParsedCommand;
import dev.codeagent.gateway.delivery.CommentEvent;
import dev.codeagent.gateway.handoff.HandoffResult;
import dev.codeagent.gateway.handoff.OrchestratorClient;
import dev.codeagent.gateway.metrics.GatewayMetrics;
import dev.codeagent.gateway.ratelimit.CommandRateLimits;
import dev.codeagent.gateway.scope.DeliveryScope;
import dev.codeagent.gateway.text.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Decides what to do with a comment: refuse it (outside the gateway's scope, or over a rate limit), ignore
 * it (deleted, the agent's own, not a command, or — with {@code CODEAGENT_REQUIRE_MENTION} — a command that
 * does not mention the agent), or hand it to the orchestrator — malformed commands
 * included, as {@code rejected}, so the author gets a helpful reply in the thread. Exactly-once is the
 * orchestrator's job: the idempotency key names the comment, so retries, edits and concurrent replicas all
 * map to one job.
 */
@Service
public class CommentIntake {

    private static final Logger log = LoggerFactory.getLogger(CommentIntake.class);

    private final DeliveryScope scope;
    private final CommandParser parser;
    private final boolean requireMention;
    private final AgentIdentity agentIdentity;
    private final CommandRateLimits rateLimits;
    private final OrchestratorClient orchestrator;
    private final GatewayMetrics metrics;

    public CommentIntake(DeliveryScope scope, CommandProperties commands, AgentIdentity agentIdentity,
            CommandRateLimits rateLimits, OrchestratorClient orchestrator, GatewayMetrics metrics) {
        this.scope = scope;
        this.parser = new CommandParser(commands.maxVariants(), commands.maxIntentLength());
        this.requireMention = commands.requireMention();
        this.agentIdentity = agentIdentity;
        this.rateLimits = rateLimits;
        this.orchestrator = orchestrator;
        this.metrics = metrics;
    }

    public IntakeOutcome handle(CommentEvent event) {
        String outOfScope = scope.refusal(event.repository());
        if (outOfScope != null) {
            log.warn("Delivery for {} refused: {}", LogText.escape(event.repository().slug()),
                    LogText.escape(outOfScope));
            return new IntakeOutcome.Forbidden(outOfScope);
        }
        if (event.deleted()) {
            return new IntakeOutcome.Ignored("deleted-comment");
        }
        if (event.systemComment()) {
            return new IntakeOutcome.Ignored("system-comment");
        }
        if (agentIdentity.wrote(event.author(), event.content())) {
            return new IntakeOutcome.Ignored("agent-comment");
        }
        ParsedCommand command = parser.parse(event.content());
        metrics.parsed(command.accept(PARSE_TAGS));
        if (command instanceof ParsedCommand.NotACommand) {
            return new IntakeOutcome.Ignored("not-a-command");
        }
        if ((requireMention || command instanceof ParsedCommand.Unknown)
                && !agentIdentity.isAmong(CommandParser.leadingMentions(event.content()))) {
            return new IntakeOutcome.Ignored("agent-not-mentioned");
        }
        String key = StartJobRequest.keyOf(event.repository(), event.pullRequestId(), event.threadId(),
                event.commentId());
        CommandRateLimits.Refusal refusal = rateLimits.check(event, key);
        if (refusal != null) {
            log.warn("Rate limit per {} reached for {} (author {})", refusal.scope(),
                    LogText.escape(event.repository().slug()), LogText.escape(event.author().id()));
            return new IntakeOutcome.RateLimited(refusal.scope(), refusal.retryAfter());
        }
        StartJobRequest request = toRequest(event, key, command);
        return orchestrator.start(request).accept(new HandoffOutcome(request, event.edited()));
    }

    /** The {@code outcome} tag of the parse counter. */
    private static final ParsedCommand.Visitor<String> PARSE_TAGS = new ParsedCommand.Visitor<>() {
        @Override public String notACommand(ParsedCommand.NotACommand command) { return "not-a-command"; }
        @Override public String edit(ParsedCommand.Edit command) { return "edit"; }
        @Override public String help(ParsedCommand.Help command) { return "help"; }
        @Override public String rejected(ParsedCommand.Rejected command) { return "rejected"; }
        @Override public String pick(ParsedCommand.Pick command) { return "pick"; }
        @Override public String refine(ParsedCommand.Refine command) { return "refine"; }
        @Override public String retry(ParsedCommand.Retry command) { return "retry"; }
        @Override public String cancel(ParsedCommand.Cancel command) { return "cancel"; }
        @Override public String status(ParsedCommand.Status command) { return "status"; }
        @Override public String unknown(ParsedCommand.Unknown command) { return "unknown"; }
    };

    /** What a hand-off's result means for the delivery of the comment. */
    private record HandoffOutcome(StartJobRequest request, boolean edited)
            implements HandoffResult.Visitor<IntakeOutcome> {

        @Override
        public IntakeOutcome created(HandoffResult.Created created) {
            log.info("Job {} started for {} ({} /{})", LogText.escape(created.jobId()),
                    LogText.escape(request.idempotencyKey()), request.kind(), request.variants());
            return new IntakeOutcome.Accepted(created.jobId());
        }

        @Override
        public IntakeOutcome existing(HandoffResult.Existing existing) {
            // An edited comment fires the same event again; the command it carried was already taken.
            return edited
                    ? new IntakeOutcome.Ignored("edit-of-handled-comment", existing.jobId())
                    : new IntakeOutcome.Duplicate(existing.jobId());
        }

        @Override
        public IntakeOutcome unavailable(HandoffResult.Unavailable unavailable) {
            return new IntakeOutcome.Unavailable(unavailable.detail(), unavailable.retryAfter());
        }

        @Override
        public IntakeOutcome refused(HandoffResult.Refused refused) {
            return new IntakeOutcome.Refused(refused.detail());
        }
    }

    private static StartJobRequest toRequest(CommentEvent event, String key, ParsedCommand command) {
        return command.accept(new ParsedCommand.Visitor<>() {
            @Override
            public StartJobRequest notACommand(ParsedCommand.NotACommand notACommand) {
                throw new IllegalArgumentException("A comment that is not a command starts no job");
            }

            @Override
            public StartJobRequest edit(ParsedCommand.Edit edit) {
                return request(event, key, CommandKind.EDIT, edit.intent(), edit.variants(), null);
            }

            @Override
            public StartJobRequest help(ParsedCommand.Help help) {
                return request(event, key, CommandKind.HELP, null, 0, null);
            }

            @Override
            public StartJobRequest rejected(ParsedCommand.Rejected rejected) {
                return request(event, key, CommandKind.REJECTED, null, 0, rejected.reason());
            }

            @Override
            public StartJobRequest pick(ParsedCommand.Pick pick) {
                return followUp(event, key, CommandKind.PICK, null, pick.variant(), false);
            }

            @Override
            public StartJobRequest refine(ParsedCommand.Refine refine) {
                return followUp(event, key, CommandKind.REFINE, refine.feedback(), refine.variant(), false);
            }

            @Override
            public StartJobRequest retry(ParsedCommand.Retry retry) {
                return followUp(event, key, CommandKind.RETRY, null, retry.variant(), retry.fresh());
            }

            @Override
            public StartJobRequest cancel(ParsedCommand.Cancel cancel) {
                return request(event, key, CommandKind.CANCEL, null, 0, null);
            }

            @Override
            public StartJobRequest status(ParsedCommand.Status status) {
                return request(event, key, CommandKind.STATUS, null, 0, null);
            }

            @Override
            public StartJobRequest unknown(ParsedCommand.Unknown unknown) {
                return request(event, key, CommandKind.REJECTED, null, 0, unknown.reason());
            }
        });
    }

    private static StartJobRequest request(CommentEvent event, String key, CommandKind kind, String intent,
            int variants, String rejection) {
        return request(event, key, kind, intent, variants, rejection, null, false);
    }

    private static StartJobRequest followUp(CommentEvent event, String key, CommandKind kind, String intent,
            int variant, boolean fresh) {
        return request(event, key, kind, intent, 0, null, variant, fresh);
    }

    private static StartJobRequest request(CommentEvent event, String key, CommandKind kind, String intent,
            int variants, String rejection, Integer variant, boolean fresh) {
        return new StartJobRequest(key, event.repository(), event.pullRequestId(), event.threadId(),
                event.commentId(), event.parentCommentId(), event.author(), kind, intent, variants, rejection,
                event.sourceRef(), event.targetRef(), event.sourceCommit(), event.deliveryId(),
                event.commentUpdatedAt(), variant, fresh);
    }
}
