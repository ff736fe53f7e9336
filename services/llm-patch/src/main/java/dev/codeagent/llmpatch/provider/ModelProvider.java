package dev.codeagent.llmpatch.provider;

import java.time.Duration;

/** One link of the provider chain. Implementations throw {@link ProviderException} for every failure. */
public interface ModelProvider {

    String name();

    String model();

    String baseUrl();

    boolean offline();

    /** Tokens the provider accepts for prompt plus answer. */
    long contextTokens();

    /** Tokens reserved for the answer. */
    int maxOutputTokens();

    Duration timeout();

    /** Whether this provider gets whole-file prompts for small files (weak local models do better with them). */
    boolean prefersWholeFile();

    ModelReply complete(ModelRequest request, double temperature);

    /** Temperature for variant k, kept inside the range this provider accepts. */
    double temperature(int k);
}
