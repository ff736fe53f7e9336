package dev.codeagent.healthmonitor.recovery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * When a target's containers are to be restarted: after {@code restartAfter} failed checks in a row, at most once per
 * backoff, which doubles after every restart (up to its cap) and returns to the first value once the target has stayed
 * up for a whole backoff. A target that has not answered since the monitor started is left alone during the start-up
 * grace, because a stack that starts together answers "down" for a while and a restart would only slow it down.
 */
public final class RestartPolicy {

    private final int restartAfter;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Instant graceUntil;
    private final Map<String, Track> tracks = new HashMap<>();

    /** A decision to restart a target's containers now. */
    public record Restart(String target, int failedChecks, Instant at, Instant nextAllowedAt) {
    }

    private static final class Track {
        int failures;
        boolean everUp;
        Duration backoff;
        Instant nextAllowedAt = Instant.MIN;
        Instant upSince;
        boolean restarted;
    }

    public RestartPolicy(RecoveryProperties properties, Duration startupGrace, Clock clock) {
        this.restartAfter = properties.restartAfter();
        this.initialBackoff = properties.restartBackoff();
        this.maxBackoff = properties.maxBackoff();
        this.graceUntil = clock.instant().plus(startupGrace);
    }

    /** Records a check of the target; a restart when this check makes one due. */
    public synchronized Optional<Restart> checked(String target, boolean up, Instant at) {
        Track track = tracks.computeIfAbsent(target, t -> {
            Track fresh = new Track();
            fresh.backoff = initialBackoff;
            return fresh;
        });
        if (up) {
            track.failures = 0;
            track.everUp = true;
            if (track.upSince == null) {
                track.upSince = at;
            }
            if (track.restarted && !at.isBefore(track.upSince.plus(track.backoff))) {
                // Healthy for a whole backoff since the last restart: the next outage is a new story.
                track.backoff = initialBackoff;
                track.restarted = false;
            }
            return Optional.empty();
        }
        track.upSince = null;
        if (!track.everUp && at.isBefore(graceUntil)) {
            return Optional.empty();
        }
        track.failures++;
        if (track.failures < restartAfter || at.isBefore(track.nextAllowedAt)) {
            return Optional.empty();
        }
        int failed = track.failures;
        track.failures = 0;
        track.restarted = true;
        track.nextAllowedAt = at.plus(track.backoff);
        Duration doubled = track.backoff.multipliedBy(2);
        track.backoff = doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
        return Optional.of(new Restart(target, failed, at, track.nextAllowedAt));
    }
}
