package dev.codeagent.runner.exec;

/** A check could not be started; the message says why in words an operator can act on. */
public class CheckStartFailure extends RuntimeException {

    public CheckStartFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
