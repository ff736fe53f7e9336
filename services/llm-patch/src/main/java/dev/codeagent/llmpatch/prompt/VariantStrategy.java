package dev.codeagent.llmpatch.prompt;

/**
 * The approach variant k takes, so N variants differ in kind and not only in sampling. Variant k uses
 * strategy {@code (k-1) mod 5}.
 */
public enum VariantStrategy {
    MINIMAL("minimal-change", "Minimal change",
            "Make the smallest change that fully satisfies the request. Touch as few lines and files as possible; "
                    + "do not refactor or reformat anything else."),
    IDIOMATIC("idiomatic-refactor", "Idiomatic refactor",
            "Satisfy the request the way an experienced maintainer of this codebase would: follow its existing "
                    + "conventions and idioms, and extract small well-named helpers where that makes the change clearer."),
    DEFENSIVE("defensive", "Defensive",
            "Satisfy the request with robustness first: validate inputs, handle null/empty/error cases explicitly, "
                    + "fail with clear messages, and keep behaviour safe under unexpected input."),
    PERFORMANCE("performance", "Performance-minded",
            "Satisfy the request while keeping the hot path cheap: avoid needless allocations, repeated work and "
                    + "extra I/O; prefer early exits and efficient data structures."),
    ALTERNATIVE("alternative-design", "Alternative design",
            "Satisfy the request with a different design than the obvious one (for example a dedicated type, a "
                    + "strategy object or a declarative table) while staying consistent with the codebase.");

    private final String id;
    private final String title;
    private final String instructions;

    VariantStrategy(String id, String title, String instructions) {
        this.id = id;
        this.title = title;
        this.instructions = instructions;
    }

    public static VariantStrategy forVariant(int k) {
        VariantStrategy[] all = values();
        return all[Math.floorMod(k - 1, all.length)];
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String instructions() {
        return instructions;
    }
}
