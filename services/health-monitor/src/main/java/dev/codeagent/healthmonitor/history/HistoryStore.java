package dev.codeagent.healthmonitor.history;

import dev.codeagent.healthmonitor.config.Target;
import dev.codeagent.healthmonitor.status.ServiceStatus;
import dev.codeagent.healthmonitor.status.StatusChange;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** State changes and incidents of every target in the monitor's database (H2 file or PostgreSQL). */
@Repository
public class HistoryStore {

    static final int REASON_LENGTH = 2000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public HistoryStore(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Stores a change; a change to DOWN opens an incident unless one is open (the first check after a restart
     * of the monitor finding the target still down continues it), a change to UP closes it.
     */
    public void record(StatusChange change) {
        String reason = change.to() == ServiceStatus.DOWN ? truncate(change.error()) : null;
        transactions.executeWithoutResult(status -> {
            jdbc.sql("insert into monitor_state_change (target, from_state, to_state, changed_at, reason) "
                            + "values (:target, :from, :to, :at, :reason)")
                    .param("target", change.service())
                    .param("from", change.from() == null ? null : change.from().name())
                    .param("to", change.to().name())
                    .param("at", utc(change.at()))
                    .param("reason", reason)
                    .update();
            Optional<Instant> open = jdbc.sql("select started_at from monitor_incident "
                            + "where target = :target and ended_at is null order by started_at desc limit 1")
                    .param("target", change.service())
                    .query((rs, row) -> instant(rs, "started_at"))
                    .optional();
            if (change.to() == ServiceStatus.DOWN && open.isEmpty()) {
                jdbc.sql("insert into monitor_incident (target, started_at, reason) values (:target, :at, :reason)")
                        .param("target", change.service())
                        .param("at", utc(change.at()))
                        .param("reason", reason)
                        .update();
            } else if (change.to() == ServiceStatus.UP && open.isPresent()) {
                jdbc.sql("update monitor_incident set ended_at = :at, duration_ms = :duration "
                                + "where target = :target and ended_at is null")
                        .param("at", utc(change.at()))
                        .param("duration", Duration.between(open.get(), change.at()).toMillis())
                        .param("target", change.service())
                        .update();
            }
        });
    }

    /** The timelines of the given targets over the window ending now. */
    public HistoryReport timeline(List<Target> targets, Duration window) {
        Instant to = clock.instant();
        Instant from = to.minus(window);
        List<HistoryReport.TargetHistory> histories = new ArrayList<>();
        for (Target target : targets) {
            histories.add(timeline(target, from, to));
        }
        return new HistoryReport(from, to, histories);
    }

    /**
     * Deletes state changes and closed incidents that ended before the retention cutoff, but keeps each
     * target's latest change before it: that change says which state the timeline starts with.
     *
     * @return rows deleted
     */
    public int purge(Duration retention) {
        OffsetDateTime cutoff = utc(clock.instant().minus(retention));
        return transactions.execute(status -> jdbc.sql("delete from monitor_state_change c "
                                + "where c.changed_at < :cutoff and exists (select 1 from monitor_state_change n "
                                + "where n.target = c.target and n.changed_at <= :cutoff "
                                + "and (n.changed_at > c.changed_at or (n.changed_at = c.changed_at and n.id > c.id)))")
                        .param("cutoff", cutoff)
                        .update()
                + jdbc.sql("delete from monitor_incident where ended_at is not null and ended_at < :cutoff")
                        .param("cutoff", cutoff)
                        .update());
    }

    private HistoryReport.TargetHistory timeline(Target target, Instant from, Instant to) {
        List<Change> changes = new ArrayList<>();
        jdbc.sql("select to_state, changed_at from monitor_state_change where target = :target "
                        + "and changed_at <= :from order by changed_at desc, id desc limit 1")
                .param("target", target.name())
                .param("from", utc(from))
                .query(this::change)
                .optional()
                .ifPresent(before -> changes.add(new Change(before.state(), from)));
        changes.addAll(jdbc.sql("select to_state, changed_at from monitor_state_change where target = :target "
                        + "and changed_at > :from and changed_at <= :to order by changed_at, id")
                .param("target", target.name())
                .param("from", utc(from))
                .param("to", utc(to))
                .query(this::change)
                .list());
        List<HistoryReport.Segment> segments = new ArrayList<>();
        long known = 0;
        long up = 0;
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            Instant end = i + 1 < changes.size() ? changes.get(i + 1).at() : to;
            HistoryReport.Segment last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
            if (last != null && last.state() == change.state()) {
                // A restart of the monitor records the unchanged state again: one segment, not two.
                segments.set(segments.size() - 1, new HistoryReport.Segment(last.state(), last.from(), end));
            } else {
                segments.add(new HistoryReport.Segment(change.state(), change.at(), end));
            }
            long length = Duration.between(change.at(), end).toMillis();
            known += length;
            if (change.state() == ServiceStatus.UP) {
                up += length;
            }
        }
        Double uptime = known == 0 ? null : Math.round(up * 10000.0 / known) / 100.0;
        List<HistoryReport.Incident> incidents = jdbc.sql("select started_at, ended_at, reason from monitor_incident "
                        + "where target = :target and started_at <= :to and (ended_at is null or ended_at >= :from) "
                        + "order by started_at")
                .param("target", target.name())
                .param("from", utc(from))
                .param("to", utc(to))
                .query((rs, row) -> {
                    Instant start = instant(rs, "started_at");
                    Instant end = instant(rs, "ended_at");
                    return new HistoryReport.Incident(start, end,
                            Duration.between(start, end == null ? to : end).toMillis(), rs.getString("reason"));
                })
                .list();
        return new HistoryReport.TargetHistory(target.name(), target.critical(), uptime, segments, incidents);
    }

    private Change change(ResultSet rs, int row) throws SQLException {
        return new Change(ServiceStatus.valueOf(rs.getString("to_state")), instant(rs, "changed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String reason) {
        return reason == null || reason.length() <= REASON_LENGTH ? reason : reason.substring(0, REASON_LENGTH);
    }

    private record Change(ServiceStatus state, Instant at) {
    }
}
