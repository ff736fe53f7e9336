package dev.codeagent.adapter;

import dev.codeagent.platform.testing.ServiceSmokeChecks;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

class AdapterSmokeIT extends AdapterIntegrationTestSupport {

    @LocalServerPort
    int port;

    @Test
    void answersActuatorEndpointsAndEchoesCorrelationId() throws Exception {
        ServiceSmokeChecks checks = new ServiceSmokeChecks(port);
        checks.assertActuatorEndpoints();
        checks.assertCorrelationIdEchoed();
        checks.assertInternalPathProtected("/api/v1/providers");
    }
}
