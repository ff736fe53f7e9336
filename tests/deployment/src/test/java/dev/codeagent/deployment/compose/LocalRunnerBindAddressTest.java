package dev.codeagent.deployment.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where {@code bin/codeagent up} makes the services listen: 127.0.0.1 unless {@code CODEAGENT_BIND_ADDRESS}
 * says otherwise (Spring's {@code server.address}, given as {@code SERVER_ADDRESS}), and where the script
 * itself then reaches them.
 */
class LocalRunnerBindAddressTest {

    @TempDir
    Path dir;

    @BeforeEach
    void bashIsThere() {
        LocalRunnerScript.assumeBash();
    }

    @Test
    void servicesListenOnLoopbackByDefault() throws Exception {
        Started started = startGateway(Map.of());

        assertThat(started.serverAddress()).isEqualTo("127.0.0.1");
        assertThat(started.url()).isEqualTo("http://127.0.0.1:" + started.port());
    }

    @Test
    void theBindAddressIsConfigurableAndTheScriptStillReachesTheServices() throws Exception {
        Started everywhere = startGateway(Map.of("CODEAGENT_BIND_ADDRESS", "0.0.0.0"));

        assertThat(everywhere.serverAddress()).isEqualTo("0.0.0.0");
        assertThat(everywhere.url()).as("a wildcard is reached on loopback").isEqualTo("http://127.0.0.1:"
                + everywhere.port());
        assertThat(run(Map.of("CODEAGENT_BIND_ADDRESS", "10.1.2.3"), "url_of gateway; echo; dashboard_url"))
                .isEqualTo("http://10.1.2.3:3001\nhttp://10.1.2.3:8888");
        assertThat(run(Map.of("CODEAGENT_BIND_ADDRESS", "fd00::5"), "url_of orchestrator"))
                .isEqualTo("http://[fd00::5]:7071");
    }

    private record Started(String serverAddress, String url, int port) {
    }

    /** Starts the gateway through the script's own start step, with a stand-in `java` that records its environment. */
    private Started startGateway(Map<String, String> settings) throws Exception {
        Path jar = Files.createDirectories(dir.resolve("root/services/gateway/target"))
                .resolve("codeagent-gateway-0.1.0.jar");
        Files.writeString(jar, "not a jar");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\nprintf '%s' \"$SERVER_ADDRESS\" > \"$CODEAGENT_DATA_DIR/server-address\"\n");
        assertThat(java.toFile().setExecutable(true)).isTrue();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Map<String, String> env = new HashMap<>(settings);
        env.put("CODEAGENT_GATEWAY_PORT", String.valueOf(port));
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        String url = run(env, "ROOT=\"$2\" TOKEN=t WEBHOOK_SECRET= start_service gateway >/dev/null; url_of gateway",
                dir.resolve("root").toString());
        Path recorded = dir.resolve("data/server-address");
        for (int i = 0; i < 100 && !Files.exists(recorded); i++) {
            Thread.sleep(100);
        }
        assertThat(recorded).as("the stand-in java ran").exists();
        return new Started(Files.readString(recorded), url, port);
    }

    private String run(Map<String, String> settings, String commands, String... args)
            throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>(settings);
        env.put("CODEAGENT_DATA_DIR", dir.resolve("data").toString());
        return LocalRunnerScript.run(env, commands, args).strip();
    }
}
