package dev.codeagent.runner.exec;

/**
 * The check started but the infrastructure under it gave way (its pod was evicted or preempted, the node went away):
 * the outcome says nothing about the code under test, and the whole run is worth repeating.
 */
public class CheckInfrastructureFailure extends RuntimeException {

    public CheckInfrastructureFailure(String message) {
        super(message);
    }
}
