package dev.codeagent.adapter.provider;

import dev.codeagent.contracts.git.FileChange;
import dev.codeagent.contracts.git.FileContent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Decodes the new content of a {@link FileChange} according to its encoding. */
public final class FileChangeContent {

    private FileChangeContent() {
    }

    /** The bytes of the new content; 400 when content is missing or the encoding is unknown or broken. */
    public static byte[] bytes(FileChange change) {
        if (change.content() == null) {
            throw GitProblems.invalid("Change of '" + change.path() + "' has no content");
        }
        String encoding = encoding(change);
        if (FileContent.BASE64.equals(encoding)) {
            try {
                return Base64.getMimeDecoder().decode(change.content());
            } catch (IllegalArgumentException e) {
                throw GitProblems.invalid("Content of '" + change.path() + "' is not valid base64");
            }
        }
        return change.content().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code utf-8} (default) or {@code base64}; 400 otherwise. */
    public static String encoding(FileChange change) {
        String encoding = change.encoding() == null || change.encoding().isBlank() ? FileContent.UTF8
                : change.encoding().strip().toLowerCase(java.util.Locale.ROOT);
        if (encoding.equals("utf8")) {
            return FileContent.UTF8;
        }
        if (!encoding.equals(FileContent.UTF8) && !encoding.equals(FileContent.BASE64)) {
            throw GitProblems.invalid("Unknown encoding '" + change.encoding() + "' for '" + change.path()
                    + "' (use utf-8 or base64)");
        }
        return encoding;
    }
}
