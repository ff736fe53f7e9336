package dev.codeagent.healthmonitor.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP statuses that count as "up" for a target: a comma-separated list of codes ({@code 200}), classes
 * ({@code 2xx}) and ranges ({@code 200-399}).
 */
public final class ExpectedStatus {

    private static final Pattern CODE = Pattern.compile("[1-5]\\d\\d");
    private static final Pattern CLASS = Pattern.compile("([1-5])xx", Pattern.CASE_INSENSITIVE);
    private static final Pattern RANGE = Pattern.compile("([1-5]\\d\\d)-([1-5]\\d\\d)");

    /** Any 2xx answer. */
    public static final ExpectedStatus SUCCESS = new ExpectedStatus("2xx", List.of(new int[] {200, 299}));

    private final String spec;
    private final List<int[]> ranges;

    private ExpectedStatus(String spec, List<int[]> ranges) {
        this.spec = spec;
        this.ranges = List.copyOf(ranges);
    }

    /** Parses a spec; blank means {@code 2xx}. */
    public static ExpectedStatus parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return SUCCESS;
        }
        List<int[]> ranges = new ArrayList<>();
        for (String part : spec.split(",")) {
            String p = part.strip();
            Matcher m;
            if (CODE.matcher(p).matches()) {
                int code = Integer.parseInt(p);
                ranges.add(new int[] {code, code});
            } else if ((m = CLASS.matcher(p)).matches()) {
                int base = Integer.parseInt(m.group(1)) * 100;
                ranges.add(new int[] {base, base + 99});
            } else if ((m = RANGE.matcher(p)).matches() && Integer.parseInt(m.group(1)) <= Integer.parseInt(m.group(2))) {
                ranges.add(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))});
            } else {
                throw new IllegalArgumentException("Invalid expected status '" + p + "' in '" + spec
                        + "': use codes (200), classes (2xx) or ranges (200-399), separated by commas");
            }
        }
        return new ExpectedStatus(spec.strip().replace(" ", ""), ranges);
    }

    /** Whether a spec looks like a status list, so the compact target format can tell it from other fields. */
    static boolean looksLikeSpec(String token) {
        for (String part : token.split(",")) {
            String p = part.strip();
            if (!CODE.matcher(p).matches() && !CLASS.matcher(p).matches() && !RANGE.matcher(p).matches()) {
                return false;
            }
        }
        return !token.isBlank();
    }

    public boolean matches(int status) {
        for (int[] range : ranges) {
            if (status >= range[0] && status <= range[1]) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return spec;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExpectedStatus e && e.spec.equals(spec);
    }

    @Override
    public int hashCode() {
        return spec.hashCode();
    }
}
