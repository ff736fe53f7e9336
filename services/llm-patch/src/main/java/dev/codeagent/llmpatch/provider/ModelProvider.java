package dev.codeagent.llmpatch.provider;

/** One link of the provider chain. Implementations throw {@link ProviderException} for every failure. */
public interface ModelProvider {

    /** Name, model, URL and the limits the chain enforces (context window, answer budget, timeout, temperatures). */
    ProviderSettings settings();

    boolean offline();

    /** The window the next prompt is measured against; the configured one unless the provider asks its server. */
    default ContextWindow contextWindow() {
        return ContextWindow.of(settings());
    }

    ModelReply complete(ModelRequest request, double temperature);
}
