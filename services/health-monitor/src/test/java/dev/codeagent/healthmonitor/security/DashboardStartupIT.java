package dev.codeagent.healthmonitor.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codeagent.healthmonitor.HealthMonitorApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** A monitor whose sign-in is not set up refuses to start rather than serve an open dashboard. */
@ExtendWith(OutputCaptureExtension.class)
class DashboardStartupIT {

    @TempDir
    Path dir;

    @Test
    void basicWithoutAUsersFileDoesNotStart() {
        assertThatThrownBy(() -> start("codeagent.dashboard.users-file=" + dir.resolve("missing")))
                .rootCause().hasMessageContaining("CODEAGENT_DASHBOARD_AUTH=basic but no dashboard users are configured")
                .hasMessageContaining(dir.resolve("missing") + ", missing or empty")
                .hasMessageContaining("htpasswd -nB admin");
    }

    @Test
    void basicWithAnEmptyUsersFileDoesNotStart() throws Exception {
        Path users = Files.writeString(dir.resolve("dashboard_users"), "# nobody yet\n\n");
        assertThatThrownBy(() -> start("codeagent.dashboard.users-file=" + users))
                .rootCause().hasMessageContaining("no dashboard users are configured");
    }

    @Test
    void aPlainTextPasswordStopsTheStartNamingTheLine() throws Exception {
        Path users = Files.writeString(dir.resolve("dashboard_users"), "admin:$apr1$ab$jiiV6N7hIIuIoJbc1hxOE/\nbob:hunter2\n");
        assertThatThrownBy(() -> start("codeagent.dashboard.users-file=" + users))
                .rootCause().hasMessageContaining(users + " line 2: the password of 'bob' is not a bcrypt")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aUsersFileIsReadWhenNoInlineUsersAreSet() throws Exception {
        Path users = Files.writeString(dir.resolve("dashboard_users"), "admin:$apr1$ab$jiiV6N7hIIuIoJbc1hxOE/\n");
        try (ConfigurableApplicationContext context = start("codeagent.dashboard.users-file=" + users)) {
            assertThat(context.isRunning()).isTrue();
        }
    }

    @Test
    void oidcWithoutItsSettingsDoesNotStart() {
        assertThatThrownBy(() -> start("codeagent.dashboard.auth=oidc",
                "codeagent.dashboard.oidc.client-id=app-id"))
                .rootCause().hasMessageContaining("CODEAGENT_DASHBOARD_AUTH=oidc needs CODEAGENT_DASHBOARD_OIDC_ISSUER, "
                        + "CODEAGENT_DASHBOARD_OIDC_CLIENT_SECRET, CODEAGENT_DASHBOARD_OIDC_ALLOWED_GROUP");
    }

    @Test
    void noneStartsWithAWarning(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start("codeagent.dashboard.auth=none",
                "codeagent.dashboard.users-file=" + dir.resolve("missing"))) {
            assertThat(context.isRunning()).isTrue();
        }
        assertThat(output.getAll()).contains("WARN").contains("CODEAGENT_DASHBOARD_AUTH=none: the dashboard and job "
                + "APIs are open to anyone who can reach port 0");
    }

    private ConfigurableApplicationContext start(String... properties) {
        // Command-line arguments, so they win over application.yml as the environment would.
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--codeagent.platform.internal-token=startup-it-token-0123456789",
                "--codeagent.monitor.targets=self=http://127.0.0.1:9/|optional"));
        List.of(properties).forEach(p -> args.add("--" + p));
        return new SpringApplicationBuilder(HealthMonitorApplication.class).run(args.toArray(String[]::new));
    }
}
