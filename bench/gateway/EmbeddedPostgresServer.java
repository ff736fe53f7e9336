import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * An embedded PostgreSQL for bench/gateway/run-full.sh: starts io.zonky's embedded server (the one the
 * orchestrator's tests use) with its data directory under {@code args[0]}, creates database
 * {@code codeagent}, writes its JDBC URL to {@code args[0]/jdbc-url} and runs until it is terminated
 * (SIGTERM stops the server through the library's shutdown hook). Benchmark tool only.
 *
 * <p>Unlike the library's test defaults (fsync and synchronous_commit off), it runs with PostgreSQL's
 * production defaults — every commit is flushed to disk before it is acknowledged — because the
 * benchmark measures durable acceptance of commands. {@code -Dfsync=off} restores the test settings.
 *
 * <p>{@code -Dsettings="name=value,name=value"} adds server settings on top, e.g. for diagnostics
 * {@code log_autovacuum_min_duration=0,log_checkpoints=on,logging_collector=on,log_directory=/tmp/pglog}
 * (this program's output has the server's log only until it has started).
 *
 * <p>Run: {@code java -cp <orchestrator test classpath> bench/gateway/EmbeddedPostgresServer.java <dir>}.
 */
public final class EmbeddedPostgresServer {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        boolean durable = !"off".equals(System.getProperty("fsync", "on"));
        EmbeddedPostgres.Builder builder =
                EmbeddedPostgres.builder()
                        .setDataDirectory(dir.resolve("data"))
                        .setCleanDataDirectory(true)
                        .setServerConfig("max_connections", "100");
        if (durable) {
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        }
        for (String setting : System.getProperty("settings", "").split(",")) {
            if (!setting.isBlank()) {
                int eq = setting.indexOf('=');
                String name = eq < 0 ? "" : setting.substring(0, eq).strip();
                String value = eq < 0 ? "" : setting.substring(eq + 1).strip();
                // The library hands the settings to pg_ctl as one option string, which a shell runs.
                if (!name.matches("[a-z_.]+") || !value.matches("[\\w.%:/+-]*")) {
                    throw new IllegalArgumentException("settings: expected name=value, the value of letters, digits "
                            + "and . % : / + - only, got " + setting);
                }
                builder.setServerConfig(name, value);
            }
        }
        EmbeddedPostgres postgres = builder.start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database codeagent");
            try (ResultSet r = s.executeQuery("select current_setting('fsync'), current_setting('synchronous_commit'),"
                    + " version()")) {
                r.next();
                System.out.println("embedded PostgreSQL: fsync=" + r.getString(1) + ", synchronous_commit="
                        + r.getString(2) + ", " + r.getString(3));
            }
        }
        Files.writeString(dir.resolve("jdbc-url"), postgres.getJdbcUrl("postgres", "codeagent"));
        Thread.currentThread().join();
    }
}
