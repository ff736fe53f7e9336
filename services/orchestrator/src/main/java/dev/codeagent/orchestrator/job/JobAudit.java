package dev.codeagent.orchestrator.job;

import static dev.codeagent.orchestrator.job.Rows.instant;
import static dev.codeagent.orchestrator.job.Rows.truncate;
import static dev.codeagent.orchestrator.job.Rows.ts;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A job's audit trail: what happened to it and when, in order. */
@Repository
public class JobAudit {

    private final JdbcClient jdbc;

    public JobAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String jobId, String event, String detail, Instant now) {
        jdbc.sql("insert into job_audit (job_id, occurred_at, event, detail) values (?, ?, ?, ?)")
                .params(jobId, ts(now), event, truncate(detail, 4000)).update();
    }

    public List<AuditEvent> trail(String jobId) {
        return jdbc.sql("select occurred_at, event, detail from job_audit where job_id = ? order by id")
                .param(jobId)
                .query((rs, n) -> new AuditEvent(instant(rs, "occurred_at"), rs.getString("event"),
                        rs.getString("detail")))
                .list();
    }
}
