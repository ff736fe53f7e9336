package dev.codeagent.healthmonitor.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Hashes written by htpasswd, openssl and PHP verify; anything else is refused at parse time. */
class HtpasswdPasswordEncoderTest {

    final HtpasswdPasswordEncoder encoder = new HtpasswdPasswordEncoder();

    @Test
    void theCommittedDevelopmentUsersFileIsAdminAdmin() throws Exception {
        Path dev = findRepositoryFile("deploy/secrets/dev/dashboard_users");
        String hash = HtpasswdUsers.parse(Files.readString(dev), dev.toString()).get("admin");

        assertThat(hash).startsWith("$apr1$");
        assertThat(encoder.matches("admin", hash)).isTrue();
        assertThat(encoder.matches("Admin", hash)).isFalse();
        assertThat(encoder.matches("admin ", hash)).isFalse();
    }

    /** Vectors from {@code openssl passwd -apr1 -salt Xy7.a/Z9 <password>} (OpenSSL 3). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "admin|$apr1$Xy7.a/Z9$PI/m/QSC6BQrCcLmCLaWI/",
        "''|$apr1$Xy7.a/Z9$wRWU5uEAvohFG.cnhXltq.",
        "a|$apr1$Xy7.a/Z9$wda2byV9/9N99c4kinA3Z/",
        "correct horse battery staple|$apr1$Xy7.a/Z9$RYoluaOELQMub0pPp8SWm.",
        "pässwörd|$apr1$Xy7.a/Z9$z9gTHmV08pEUa/1MnFYQq0",
        "0123456789abcdef0123456789abcdefX|$apr1$Xy7.a/Z9$mX.zWO6slLyZysUNUyXsr0",
        "secret|$apr1$ab$jiiV6N7hIIuIoJbc1hxOE/"})
    void apr1MatchesOpenssl(String password, String hash) {
        assertThat(Apr1Md5.hash(password, hash.substring(6, hash.lastIndexOf('$')))).isEqualTo(hash);
        assertThat(encoder.matches(password, hash)).isTrue();
        assertThat(encoder.matches(password + "x", hash)).isFalse();
    }

    /** The PHP manual's password_verify example ($2y$) and libxcrypt output ($2a$, $2b$). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "rasmuslerdorf|$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a",
        "admin|$2b$05$abcdefghijklmnopqrstuu/ETYr/khvH.poOJBsjjZk.DM9FaNihe",
        "admin|$2a$05$abcdefghijklmnopqrstuu/ETYr/khvH.poOJBsjjZk.DM9FaNihe"})
    void bcryptVariantsMatch(String password, String hash) {
        assertThat(HtpasswdPasswordEncoder.supports(hash)).isTrue();
        assertThat(encoder.matches(password, hash)).isTrue();
        assertThat(encoder.matches("wrong", hash)).isFalse();
    }

    @Test
    void parsesLinesSkippingCommentsAndKeepsCase() {
        var users = HtpasswdUsers.parse("""
                # people who may open the dashboard

                admin:$apr1$Xy7.a/Z9$PI/m/QSC6BQrCcLmCLaWI/
                Ops:$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a\r
                """, "test");

        assertThat(users).containsOnlyKeys("admin", "Ops");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "admin:admin|line 1: the password of 'admin' is not a bcrypt",
        "admin:{SHA}0DPiKuNIrrVmD8IUCuw1hQxNqZc=|line 1: the password of 'admin' is not a bcrypt",
        "admin:abJnggxhB/yWI|line 1: the password of 'admin' is not a bcrypt",
        "just-a-name|line 1 is not 'user:hash'",
        ":$apr1$ab$jiiV6N7hIIuIoJbc1hxOE/|line 1 is not 'user:hash'"})
    void refusesWeakOrBrokenLinesWithoutQuotingThem(String line, String message) {
        assertThatThrownBy(() -> HtpasswdUsers.parse(line, "users.txt"))
                .hasMessageContaining("users.txt " + message)
                .hasMessageNotContaining("0DPiKu").hasMessageNotContaining("abJngg");
    }

    @Test
    void refusesDuplicateUsers() {
        assertThatThrownBy(() -> HtpasswdUsers.parse("""
                admin:$apr1$ab$jiiV6N7hIIuIoJbc1hxOE/
                admin:$apr1$Xy7.a/Z9$PI/m/QSC6BQrCcLmCLaWI/
                """, "f")).hasMessage("f line 2: user 'admin' is listed twice");
    }

    @Test
    void encodesNewPasswordsWithBcrypt() {
        String hash = encoder.encode("pw");
        assertThat(hash).startsWith("$2y$");
        assertThat(encoder.matches("pw", hash)).isTrue();
    }

    static Path findRepositoryFile(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        throw new AssertionError(relative + " not found");
    }
}
