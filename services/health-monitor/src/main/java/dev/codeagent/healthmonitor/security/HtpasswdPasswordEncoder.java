package dev.codeagent.healthmonitor.security;

import org.springframework.security.crypto.bcrypt.BCrypt;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Checks passwords against the hashes of an htpasswd file: bcrypt and apr1-MD5 (see {@link HtpasswdUsers}). */
final class HtpasswdPasswordEncoder implements PasswordEncoder {

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(BCryptPasswordEncoder.BCryptVersion.$2Y);

    static boolean supports(String hash) {
        return isBcrypt(hash) || hash.startsWith(Apr1Md5.PREFIX) && hash.indexOf('$', Apr1Md5.PREFIX.length()) > 0;
    }

    /** Spring Security hashes a dummy password for unknown users, so they take as long as known ones. */
    @Override
    public String encode(CharSequence rawPassword) {
        return bcrypt.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return false;
        }
        if (isBcrypt(encodedPassword)) {
            return BCrypt.checkpw(rawPassword.toString(), encodedPassword);
        }
        return Apr1Md5.matches(rawPassword.toString(), encodedPassword);
    }

    private static boolean isBcrypt(String hash) {
        return hash.length() == 60 && (hash.startsWith("$2y$") || hash.startsWith("$2a$") || hash.startsWith("$2b$"));
    }
}
