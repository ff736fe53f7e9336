package dev.codeagent.llmpatch.provider;

/** One link of the provider chain. Implementations throw {@link ProviderException} for every failure. */
public interface ModelProvider {

    /** Name, model, URL and the limits the chain enforces (context window, answer budget, timeout, temperatures). */
    ProviderSettings settings();

    boolean offline();

    ModelReply complete(ModelRequest request, double temperature);
}
