package dev.codeagent.gateway.ratelimit;

import dev.codeagent.gateway.delivery.CommentEvent;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The configured limits per repository and per author. A flood of commands from one place is refused
 * with 429 before it reaches the orchestrator; other repositories and people are unaffected.
 */
@Component
public class CommandRateLimits {

    private static final int MAX_KEYS = 100_000;

    private final FixedWindowRateLimiter perRepository;
    private final FixedWindowRateLimiter perAuthor;

    public CommandRateLimits(RateLimitProperties properties) {
        this.perRepository = new FixedWindowRateLimiter(properties.perRepository(), properties.window(), MAX_KEYS,
                System::nanoTime);
        this.perAuthor = new FixedWindowRateLimiter(properties.perAuthor(), properties.window(), MAX_KEYS,
                System::nanoTime);
    }

    /** A refusal to answer with, or null when the command may proceed. */
    public Refusal check(CommentEvent event) {
        String provider = event.repository().provider();
        Duration wait = perAuthor.tryAcquire(provider + ':' + event.repository().organization() + ':'
                + event.author().id());
        if (wait != null) {
            return new Refusal("author", wait);
        }
        wait = perRepository.tryAcquire(provider + ':' + event.repository().slug());
        return wait == null ? null : new Refusal("repository", wait);
    }

    /** Which limit was hit and when to try again. */
    public record Refusal(String scope, Duration retryAfter) {
    }
}
