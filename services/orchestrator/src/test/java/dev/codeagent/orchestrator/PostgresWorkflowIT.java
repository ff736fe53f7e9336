package dev.codeagent.orchestrator;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The workflow scenarios on PostgreSQL (embedded, a real server process). */
class PostgresWorkflowIT extends AbstractWorkflowIT {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        fakeServices(registry);
        String url = TestDatabases.newPostgresDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    @Override
    String database() {
        return "pg";
    }
}
