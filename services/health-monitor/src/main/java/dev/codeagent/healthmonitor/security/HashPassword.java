package dev.codeagent.healthmonitor.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Prints the htpasswd line ({@code user:$2y$...}, bcrypt) of a password read from standard input, for machines
 * without {@code htpasswd}: {@code bin/codeagent up} creates the local dashboard user with it. Run it from the
 * service's jar: {@code java -cp codeagent-health-monitor-*.jar
 * -Dloader.main=dev.codeagent.healthmonitor.security.HashPassword
 * org.springframework.boot.loader.launch.PropertiesLauncher USER < password-file}.
 */
public final class HashPassword {

    private HashPassword() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1 || args[0].isBlank() || args[0].contains(":")) {
            System.err.println("usage: HashPassword USER < password   (USER without ':')");
            System.exit(2);
        }
        String password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (password == null || password.isEmpty()) {
            System.err.println("no password on standard input");
            System.exit(2);
        }
        System.out.println(args[0] + ":" + new HtpasswdPasswordEncoder().encode(password));
    }
}
