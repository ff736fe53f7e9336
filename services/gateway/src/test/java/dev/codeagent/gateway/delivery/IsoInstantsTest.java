package dev.codeagent.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written fast path must agree with {@link Instant#parse} on every input. */
class IsoInstantsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "2026-11-20T09:14:03.217Z", "2026-11-19T16:02:11.5Z", "2025-08-31T05:03:52.6385492Z",
            "2025-09-02T11:54:23.307925Z", "2025-09-02T11:54:23Z", "2025-09-02T11:54:23.123456789Z",
            "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "2024-02-29T12:00:00Z",
            // Valid for Instant.parse, but not the fast path's shape: the general parser must take them.
            "2025-09-02T11:54:23+02:00", "2025-09-02t11:54:23z", "2025-12-31T23:59:60Z", "2025-12-31T24:00:00Z",
            "+12025-09-02T11:54:23Z",
            // Invalid.
            "2023-02-29T12:00:00Z", "2025-13-01T00:00:00Z", "2025-00-10T00:00:00Z", "2025-04-31T00:00:00Z",
            "2025-09-02T11:60:00Z", "2025-09-02T11:54:23.Z", "2025-09-02T11:54:23.1234567890Z",
            "2025-09-02 11:54:23Z", "2025-09-02T11:54:23", "2025-9-02T11:54:23Z", "2025-09-02T11:54:2xZ",
            "2025-09-02T11:54:23,5Z", "", "Z", "yesterday", "2025-09-02T11:54:23.-5Z", "٢٠٢٥-09-02T11:54:23Z"})
    void agreesWithInstantParse(String text) {
        assertThat(IsoInstants.parseOrNull(text)).as(text).isEqualTo(reference(text));
    }

    @Property(tries = 2000)
    void readsEveryInstantItsCanonicalFormDescribes(
            @ForAll @LongRange(min = -62_167_219_200L, max = 253_402_300_799L) long seconds,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nanos,
            @ForAll @IntRange(min = 0, max = 9) int keepDigits) {
        Instant instant = Instant.ofEpochSecond(seconds, nanos);
        String text = instant.toString();
        assertThat(IsoInstants.parseOrNull(text)).isEqualTo(instant);
        // Azure DevOps writes 3 to 7 fraction digits: cut the canonical form to any length.
        int dot = text.indexOf('.');
        if (dot > 0) {
            String cut = text.substring(0, Math.min(text.length() - 1, dot + 1 + keepDigits));
            cut = (cut.endsWith(".") ? cut.substring(0, cut.length() - 1) : cut) + "Z";
            assertThat(IsoInstants.parseOrNull(cut)).as(cut).isEqualTo(reference(cut));
        }
    }

    private static Instant reference(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
