package dev.codeagent.contracts.patch;

/** Tokens counted (or estimated, for providers that do not report them) across all attempts. */
public record TokenUsage(long prompt, long completion) {
}
