package dev.codeagent.orchestrator.workflow;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh {@link WorkflowFixture} for every test of a step. */
abstract class WorkflowStepTest {

    @TempDir
    Path artifacts;

    WorkflowFixture f;

    @BeforeEach
    void createFixture() {
        f = new WorkflowFixture(artifacts);
    }

    @AfterEach
    void closeFixture() {
        f.close();
    }
}
