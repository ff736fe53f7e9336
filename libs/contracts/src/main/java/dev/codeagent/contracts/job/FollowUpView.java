package dev.codeagent.contracts.job;

import dev.codeagent.contracts.command.CommandKind;
import java.time.Instant;

/**
 * A follow-up command of a job's thread ({@code /pick}, {@code /refine}, {@code /retry}, {@code /cancel},
 * {@code /status}), as {@code GET /api/orchestrators/{id}} lists it under the edit job.
 *
 * @param id        the follow-up's own job id
 * @param kind      which command
 * @param variant   the variant it names (K), or null
 * @param state     where it stands
 * @param outcome   how it ended, once it did
 * @param error     why it did not do what it was asked, when it did not
 * @param createdAt when the command arrived
 */
public record FollowUpView(String id, CommandKind kind, Integer variant, RuntimeStatus state, Outcome outcome,
        String error, Instant createdAt) {
}
