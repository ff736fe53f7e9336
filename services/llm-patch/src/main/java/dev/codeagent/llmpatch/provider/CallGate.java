package dev.codeagent.llmpatch.provider;

/**
 * Asked by the chain before each call of a provider, with the prompt as it will be sent and the answer tokens the
 * call may produce; refuses by throwing, which ends the request without calling any other provider.
 */
@FunctionalInterface
public interface CallGate {

    /** Admits every call. */
    CallGate OPEN = (provider, promptTokens, answerTokens) -> { };

    void admit(ModelProvider provider, long promptTokens, int answerTokens);
}
