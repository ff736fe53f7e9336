package dev.codeagent.healthmonitor.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.healthmonitor.config.ExpectedStatus;
import dev.codeagent.healthmonitor.config.Target;
import dev.codeagent.healthmonitor.status.ServiceStatus;
import dev.codeagent.healthmonitor.status.StatusChange;
import dev.codeagent.platform.testing.MutableClock;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The history store on the default H2 file database: timelines, incidents and the retention purge. */
class HistoryStoreIT {

    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    static final Target CORE = new Target("core", URI.create("http://core/health"), ExpectedStatus.parse(null),
            Duration.ofSeconds(1), true);

    final MutableClock clock = new MutableClock(T0);
    HistoryStore store;
    JdbcClient jdbc;

    @BeforeEach
    void database() {
        Path dir = Path.of("target", "it-data", "history-store", UUID.randomUUID().toString()).toAbsolutePath();
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("history")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        h2.setUser("sa");
        store = store(h2, clock);
        jdbc = JdbcClient.create(h2);
    }

    /** The store over a database migrated as the application does (application.yml's Flyway settings). */
    static HistoryStore store(DataSource dataSource, MutableClock clock) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/monitor").table("monitor_schema_history")
                .baselineOnMigrate(true).baselineVersion("0").load().migrate();
        return new HistoryStore(JdbcClient.create(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), clock);
    }

    @Test
    void timelineHasSegmentsUptimeAndTheIncidentWithItsDuration() {
        store.record(change(null, ServiceStatus.UP, T0, null));
        store.record(change(ServiceStatus.UP, ServiceStatus.DOWN, T0.plus(Duration.ofHours(1)), "Connection refused"));
        store.record(change(ServiceStatus.DOWN, ServiceStatus.UP, T0.plus(Duration.ofMinutes(90)), null));
        clock.set(T0.plus(Duration.ofHours(2)));

        HistoryReport.TargetHistory core = store.timeline(List.of(CORE), Duration.ofHours(24)).targets().get(0);

        assertThat(core.name()).isEqualTo("core");
        assertThat(core.critical()).isTrue();
        assertThat(core.segments()).containsExactly(
                new HistoryReport.Segment(ServiceStatus.UP, T0, T0.plus(Duration.ofHours(1))),
                new HistoryReport.Segment(ServiceStatus.DOWN, T0.plus(Duration.ofHours(1)),
                        T0.plus(Duration.ofMinutes(90))),
                new HistoryReport.Segment(ServiceStatus.UP, T0.plus(Duration.ofMinutes(90)),
                        T0.plus(Duration.ofHours(2))));
        assertThat(core.uptimePercent()).isEqualTo(75.0);
        assertThat(core.incidents()).containsExactly(new HistoryReport.Incident(T0.plus(Duration.ofHours(1)),
                T0.plus(Duration.ofMinutes(90)), Duration.ofMinutes(30).toMillis(), "Connection refused"));
    }

    @Test
    void firstCheckAfterAMonitorRestartContinuesTheStateAndTheOpenIncident() {
        store.record(change(null, ServiceStatus.DOWN, T0, "HTTP 503 (expected 2xx)"));
        // The monitor restarted; its first check finds the target still down.
        store.record(change(null, ServiceStatus.DOWN, T0.plus(Duration.ofMinutes(10)), "Connection refused"));
        clock.set(T0.plus(Duration.ofMinutes(20)));

        HistoryReport.TargetHistory core = store.timeline(List.of(CORE), Duration.ofHours(1)).targets().get(0);

        assertThat(core.segments()).containsExactly(new HistoryReport.Segment(ServiceStatus.DOWN, T0,
                T0.plus(Duration.ofMinutes(20))));
        assertThat(core.uptimePercent()).isEqualTo(0.0);
        assertThat(core.incidents()).containsExactly(new HistoryReport.Incident(T0, null,
                Duration.ofMinutes(20).toMillis(), "HTTP 503 (expected 2xx)"));
    }

    @Test
    void windowStartsWithTheStateThatHeldAtItsStart() {
        store.record(change(null, ServiceStatus.UP, T0, null));
        clock.set(T0.plus(Duration.ofDays(2)));

        HistoryReport report = store.timeline(List.of(CORE), Duration.ofHours(24));

        assertThat(report.targets().get(0).segments()).containsExactly(
                new HistoryReport.Segment(ServiceStatus.UP, report.from(), report.to()));
        assertThat(report.targets().get(0).uptimePercent()).isEqualTo(100.0);
    }

    @Test
    void nothingKnownMeansNoSegmentsAndNoUptime() {
        HistoryReport.TargetHistory core = store.timeline(List.of(CORE), Duration.ofHours(24)).targets().get(0);

        assertThat(core.segments()).isEmpty();
        assertThat(core.uptimePercent()).isNull();
        assertThat(core.incidents()).isEmpty();
    }

    @Test
    void purgeDropsWhatIsOlderThanTheRetentionButKeepsTheStateTheTimelineStartsWith() {
        store.record(change(null, ServiceStatus.UP, T0, null));
        store.record(change(ServiceStatus.UP, ServiceStatus.DOWN, T0.plus(Duration.ofDays(1)), "Connection refused"));
        store.record(change(ServiceStatus.DOWN, ServiceStatus.UP, T0.plus(Duration.ofDays(1).plusMinutes(5)), null));
        store.record(change(ServiceStatus.UP, ServiceStatus.DOWN, T0.plus(Duration.ofDays(9)), "Read timed out"));
        clock.set(T0.plus(Duration.ofDays(10)));

        assertThat(store.purge(Duration.ofDays(7))).isEqualTo(3);  // 2 changes, 1 closed incident

        assertThat(jdbc.sql("select to_state from monitor_state_change order by changed_at").query(String.class)
                .list()).containsExactly("UP", "DOWN");
        HistoryReport.TargetHistory week = store.timeline(List.of(CORE), Duration.ofDays(7)).targets().get(0);
        assertThat(week.segments()).extracting(HistoryReport.Segment::state)
                .containsExactly(ServiceStatus.UP, ServiceStatus.DOWN);
        assertThat(week.incidents()).hasSize(1).allSatisfy(i -> assertThat(i.end()).isNull());

        clock.advance(Duration.ofDays(30));
        store.purge(Duration.ofDays(7));
        assertThat(store.timeline(List.of(CORE), Duration.ofHours(1)).targets().get(0).incidents())
                .as("an open incident is kept however old").hasSize(1);
    }

    static StatusChange change(ServiceStatus from, ServiceStatus to, Instant at, String error) {
        return new StatusChange("core", true, from, to, at, error, at);
    }
}
