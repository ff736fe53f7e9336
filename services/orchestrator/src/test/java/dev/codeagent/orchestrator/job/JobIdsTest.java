package dev.codeagent.orchestrator.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JobIdsTest {

    @Test
    void idsAreVersion7UuidsThatSortByTheirTime() {
        Instant t = Instant.parse("2026-11-29T10:15:30.123Z");
        String id = JobIds.next(t);
        UUID uuid = UUID.fromString(id);
        assertThat(uuid.version()).isEqualTo(7);
        assertThat(uuid.variant()).isEqualTo(2);
        assertThat(uuid.getMostSignificantBits() >>> 16).isEqualTo(t.toEpochMilli());
        assertThat(id).isEqualTo(id.toLowerCase(Locale.ROOT));

        String later = JobIds.next(t.plusMillis(1));
        String muchLater = JobIds.next(t.plusSeconds(86_400L * 365 * 10));
        assertThat(id).isLessThan(later);
        assertThat(later).isLessThan(muchLater);
    }

    @Test
    void idsOfTheSameMillisecondDiffer() {
        Instant t = Instant.now();
        Set<String> ids = new HashSet<>();
        Set<String> shortIds = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = JobIds.next(t);
            ids.add(id);
            shortIds.add(JobIds.shortId(id));
        }
        assertThat(ids).hasSize(10_000);
        // 32 random bits: a collision among 10,000 is possible but rare (~1 %); far from all alike.
        assertThat(shortIds.size()).isGreaterThan(9_990);
    }

    @Test
    void shortIdIsTheRandomEndOfATimeOrderedIdAndTheStartOfAnOlderRandomOne() {
        assertThat(JobIds.shortId("0194c5a2-7b3e-7f01-8a2b-3c4d5e6f7a8b")).isEqualTo("5e6f7a8b");
        // Jobs created before time-ordered ids keep the branch names they were given.
        assertThat(JobIds.shortId("3f2a9c1e-4b7d-4e21-9f3a-8c7b6a5d4e3f")).isEqualTo("3f2a9c1e");
        String id = JobIds.next(Instant.now());
        assertThat(JobIds.shortId(id)).matches("[0-9a-f]{8}").isEqualTo(id.substring(28));
    }
}
