package dev.codeagent.orchestrator.job;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Position after the last job of a page (newest first), handed out as an opaque continuation token. It
 * carries the creation time in microseconds and the id, so pages stay stable while new jobs arrive.
 */
public record PageCursor(Instant createdAt, String id) {

    public String encode() {
        long micros = createdAt.getEpochSecond() * 1_000_000L + createdAt.getNano() / 1_000;
        String raw = "v1:" + micros + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor in {@code token}; IllegalArgumentException when it is not one we issued. */
    public static PageCursor decode(String token) {
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("continuationToken is not valid");
        }
        String[] parts = raw.split(":", 3);
        if (parts.length != 3 || !parts[0].equals("v1") || parts[2].isBlank() || parts[2].length() > 36) {
            throw new IllegalArgumentException("continuationToken is not valid");
        }
        try {
            long micros = Long.parseLong(parts[1]);
            return new PageCursor(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                    Math.floorMod(micros, 1_000_000L) * 1_000L), parts[2]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("continuationToken is not valid");
        }
    }
}
