package dev.codeagent.orchestrator.job;

import static dev.codeagent.orchestrator.job.Rows.instant;
import static dev.codeagent.orchestrator.job.Rows.nullableInt;
import static dev.codeagent.orchestrator.job.Rows.nullableLong;
import static dev.codeagent.orchestrator.job.Rows.truncate;
import static dev.codeagent.orchestrator.job.Rows.ts;

import dev.codeagent.contracts.check.CheckOutcome;
import dev.codeagent.contracts.check.CheckSource;
import dev.codeagent.contracts.check.TestCounts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The rounds of checks of variants ({@code job_check_round}); a round is written once and never changes after. */
@Repository
public class CheckStore {

    private static final String COLUMNS = "job_id, k, round, commit_sha, source, passed, repairs_allowed, tests_passed, tests_failed, "
            + "tests_skipped, checks_json, config_error, error, repair_error, log_key, isolation, duration_ms, "
            + "created_at";
    private static final TypeReference<List<CheckOutcome>> OUTCOMES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public CheckStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Records a round. A round recorded already (a replay that ran the check again before it saw the first record)
     * stays as it was: the variant acts on the first answer only.
     */
    public void record(CheckRound r) {
        TestCounts tests = r.tests();
        try {
            jdbc.sql("insert into job_check_round (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                            + "?, ?, ?, ?)")
                    .params(Arrays.asList(r.jobId(), r.k(), r.round(), r.commit(),
                            r.source() == null ? null : source(r.source()), r.passed(), r.repairsAllowed(),
                            tests == null ? null : tests.passed(), tests == null ? null : tests.failed(),
                            tests == null ? null : tests.skipped(), json.writeValueAsString(r.checks()),
                            truncate(r.configError(), 2000), truncate(r.error(), 2000), truncate(r.repairError(), 2000),
                            r.logKey(), truncate(r.isolation(), 32), r.durationMs(), ts(r.createdAt())))
                    .update();
        } catch (DuplicateKeyException e) {
            // Recorded by an earlier run of the same step.
        }
    }

    /** Notes why the repair after a failed round produced no commit. */
    public void repairFailed(String jobId, int k, int round, String reason) {
        jdbc.sql("update job_check_round set repair_error = ? where job_id = ? and k = ? and round = ?")
                .params(truncate(reason, 2000), jobId, k, round).update();
    }

    public Optional<CheckRound> round(String jobId, int k, int round) {
        return jdbc.sql("select " + COLUMNS + " from job_check_round where job_id = ? and k = ? and round = ?")
                .params(jobId, k, round).query(this::row).optional();
    }

    /** The rounds of a job's variants, by k, each list in round order. */
    public Map<Integer, List<CheckRound>> rounds(String jobId) {
        return jdbc.sql("select " + COLUMNS + " from job_check_round where job_id = ? order by k, round")
                .param(jobId).query(this::row).list().stream()
                .collect(Collectors.groupingBy(CheckRound::k, Collectors.toCollection(ArrayList::new)));
    }

    /** The rounds of several jobs at once (for listings): job id → k → rounds in order. */
    public Map<String, Map<Integer, List<CheckRound>>> roundsOf(List<String> jobIds) {
        if (jobIds.isEmpty()) {
            return Map.of();
        }
        String marks = jobIds.stream().map(id -> "?").collect(Collectors.joining(", "));
        return jdbc.sql("select " + COLUMNS + " from job_check_round where job_id in (" + marks + ") "
                        + "order by job_id, k, round")
                .params(new ArrayList<Object>(jobIds)).query(this::row).list().stream()
                .collect(Collectors.groupingBy(CheckRound::jobId, Collectors.groupingBy(CheckRound::k,
                        Collectors.toCollection(ArrayList::new))));
    }

    private CheckRound row(ResultSet rs, int n) throws SQLException {
        Integer passed = nullableInt(rs, "tests_passed");
        String source = rs.getString("source");
        String checks = rs.getString("checks_json");
        return new CheckRound(rs.getString("job_id"), rs.getInt("k"), rs.getInt("round"), rs.getString("commit_sha"),
                source == null ? null : parse(source), rs.getBoolean("passed"), rs.getInt("repairs_allowed"),
                passed == null ? null : new TestCounts(passed, rs.getInt("tests_failed"), rs.getInt("tests_skipped")),
                checks == null ? List.of() : json.readValue(checks, OUTCOMES), rs.getString("config_error"),
                rs.getString("error"), rs.getString("repair_error"), rs.getString("log_key"),
                rs.getString("isolation"), nullableLong(rs, "duration_ms"), instant(rs, "created_at"));
    }

    private static String source(CheckSource source) {
        return switch (source) {
            case CONFIGURED -> "configured";
            case DETECTED -> "detected";
            case NONE -> "none";
        };
    }

    private static CheckSource parse(String value) {
        for (CheckSource s : CheckSource.values()) {
            if (source(s).equals(value)) {
                return s;
            }
        }
        throw new IllegalStateException("unknown check source in the database: " + value);
    }
}
