package dev.codeagent.orchestrator;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** Databases for integration tests: one embedded PostgreSQL per JVM (a fresh database per caller) or an H2 file. */
public final class TestDatabases {

    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    /** JDBC URL of a new, empty PostgreSQL database; user and password are {@code postgres}. */
    public static synchronized String newPostgresDatabase() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new IllegalStateException("embedded PostgreSQL did not start", e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // The JVM is going away.
                }
            }));
        }
        String name = "orch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return postgres.getJdbcUrl("postgres", name);
    }

    /** JDBC URL of a new H2 file database under target/, in the same mode as the product default. */
    public static String newH2Database() {
        Path dir = Path.of("target", "it-data", "h2", UUID.randomUUID().toString()).toAbsolutePath();
        return "jdbc:h2:file:" + dir.resolve("orchestrator")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=64;WRITE_DELAY=0";
    }
}
