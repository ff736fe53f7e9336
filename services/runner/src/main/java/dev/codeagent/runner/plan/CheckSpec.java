package dev.codeagent.runner.plan;

import java.util.List;

/**
 * One check to run.
 *
 * @param name  as configured or detected ({@code build}, {@code test})
 * @param run   the shell command line, run with {@code sh -c} in the tree's root
 * @param junit globs (relative to the tree) of the JUnit XML reports the check writes; empty when none
 */
public record CheckSpec(String name, String run, List<String> junit) {

    public CheckSpec {
        junit = junit == null ? List.of() : List.copyOf(junit);
    }
}
