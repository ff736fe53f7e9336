package dev.codeagent.gateway.ratelimit;

import dev.codeagent.gateway.delivery.CommentEvent;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The configured limits per repository and per author. A flood of commands from one place is refused
 * with 429 before it reaches the orchestrator; other repositories and people are unaffected. A command is
 * counted once, by its idempotency key: a redelivery of one that was let through (a retry, or the delivery
 * Azure DevOps fires again when the comment is edited) passes without being counted, and the orchestrator
 * answers it as the duplicate it is. Two copies of a comment arriving at the very same moment may both be
 * counted; Azure DevOps only redelivers after an answer or a timeout.
 */
@Component
public class CommandRateLimits {

    /** Far more commands than the limits let through while Azure DevOps still retries a delivery (minutes). */
    private static final int MAX_COUNTED_COMMANDS = 20_000;

    private final FixedWindowRateLimiter perRepository;
    private final FixedWindowRateLimiter perAuthor;
    private final CountedKeys counted = new CountedKeys(MAX_COUNTED_COMMANDS);

    public CommandRateLimits(RateLimitProperties properties) {
        this.perRepository = new FixedWindowRateLimiter(properties.perRepository(), properties.window(),
                properties.maxKeys(), System::nanoTime);
        this.perAuthor = new FixedWindowRateLimiter(properties.perAuthor(), properties.window(),
                properties.maxKeys(), System::nanoTime);
    }

    /** A refusal to answer with, or null when the command with this idempotency key may proceed. */
    public Refusal check(CommentEvent event, String idempotencyKey) {
        if (counted.contains(idempotencyKey)) {
            return null;
        }
        String provider = event.repository().provider();
        Duration wait = perAuthor.tryAcquire(provider + ':' + event.repository().organization() + ':'
                + event.author().id());
        if (wait != null) {
            return new Refusal("author", wait);
        }
        wait = perRepository.tryAcquire(provider + ':' + event.repository().slug());
        if (wait != null) {
            return new Refusal("repository", wait);
        }
        counted.add(idempotencyKey);
        return null;
    }

    /** Which limit was hit and when to try again. */
    public record Refusal(String scope, Duration retryAfter) {
    }
}
