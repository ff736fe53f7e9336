package dev.codeagent.llmpatch.engine;

/**
 * How a block was located, from strictest to loosest. Each level runs only when the stricter ones found
 * nothing; an ambiguous result at any level stops the search, because a looser level cannot make it unique.
 */
public enum MatchStrategy {
    EXACT("exact"),
    WHITESPACE("whitespace"),
    ELIDED("elided"),
    FUZZY_CONTEXT("fuzzy-context"),
    CREATE("create"),
    WHOLE_FILE("whole-file"),
    DELETE("delete");

    private final String label;

    MatchStrategy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
