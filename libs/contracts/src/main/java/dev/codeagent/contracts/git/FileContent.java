package dev.codeagent.contracts.git;

/**
 * Content of one file. Text is returned as-is ({@code encoding} {@code utf-8}); binary content as
 * base64 ({@code encoding} {@code base64}, {@code binary} true). {@code truncated} marks content cut at
 * the adapter's size limit.
 */
public record FileContent(String path, String content, String encoding, long size, boolean binary,
        boolean truncated) {

    public static final String UTF8 = "utf-8";
    public static final String BASE64 = "base64";
}
