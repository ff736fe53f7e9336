package dev.codeagent.llmpatch;

import dev.codeagent.platform.testing.ConfigurationDocumentation;
import org.junit.jupiter.api.Test;

class ConfigurationDocumentedTest {

    @Test
    void everyVariableIsDocumented() {
        ConfigurationDocumentation.assertDocumented();
    }
}
