package dev.codeagent.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The services as {@code bin/codeagent up} runs them: each a JVM started from its packaged jar
 * ({@code services/<name>/target/codeagent-<name>-0.1.0-SNAPSHOT.jar}) on a free loopback port, with a data
 * directory of its own and a generated internal token, the URLs of the others, and nothing of the caller's
 * {@code CODEAGENT_*} environment (a developer's Ollama URL or API key must not leak into a test). Closing the
 * stack stops every process it started, and a shutdown hook does so too if the test JVM is ended first.
 */
final class ServiceStack implements AutoCloseable {

    static final String ADAPTER = "adapter";
    static final String LLM_PATCH = "llm-patch";
    static final String ORCHESTRATOR = "orchestrator";
    static final String GATEWAY = "gateway";
    static final String RUNNER = "runner";
    private static final List<String> SERVICES = List.of(ADAPTER, LLM_PATCH, RUNNER, ORCHESTRATOR, GATEWAY);
    private static final String VERSION = "0.1.0-SNAPSHOT";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Path root;
    private final Path dataDir;
    private final String token;
    private final String webhookSecret;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> settings;
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Thread reaper = new Thread(this::killAll, "service-stack-reaper");

    private ServiceStack(Path root, Path dataDir, Map<String, Map<String, String>> settings) {
        this.root = root;
        this.dataDir = dataDir;
        this.settings = settings;
        this.token = secret();
        this.webhookSecret = secret();
    }

    private static String secret() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** The checkout's root: {@code -Dcodeagent.root} (set by the build), else the nearest folder up with services/. */
    static Path root() {
        String configured = System.getProperty("codeagent.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("services")) && Files.exists(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no Code Agent checkout above " + Path.of("").toAbsolutePath());
    }

    static Path jar(Path root, String service) {
        return root.resolve("services").resolve(service).resolve("target")
                .resolve("codeagent-" + service + "-" + VERSION + ".jar");
    }

    /** Why the stack cannot start here (a jar not built), for a skipped test; empty when it can. */
    static Optional<String> missingJars(Path root) {
        List<String> missing = SERVICES.stream().filter(s -> !Files.isRegularFile(jar(root, s)))
                .map(s -> root.relativize(jar(root, s)).toString()).toList();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("the system tests start the services from their jars, and " + String.join(", ", missing)
                + " is missing: build them first (./mvnw -B package -DskipTests -pl services/adapter,"
                + "services/llm-patch,services/runner,services/orchestrator,services/gateway -am) or run the whole build "
                + "(./mvnw -B verify)");
    }

    /**
     * The jars older than a source they are built from (bin/codeagent's test: the service's sources and pom, libs/,
     * the root pom), each with one such source: run alone, the module tests the jars as they were last built.
     */
    static List<String> staleJars(Path root) {
        List<String> stale = new ArrayList<>();
        for (String service : SERVICES) {
            Path jar = jar(root, service);
            Path module = root.resolve("services").resolve(service);
            try {
                FileTime built = Files.getLastModifiedTime(jar);
                List<Path> sources = List.of(module.resolve("src/main"), module.resolve("pom.xml"),
                        root.resolve("libs"), root.resolve("pom.xml"));
                for (Path source : sources) {
                    Optional<Path> newer = newerThan(source, built);
                    if (newer.isPresent()) {
                        stale.add(root.relativize(jar) + " (older than " + root.relativize(newer.get()) + ")");
                        break;
                    }
                }
            } catch (IOException e) {
                stale.add(root.relativize(jar) + " (" + e.getMessage() + ")");
            }
        }
        return stale;
    }

    private static Optional<Path> newerThan(Path source, FileTime time) throws IOException {
        if (!Files.exists(source)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(source)) {
            return files.filter(f -> !f.toString().contains("/target/") && Files.isRegularFile(f))
                    .filter(f -> lastModified(f).compareTo(time) > 0).findFirst();
        }
    }

    private static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts adapter, llm-patch, runner, orchestrator and gateway at the same time with {@code settings} (per service, on
     * top of the wiring) and waits until all are ready; on any failure, stops what it started and rethrows.
     */
    static ServiceStack start(Path root, Path dataDir, Map<String, Map<String, String>> settings) throws IOException {
        ServiceStack stack = new ServiceStack(root, dataDir, settings);
        Runtime.getRuntime().addShutdownHook(stack.reaper);
        try {
            for (String service : SERVICES) {
                stack.ports.put(service, freePort());
            }
            for (String service : SERVICES) {
                stack.launch(service, Map.of());
            }
            for (String service : SERVICES) {
                stack.awaitReady(service);
            }
            return stack;
        } catch (IOException | RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    String token() {
        return token;
    }

    /** What a delivery to the gateway must carry in {@code X-CodeAgent-Secret}. */
    String webhookSecret() {
        return webhookSecret;
    }

    /** The local provider's repositories (the adapter's {@code CODEAGENT_LOCAL_ROOT}). */
    Path repositories() {
        return dataDir.resolve("repos");
    }

    /**
     * Stops {@code service} (if it still runs) and starts it again on the same port with {@code overrides} on top of
     * its settings, as an operator restarts a service with a changed configuration; returns when it is ready.
     */
    void restart(String service, Map<String, String> overrides) throws IOException {
        stop(List.of(service));
        launch(service, overrides);
        awaitReady(service);
    }

    /**
     * Ends {@code service} at once with SIGKILL (its child processes too), as a crash or the kernel's OOM killer
     * would: no shutdown hook runs and no in-flight work is finished. {@link #restart} starts it again on its port
     * and data.
     */
    void kill(String service) {
        Process process = processes.remove(service);
        if (process == null) {
            return;
        }
        List<ProcessHandle> handles = new ArrayList<>(process.descendants().toList());
        handles.add(process.toHandle());
        handles.forEach(ProcessHandle::destroyForcibly);
        handles.forEach(handle -> handle.onExit().join());
    }

    private void launch(String service, Map<String, String> overrides) throws IOException {
        Path logs = Files.createDirectories(dataDir.resolve("logs"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // The JVM flags of bin/codeagent: a short-lived local process starts faster with C1 and the serial GC.
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xss512k", "-Xmx384m", "-jar", jar(root, service).toString())
                .directory(dataDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(service + ".log").toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("CODEAGENT_") || name.startsWith("SPRING_")
                || name.startsWith("SERVER_") || name.startsWith("MANAGEMENT_") || name.startsWith("LOGGING_"));
        env.put("CODEAGENT_DATA_DIR", dataDir.toString());
        env.put("CODEAGENT_SECRETS_DIR", dataDir.resolve("no-secrets").toString());
        env.put("CODEAGENT_INTERNAL_TOKEN", token);
        env.put("CODEAGENT_WEBHOOK_SECRET", webhookSecret);
        env.put("CODEAGENT_ORCHESTRATOR_URL", url(ORCHESTRATOR));
        env.put("CODEAGENT_ADAPTER_URL", url(ADAPTER));
        env.put("CODEAGENT_LLM_PATCH_URL", url(LLM_PATCH));
        env.put("CODEAGENT_RUNNER_URL", url(RUNNER));
        // No container engine is assumed on a test machine: checks (ChecksJobIT's javac and java) run as processes.
        env.put("CODEAGENT_RUNNER_ISOLATION", "process");
        env.put("CODEAGENT_ADAPTER_PUBLIC_URL", url(ADAPTER));
        env.put("CODEAGENT_DASHBOARD_URL", "http://127.0.0.1:9");
        // Stopping is part of every run: no need to wait for in-flight work of a finished test.
        env.put("CODEAGENT_SHUTDOWN_TIMEOUT", "2s");
        env.put("CODEAGENT_SCHEDULER_SHUTDOWN_MAX_WAIT", "1s");
        env.put("SERVER_PORT", Integer.toString(ports.get(service)));
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.putAll(settings.getOrDefault(service, Map.of()));
        env.putAll(overrides);
        processes.put(service, builder.start());
    }

    private void awaitReady(String service) {
        Process process = processes.get(service);
        URI readiness = URI.create(url(service) + "/actuator/health/readiness");
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service + " exited with " + process.exitValue()
                        + " during start-up; its log ends with:\n" + logTail(service));
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + service, e);
            }
            pause(Duration.ofMillis(250));
        }
        throw new IllegalStateException(service + " was not ready within " + READY_TIMEOUT.toSeconds()
                + " s; its log ends with:\n" + logTail(service));
    }

    /** The last lines of a service's log, for a failure message. */
    String logTail(String service) {
        Path log = dataDir.resolve("logs").resolve(service + ".log");
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return lines.subList(Math.max(0, lines.size() - 40), lines.size()).stream()
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            return "(no log at " + log + ": " + e.getMessage() + ")";
        }
    }

    /** SIGTERM to each, then a kill for any that has not ended in time. */
    private void stop(List<String> services) {
        List<ProcessHandle> handles = new ArrayList<>();
        for (String service : services) {
            Process process = processes.remove(service);
            if (process != null) {
                handles.add(process.toHandle());
                process.descendants().forEach(handles::add);
            }
        }
        handles.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(STOP_TIMEOUT);
        for (ProcessHandle handle : handles) {
            try {
                long left = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
                handle.onExit().get(left, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
                handle.onExit().join();
            }
        }
    }

    private void killAll() {
        processes.values().forEach(p -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        });
    }

    @Override
    public void close() {
        stop(List.copyOf(processes.keySet()));
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down and runs the hook itself
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
