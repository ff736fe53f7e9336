package dev.codeagent.adapter.provider;

import dev.codeagent.contracts.git.FileContent;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.eclipse.jgit.diff.RawText;

/**
 * Turns file bytes into a {@link FileContent}: valid UTF-8 text as-is, anything else (binary, other
 * encodings) as base64 so that a round trip through the API never corrupts a file.
 */
public final class ContentDecoder {

    private ContentDecoder() {
    }

    /**
     * @param bytes     the content, possibly cut at the size limit
     * @param size      the full size of the file
     * @param truncated whether {@code bytes} is only the beginning of the file
     */
    public static FileContent decode(String path, byte[] bytes, long size, boolean truncated) {
        if (!RawText.isBinary(bytes, bytes.length, !truncated)) {
            String text = utf8(bytes, truncated);
            if (text != null) {
                return new FileContent(path, text, FileContent.UTF8, size, false, truncated);
            }
        }
        return new FileContent(path, Base64.getEncoder().encodeToString(bytes), FileContent.BASE64, size, true,
                truncated);
    }

    private static String utf8(byte[] bytes, boolean truncated) {
        // A cut can split a multi-byte character: drop up to three trailing bytes before giving up.
        int attempts = truncated ? 4 : 1;
        for (int drop = 0; drop < attempts && drop <= bytes.length; drop++) {
            try {
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(Arrays.copyOf(bytes, bytes.length - drop)))
                        .toString();
            } catch (CharacterCodingException e) {
                // try with one byte less
            }
        }
        return null;
    }
}
