package dev.codeagent.platform.testing;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The smoke test of a service whose application starts with defaults and a service token: a service's
 * {@code *SmokeIT} extends it, names one of its internal paths and adds checks of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "codeagent.platform.internal-token=smoke-test-token-0123456789")
public abstract class ServiceSmokeTestSupport {

    private final String internalPath;

    @LocalServerPort
    protected int port;

    /** {@code internalPath}: a path of the service's internal API, which must refuse a call without the token. */
    protected ServiceSmokeTestSupport(String internalPath) {
        this.internalPath = internalPath;
    }

    @Test
    public void answersActuatorEndpointsAndEchoesCorrelationId() throws Exception {
        ServiceSmokeChecks checks = new ServiceSmokeChecks(port);
        checks.assertActuatorEndpoints();
        checks.assertCorrelationIdEchoed();
        checks.assertInternalPathProtected(internalPath);
    }
}
