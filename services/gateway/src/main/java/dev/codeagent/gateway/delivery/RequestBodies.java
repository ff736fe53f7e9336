package dev.codeagent.gateway.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Reads a request body into memory up to a limit, whether or not it declares its length. */
public final class RequestBodies {

    private static final int CHUNK = 8192;

    private RequestBodies() {
    }

    /** The bytes of a body; only {@code length} bytes of {@code bytes} are valid. */
    public record Body(byte[] bytes, int length) {
    }

    /** The body was larger than allowed. */
    public static final class TooLargeException extends IOException {
        public TooLargeException(long limit) {
            super("The request body exceeds " + limit + " bytes.");
        }
    }

    /**
     * Reads {@code in} completely. A declared length over the limit fails before reading; a body without
     * one (chunked) fails as soon as it passes the limit, so at most {@code limit + 1} bytes are held.
     */
    public static Body read(InputStream in, long declaredLength, int limit) throws IOException {
        if (declaredLength > limit) {
            throw new TooLargeException(limit);
        }
        byte[] buffer = new byte[declaredLength >= 0 ? (int) Math.max(declaredLength, 1) : CHUNK];
        int length = 0;
        while (true) {
            if (length == buffer.length) {
                // Full: peek one byte so that a body of exactly the declared length needs no bigger buffer.
                int next = in.read();
                if (next < 0) {
                    break;
                }
                if (length + 1 > limit) {
                    throw new TooLargeException(limit);
                }
                buffer = Arrays.copyOf(buffer, (int) Math.min((long) limit + 1, Math.max(CHUNK, 2L * buffer.length)));
                buffer[length++] = (byte) next;
                continue;
            }
            int read = in.read(buffer, length, buffer.length - length);
            if (read < 0) {
                break;
            }
            length += read;
            if (length > limit) {
                throw new TooLargeException(limit);
            }
        }
        return new Body(buffer, length);
    }
}
