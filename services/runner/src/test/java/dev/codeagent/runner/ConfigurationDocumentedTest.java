package dev.codeagent.runner;

import dev.codeagent.platform.testing.ConfigurationDocumentation;
import org.junit.jupiter.api.Test;

class ConfigurationDocumentedTest {

    @Test
    void everyVariableIsDocumented() {
        ConfigurationDocumentation.assertDocumented();
    }
}
