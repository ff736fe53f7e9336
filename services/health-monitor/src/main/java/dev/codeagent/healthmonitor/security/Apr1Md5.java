package dev.codeagent.healthmonitor.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Apache's MD5-based password hash ({@code $apr1$salt$hash}, what {@code htpasswd -m} and
 * {@code openssl passwd -apr1} write and Traefik's basic auth reads), verified here so the users file the
 * compose stack already mounts keeps working. New entries should use bcrypt: 1,000 MD5 rounds are cheap to
 * brute-force.
 */
final class Apr1Md5 {

    static final String PREFIX = "$apr1$";
    private static final String ALPHABET = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int MAX_SALT = 8;

    private Apr1Md5() {
    }

    /** Whether {@code password} produces {@code hash} (a complete {@code $apr1$salt$digest} string). */
    static boolean matches(String password, String hash) {
        if (!hash.startsWith(PREFIX)) {
            return false;
        }
        int end = hash.indexOf('$', PREFIX.length());
        if (end < 0) {
            return false;
        }
        String expected = hash(password, hash.substring(PREFIX.length(), end));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                hash.getBytes(StandardCharsets.US_ASCII));
    }

    /** The full {@code $apr1$salt$digest} string of {@code password} with {@code salt} (at most 8 characters used). */
    static String hash(String password, String salt) {
        byte[] pw = password.getBytes(StandardCharsets.UTF_8);
        byte[] saltBytes = salt.substring(0, Math.min(salt.length(), MAX_SALT)).getBytes(StandardCharsets.UTF_8);
        byte[] magic = PREFIX.getBytes(StandardCharsets.US_ASCII);

        MessageDigest alternate = md5();
        alternate.update(pw);
        alternate.update(saltBytes);
        alternate.update(pw);
        byte[] mixed = alternate.digest();

        MessageDigest ctx = md5();
        ctx.update(pw);
        ctx.update(magic);
        ctx.update(saltBytes);
        for (int left = pw.length; left > 0; left -= 16) {
            ctx.update(mixed, 0, Math.min(16, left));
        }
        // The original C code hashes a zeroed buffer here, so a set bit adds a NUL byte, not the digest.
        for (int bits = pw.length; bits != 0; bits >>>= 1) {
            if ((bits & 1) != 0) {
                ctx.update((byte) 0);
            } else {
                ctx.update(pw, 0, Math.min(1, pw.length));
            }
        }
        byte[] digest = ctx.digest();

        for (int round = 0; round < 1000; round++) {
            MessageDigest step = md5();
            if ((round & 1) != 0) {
                step.update(pw);
            } else {
                step.update(digest);
            }
            if (round % 3 != 0) {
                step.update(saltBytes);
            }
            if (round % 7 != 0) {
                step.update(pw);
            }
            if ((round & 1) != 0) {
                step.update(digest);
            } else {
                step.update(pw);
            }
            digest = step.digest();
        }

        StringBuilder out = new StringBuilder(PREFIX).append(new String(saltBytes, StandardCharsets.UTF_8)).append('$');
        encode(out, digest[0], digest[6], digest[12], 4);
        encode(out, digest[1], digest[7], digest[13], 4);
        encode(out, digest[2], digest[8], digest[14], 4);
        encode(out, digest[3], digest[9], digest[15], 4);
        encode(out, digest[4], digest[10], digest[5], 4);
        encode(out, (byte) 0, (byte) 0, digest[11], 2);
        return out.toString();
    }

    private static void encode(StringBuilder out, byte high, byte middle, byte low, int chars) {
        int value = ((high & 0xff) << 16) | ((middle & 0xff) << 8) | (low & 0xff);
        for (int i = 0; i < chars; i++) {
            out.append(ALPHABET.charAt(value & 0x3f));
            value >>>= 6;
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java runtime", e);
        }
    }
}
