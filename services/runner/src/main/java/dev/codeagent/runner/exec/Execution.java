package dev.codeagent.runner.exec;

/**
 * How an executed check ended.
 *
 * @param ending   exited by itself, killed at the timeout, or stopped by a cancel
 * @param exitCode when it exited by itself
 */
public record Execution(Ending ending, Integer exitCode) {

    public enum Ending { EXITED, TIMED_OUT, CANCELLED }

    public static Execution exited(int exitCode) {
        return new Execution(Ending.EXITED, exitCode);
    }

    public static Execution timedOut() {
        return new Execution(Ending.TIMED_OUT, null);
    }

    public static Execution cancelled() {
        return new Execution(Ending.CANCELLED, null);
    }
}
