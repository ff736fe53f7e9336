package dev.codeagent.contracts.check;

/** Test results read from JUnit XML reports. */
public record TestCounts(int passed, int failed, int skipped) {

    public int total() {
        return passed + failed + skipped;
    }
}
