package dev.codeagent.adapter.provider;

import org.eclipse.jgit.lib.Repository;

/** Branch names as callers give them (short or {@code refs/heads/...}) and as git stores them. */
public final class BranchNames {

    public static final String HEADS = "refs/heads/";

    private BranchNames() {
    }

    /** {@code feature} for both {@code feature} and {@code refs/heads/feature}; 400 when not a valid name. */
    public static String shortName(String branch) {
        if (branch == null || branch.isBlank()) {
            throw GitProblems.invalid("Branch name is empty");
        }
        String name = branch.startsWith(HEADS) ? branch.substring(HEADS.length()) : branch;
        // git itself refuses branch names starting with '-' (they read as options on a command line).
        if (!Repository.isValidRefName(HEADS + name) || name.startsWith("-") || name.length() > 250) {
            throw GitProblems.invalid("Invalid branch name '" + name.replaceAll("\\p{Cntrl}", "?") + "'");
        }
        return name;
    }

    /** {@code refs/heads/feature}. */
    public static String fullRef(String branch) {
        return HEADS + shortName(branch);
    }
}
