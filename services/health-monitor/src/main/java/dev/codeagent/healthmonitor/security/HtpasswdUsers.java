package dev.codeagent.healthmonitor.security;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Users of an htpasswd file ({@code user:hash} per line; blank lines and {@code #} comments ignored), the
 * format Traefik's basic auth reads, so one file serves both. Only salted hashes are accepted: bcrypt
 * ({@code $2y$}, {@code $2a$}, {@code $2b$}, {@code htpasswd -B}) and apr1-MD5 ({@code $apr1$},
 * {@code htpasswd -m}); plain text, crypt and unsalted SHA-1 lines are refused.
 */
final class HtpasswdUsers {

    private HtpasswdUsers() {
    }

    /**
     * User name to hash, in file order. {@code source} names where the lines came from in error messages,
     * which never quote a hash.
     */
    static Map<String, String> parse(String content, String source) {
        Map<String, String> users = new LinkedHashMap<>();
        String[] lines = content.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            String where = source + " line " + (i + 1);
            if (colon <= 0) {
                throw new IllegalStateException(where + " is not 'user:hash' (create lines with htpasswd -B)");
            }
            String user = line.substring(0, colon);
            String hash = line.substring(colon + 1);
            if (!HtpasswdPasswordEncoder.supports(hash)) {
                throw new IllegalStateException(where + ": the password of '" + user + "' is not a bcrypt "
                        + "($2y$, $2a$, $2b$) or apr1 ($apr1$) hash; create it with htpasswd -B (or -m)");
            }
            if (users.putIfAbsent(user, hash) != null) {
                throw new IllegalStateException(where + ": user '" + user + "' is listed twice");
            }
        }
        return users;
    }
}
