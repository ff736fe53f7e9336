package dev.codeagent.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The embedded default database keeps what it committed when the process is killed: a job whose start was answered
 * 202 must not vanish with a SIGKILL of the orchestrator (the chaos soak lost such a job: H2 wrote commits to its
 * file up to half a second later).
 */
class H2DurabilityIT {

    private static final int ROWS = 20;

    @Test
    void commitsOfTheDefaultH2DatabaseSurviveAKilledProcess(@TempDir Path dataDir) throws Exception {
        String url = defaultUrl(dataDir);

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CommitThenHalt.class.getName(), url)
                .redirectErrorStream(true).start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(output).contains("committed " + ROWS);
        assertThat(child.exitValue()).isEqualTo(CommitThenHalt.KILLED);

        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from accepted")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(ROWS);
        }
    }

    /** spring.datasource.url of application.yml, as the orchestrator resolves it without CODEAGENT_DB_URL. */
    private static String defaultUrl(Path dataDir) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test",
                Map.of("CODEAGENT_DATA_DIR", dataDir.toString())));
        List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("application",
                new ClassPathResource("application.yml"));
        yaml.forEach(environment.getPropertySources()::addLast);
        String url = environment.getProperty("spring.datasource.url");
        assertThat(url).startsWith("jdbc:h2:file:" + dataDir);
        return url;
    }

    /** Commits rows one transaction at a time, then dies at once, as a SIGKILL would end it (no shutdown hooks). */
    public static final class CommitThenHalt {

        static final int KILLED = 137;

        public static void main(String[] args) throws SQLException {
            try (Connection connection = DriverManager.getConnection(args[0], "sa", "")) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("create table accepted (id int primary key)");
                }
                connection.setAutoCommit(false);
                for (int i = 0; i < ROWS; i++) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("insert into accepted values (" + i + ")");
                    }
                    connection.commit();
                }
                System.out.println("committed " + ROWS);
                System.out.flush();
                Runtime.getRuntime().halt(KILLED);
            }
        }
    }
}
