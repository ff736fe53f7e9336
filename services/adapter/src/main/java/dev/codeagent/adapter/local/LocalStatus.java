package dev.codeagent.adapter.local;

import dev.codeagent.contracts.git.StatusState;
import java.time.Instant;

/** One status posted on a local pull request; the latest per {@code genre/name} is the current one. */
public record LocalStatus(long id, StatusState state, String genre, String name, String description,
        String targetUrl, Instant createdAt) {
}
