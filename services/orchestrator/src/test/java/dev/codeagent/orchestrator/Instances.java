package dev.codeagent.orchestrator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts whole orchestrator instances (as separate Spring applications in this JVM) on a given database, to
 * test restarts and replicas. Command-line arguments are used because they outrank application.yml.
 */
final class Instances {

    private Instances() {
    }

    static ConfigurableApplicationContext start(String name, Map<String, String> database) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--codeagent.platform.internal-token=" + OrchestratorTestClient.TOKEN,
                "--codeagent.services.adapter-url=" + TestFakes.get().baseUrl(),
                "--codeagent.services.llm-patch-url=" + TestFakes.get().baseUrl(),
                "--codeagent.services.runner-url=" + TestFakes.get().baseUrl(),
                "--codeagent.scheduler.name=" + name,
                "--codeagent.scheduler.polling-interval=50ms",
                "--codeagent.scheduler.heartbeat-interval=250ms",
                "--codeagent.scheduler.missed-heartbeats=4",
                "--codeagent.scheduler.shutdown-max-wait=500ms",
                "--spring.lifecycle.timeout-per-shutdown-phase=2s",
                "--codeagent.workflow.initial-backoff=50ms",
                "--codeagent.workflow.max-backoff=300ms",
                "--codeagent.workflow.variant-timeout=60s",
                "--codeagent.services.adapter-timeout=20s",
                "--codeagent.artifacts.directory=target/it-data/artifacts",
                "--spring.main.banner-mode=off"));
        database.forEach((key, value) -> args.add("--" + key + "=" + value));
        return new SpringApplicationBuilder(OrchestratorApplication.class).run(args.toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    static Map<String, String> h2() {
        return Map.of("spring.datasource.url", TestDatabases.newH2Database());
    }

    static Map<String, String> postgres() {
        return Map.of("spring.datasource.url", TestDatabases.newPostgresDatabase(),
                "spring.datasource.username", "postgres", "spring.datasource.password", "postgres");
    }
}
