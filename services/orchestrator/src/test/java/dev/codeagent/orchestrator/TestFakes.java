package dev.codeagent.orchestrator;

import dev.codeagent.orchestrator.fake.FakeServices;

/** The fake adapter and llm-patch shared by all integration tests of a JVM. */
public final class TestFakes {

    private static FakeServices fakes;

    private TestFakes() {
    }

    public static synchronized FakeServices get() {
        if (fakes == null) {
            fakes = new FakeServices();
        }
        return fakes;
    }
}
