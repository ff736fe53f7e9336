package dev.codeagent.llmpatch.provider;

/** A model's raw answer and the tokens it used (estimated when the provider does not report them). */
public record ModelReply(String text, long promptTokens, long completionTokens) {
}
