package dev.codeagent.gateway;

import dev.codeagent.platform.testing.ServiceSmokeChecks;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "codeagent.platform.internal-token=smoke-test-token-0123456789")
class GatewaySmokeIT {

    @LocalServerPort
    int port;

    @Test
    void answersActuatorEndpointsAndEchoesCorrelationId() throws Exception {
        ServiceSmokeChecks checks = new ServiceSmokeChecks(port);
        checks.assertActuatorEndpoints();
        checks.assertCorrelationIdEchoed();
        checks.assertInternalPathProtected("/api/internal-probe");
    }
}
