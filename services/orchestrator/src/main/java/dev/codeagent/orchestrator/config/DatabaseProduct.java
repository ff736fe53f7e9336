package dev.codeagent.orchestrator.config;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/** Which database the orchestrator runs on, for the few statements and settings that differ by database. */
public final class DatabaseProduct {

    private DatabaseProduct() {
    }

    /** Whether {@code dataSource} is PostgreSQL (asks a connection's metadata). */
    public static boolean isPostgreSql(DataSource dataSource) throws MetaDataAccessException {
        return "PostgreSQL".equals(
                JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
    }
}
