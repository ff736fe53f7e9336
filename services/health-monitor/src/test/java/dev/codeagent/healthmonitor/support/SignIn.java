package dev.codeagent.healthmonitor.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Dashboard users for tests: the committed development users file's admin/admin (apr1). */
public final class SignIn {

    /** The line of deploy/secrets/dev/dashboard_users: admin / admin. */
    public static final String ADMIN_LINE = "admin:$apr1$codeagnt$Mr1qf803jXu3ieUuOoNBc/";
    /** {@code Authorization} value that signs in as admin/admin. */
    public static final String ADMIN = basic("admin", "admin");

    private SignIn() {
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
