package dev.codeagent.healthmonitor.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The people who may sign in with {@code auth=basic}, read once at start-up from
 * {@code CODEAGENT_DASHBOARD_USERS} or else the users file. User names are case-sensitive, as in htpasswd.
 */
final class DashboardUsers implements UserDetailsService {

    private final Map<String, String> hashes;

    private DashboardUsers(Map<String, String> hashes) {
        this.hashes = Map.copyOf(hashes);
    }

    /** Refuses to start without users: a basic-auth dashboard nobody can open would invite switching auth off. */
    static DashboardUsers load(DashboardAuthProperties properties) {
        Map<String, String> hashes;
        if (properties.users() != null) {
            hashes = HtpasswdUsers.parse(properties.users(), "CODEAGENT_DASHBOARD_USERS");
        } else if (properties.usersFile() != null && Files.isRegularFile(Path.of(properties.usersFile()))) {
            hashes = HtpasswdUsers.parse(read(Path.of(properties.usersFile())), properties.usersFile());
        } else {
            hashes = Map.of();
        }
        if (hashes.isEmpty()) {
            throw new IllegalStateException("CODEAGENT_DASHBOARD_AUTH=basic but no dashboard users are configured: "
                    + "set CODEAGENT_DASHBOARD_USERS to htpasswd lines, or put them in the file "
                    + "CODEAGENT_DASHBOARD_USERS_FILE names (now "
                    + (properties.usersFile() == null ? "unset" : properties.usersFile() + ", missing or empty")
                    + "). Create a line with: htpasswd -nB admin. To sign in with Microsoft Entra ID instead set "
                    + "CODEAGENT_DASHBOARD_AUTH=oidc; CODEAGENT_DASHBOARD_AUTH=none opens the dashboard to anyone.");
        }
        return new DashboardUsers(hashes);
    }

    List<String> names() {
        return hashes.keySet().stream().sorted().toList();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        String hash = hashes.get(username);
        if (hash == null) {
            throw new UsernameNotFoundException("No dashboard user of that name");
        }
        return User.withUsername(username).password(hash)
                .authorities(AuthorityUtils.createAuthorityList(DashboardSecurityConfiguration.DASHBOARD_AUTHORITY))
                .build();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the dashboard users file " + file, e);
        }
    }
}
