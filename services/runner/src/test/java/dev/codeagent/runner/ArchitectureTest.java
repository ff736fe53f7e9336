package dev.codeagent.runner;

import dev.codeagent.platform.testing.ServiceBoundaries;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void dependsOnNoOtherService() {
        ServiceBoundaries.assertIndependent("runner");
    }
}
