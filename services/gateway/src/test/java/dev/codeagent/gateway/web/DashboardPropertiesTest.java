package dev.codeagent.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DashboardPropertiesTest {

    @Test
    void unsetOrBlankMeansNoLinkAndTrailingSlashesGo() {
        assertThat(new DashboardProperties(null).url()).isNull();
        assertThat(new DashboardProperties(" ").url()).isNull();
        assertThat(new DashboardProperties("https://agent.example.com/codeagent//").url())
                .isEqualTo("https://agent.example.com/codeagent");
    }

    @Test
    void onlyAnAbsoluteWebUrlIsAccepted() {
        assertThatThrownBy(() -> new DashboardProperties("agent.example.com")).hasMessageContaining(
                "CODEAGENT_DASHBOARD_URL must be an absolute http(s) URL");
        assertThatThrownBy(() -> new DashboardProperties("javascript:alert(1)")).hasMessageContaining(
                "CODEAGENT_DASHBOARD_URL must be an absolute http(s) URL");
    }
}
