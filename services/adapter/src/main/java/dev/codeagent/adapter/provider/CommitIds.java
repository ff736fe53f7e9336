package dev.codeagent.adapter.provider;

import java.util.regex.Pattern;

/** Commit ids as the API accepts them: full 40-character lowercase hex. */
public final class CommitIds {

    private static final Pattern FULL = Pattern.compile("[0-9a-f]{40}");
    public static final String ZERO = "0000000000000000000000000000000000000000";

    private CommitIds() {
    }

    public static String requireFull(String commit, String what) {
        if (commit == null || !FULL.matcher(commit).matches()) {
            throw GitProblems.invalid(what + " must be a full 40-character lowercase hex commit id");
        }
        return commit;
    }
}
