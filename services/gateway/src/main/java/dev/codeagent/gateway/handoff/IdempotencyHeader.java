package dev.codeagent.gateway.handoff;

import java.nio.charset.StandardCharsets;

/**
 * The value of the {@code Idempotency-Key} header for a key. HTTP header values are ASCII, but a key
 * contains repository and project names, which Azure DevOps allows in any script; so every byte of the
 * UTF-8 form outside visible ASCII (and {@code %} itself) is percent-encoded. Plain keys, the usual case,
 * are sent unchanged. The key in the request body stays authoritative.
 */
public final class IdempotencyHeader {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private IdempotencyHeader() {
    }

    public static String encode(String key) {
        if (isPlain(key)) {
            return key;
        }
        StringBuilder out = new StringBuilder(key.length() + 16);
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c > 0x20 && c < 0x7F && c != '%') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    private static boolean isPlain(String key) {
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c <= 0x20 || c >= 0x7F || c == '%') {
                return false;
            }
        }
        return true;
    }
}
