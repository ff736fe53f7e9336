package dev.codeagent.orchestrator;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The workflow scenarios on the embedded default database, H2 in file mode. */
class H2WorkflowIT extends AbstractWorkflowIT {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        fakeServices(registry);
        registry.add("spring.datasource.url", TestDatabases::newH2Database);
    }

    @Override
    String database() {
        return "h2";
    }
}
