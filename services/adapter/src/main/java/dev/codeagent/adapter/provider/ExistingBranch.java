package dev.codeagent.adapter.provider;

import dev.codeagent.contracts.git.BranchInfo;

/**
 * What creating a branch that already exists answers, on every provider: the branch is reused when it
 * stands at the requested commit (a retried or repeated create), and is a conflict naming where it stands
 * otherwise, so the caller never builds on a commit it did not ask for.
 */
public final class ExistingBranch {

    private ExistingBranch() {
    }

    /** {@code current} is where the branch {@code name} stands; {@code requested} is where it was asked to. */
    public static BranchInfo reuse(String name, String requested, String current) {
        if (current.equals(requested)) {
            return new BranchInfo(name, current, false);
        }
        throw GitProblems.conflict("Branch " + name + " exists at " + current + ", not at " + requested, current);
    }
}
