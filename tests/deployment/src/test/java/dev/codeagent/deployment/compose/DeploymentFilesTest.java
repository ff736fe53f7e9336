package dev.codeagent.deployment.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.sun.net.httpserver.HttpServer;

/**
 * Checks of the committed deployment files that need no container tooling: every variable the compose
 * files read is documented in .env.example, the committed files name real public images, kompose gets its
 * labels, and the two shell entry points behave. The image's own rules: {@link ServiceImageTest}.
 */
class DeploymentFilesTest {

    private static final Path ROOT = RepositoryRoot.find();
    private static final List<String> COMPOSE_FILES = List.of("docker-compose.yml", "docker-compose.dev.yml",
            "docker-compose.staging.yml", "docker-compose.prod.yml", "deploy/swarm/docker-stack.yml");

    @Test
    void everyVariableTheComposeFilesReadIsDocumentedInEnvExample() throws IOException {
        String envExample = Files.readString(ROOT.resolve(".env.example"));
        Pattern reference = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
        Set<String> undocumented = new TreeSet<>();
        for (String file : COMPOSE_FILES) {
            Matcher matcher = reference.matcher(Files.readString(ROOT.resolve(file)));
            while (matcher.find()) {
                String name = matcher.group(1);
                if (!Pattern.compile("(?m)^#?\\s*" + name + "=").matcher(envExample).find()) {
                    undocumented.add(name + " (" + file + ")");
                }
            }
        }
        assertThat(undocumented).as("variables missing from .env.example").isEmpty();
    }

    @Test
    void committedFilesNameRealPublicImages() throws IOException {
        Pattern image = Pattern.compile("(?m)^\\s*image:\\s*(\\S+)");
        List<String> images = new ArrayList<>();
        for (String file : COMPOSE_FILES) {
            Matcher matcher = image.matcher(Files.readString(ROOT.resolve(file)));
            while (matcher.find()) {
                images.add(matcher.group(1));
            }
        }
        assertThat(images).isNotEmpty().noneMatch(name -> name.startsWith("localhost/"))
                .noneMatch(name -> name.endsWith(":latest"))
                .contains("traefik:v3.3", "ngrok/ngrok:3", "ollama/ollama:0.6.5",
                        "mcr.microsoft.com/azure-storage/azurite:3.33.0", "supabase/postgres:15.8.1.060");
    }

    @Test
    void composeServicesCarryKomposeLabelsAndNoFixedNames() throws IOException {
        Map<String, Object> compose = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(ROOT.resolve("docker-compose.yml")));
        Map<String, Map<String, Object>> services = RenderedCompose.mapOfMaps(compose.get("services"));
        services.forEach((name, service) -> {
            assertThat(service).as(name).doesNotContainKey("container_name");
            Map<String, Object> labels = RenderedCompose.map(service.get("labels"));
            assertThat(labels.keySet()).as(name + " kompose labels")
                    .anyMatch(label -> label.startsWith("kompose."));
            // kompose builds Services from ports/expose and fails on a service type without ports.
            if (labels.containsKey("kompose.service.type")) {
                assertThat(service).as(name + " has kompose.service.type, so needs ports").containsKey("ports");
            }
            if (!service.containsKey("ports") && !name.equals("ollama-pull")) {
                assertThat(service).as(name + " needs expose for its Kubernetes Service").containsKey("expose");
            }
        });
        for (String exposed : List.of("gateway", "health-monitor")) {
            Map<String, Object> labels = RenderedCompose.map(services.get(exposed).get("labels"));
            assertThat(labels).as(exposed).containsKeys("kompose.service.expose",
                    "kompose.service.expose.ingress-class-name", "kompose.service.healthcheck.readiness.http_get_path");
        }
        assertThat(RenderedCompose.map(services.get("ollama-pull").get("labels")))
                .containsEntry("kompose.controller.type", "job");
    }

    @Test
    void ngrokWithoutTokenStopsCleanlyWithAClearMessage() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sh", ROOT.resolve("deploy/ngrok/entrypoint.sh").toString())
                .redirectErrorStream(true);
        builder.environment().remove("NGROK_AUTHTOKEN");
        Process process = builder.start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("exit 0 so restart: on-failure leaves it stopped").isZero();
        assertThat(output).contains("NGROK_AUTHTOKEN is not set").contains("rest of Code Agent runs");
    }

    @ParameterizedTest(name = "readiness {0}, curl available {1} -> exit 0: {2}")
    @CsvSource({"200,true,true", "503,true,false", "200,false,true", "503,false,false"})
    void healthcheckFollowsReadiness(int status, boolean withCurl, boolean healthy) throws Exception {
        Path script = ROOT.resolve("deploy/docker/healthcheck.sh");
        if (withCurl) {
            assumeTrue(onPath("curl"), "curl not installed");
        }
        assumeTrue(onPath("bash"), "bash not installed");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/actuator/health/readiness", exchange -> {
            byte[] body = (status == 200 ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}").getBytes();
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            ProcessBuilder builder = new ProcessBuilder("sh", script.toString(),
                    String.valueOf(server.getAddress().getPort())).redirectErrorStream(true);
            if (!withCurl) {
                // Only sh and bash: the script must fall back to bash's /dev/tcp.
                Path bin = Files.createTempDirectory("no-curl");
                Files.createSymbolicLink(bin.resolve("bash"), which("bash"));
                Files.createSymbolicLink(bin.resolve("sh"), which("sh"));
                builder.environment().put("PATH", bin.toString());
            }
            Process process = builder.start();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue() == 0).as(new String(process.getInputStream().readAllBytes())).isEqualTo(healthy);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void cdsTrainingRecordsAnArchiveForTheJar(@TempDir Path dir) throws Exception {
        // The stand-in application checks what the script promises it: a fresh token, a writable throwaway
        // data directory and Spring's exit-on-refresh switch; it records that directory and its temporary
        // one so the test can check that both are gone afterwards.
        buildJar(dir, """
                public class App {
                    public static void main(String[] args) throws Exception {
                        String token = System.getenv("CODEAGENT_INTERNAL_TOKEN");
                        java.nio.file.Path data = java.nio.file.Path.of(System.getenv("CODEAGENT_DATA_DIR"));
                        java.nio.file.Files.createDirectories(data);
                        java.nio.file.Files.writeString(data.resolve("db"), "x");
                        java.nio.file.Files.writeString(java.nio.file.Path.of("data-dir.txt"), data.toString());
                        java.nio.file.Files.writeString(java.nio.file.Path.of("tmp-dir.txt"), System.getProperty("java.io.tmpdir"));
                        boolean ok = token != null && token.matches("[0-9a-f]{32}")
                                && "onRefresh".equals(System.getProperty("spring.context.exit"));
                        System.exit(ok ? 0 : 3);
                    }
                }
                """);
        Process probe = new ProcessBuilder("java", "-Xshare:on", "-version").redirectErrorStream(true).start();
        probe.getInputStream().readAllBytes();
        assumeTrue(probe.waitFor() == 0, "the java on the PATH has no base class data sharing archive");
        Result result = runCdsTraining(dir);

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("cds-training: app.jsa");
        Path archive = dir.resolve("app.jsa");
        assertThat(Files.size(archive)).isPositive();
        assertThat(Files.getPosixFilePermissions(archive)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        assertThat(Path.of(Files.readString(dir.resolve("data-dir.txt")))).doesNotExist();
        assertThat(Path.of(Files.readString(dir.resolve("tmp-dir.txt")))).doesNotExist();
    }

    @Test
    void cdsTrainingFailsTheBuildWithTheRunsLogWhenTheServiceDoesNotStart(@TempDir Path dir) throws Exception {
        buildJar(dir, """
                public class App {
                    public static void main(String[] args) {
                        System.out.println("APPLICATION FAILED TO START: no database");
                        System.exit(1);
                    }
                }
                """);
        Result result = runCdsTraining(dir);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("APPLICATION FAILED TO START: no database")
                .contains("the training run of app.jar failed");
        assertThat(dir.resolve("app.jsa")).doesNotExist();
    }

    @Test
    void cdsTrainingSaysSoAndLeavesNoArchiveWhenTheJreHasNoBaseArchive(@TempDir Path dir) throws Exception {
        buildJar(dir, """
                public class App {
                    public static void main(String[] args) {
                    }
                }
                """);
        // A java that refuses to map a base archive, as one without lib/server/classes.jsa does.
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path fakeJava = bin.resolve("java");
        Files.writeString(fakeJava, "#!/bin/sh\ncase \"$*\" in *-Xshare:on*) echo 'no base archive' >&2; exit 1 ;; esac\n"
                + "exec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' \"$@\"\n");
        fakeJava.toFile().setExecutable(true);
        Result result = runCdsTraining(dir, bin + java.io.File.pathSeparator + System.getenv("PATH"));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("this JRE has no base class data sharing archive");
        assertThat(dir.resolve("app.jsa")).doesNotExist();
    }

    private record Result(int exitCode, String output) {
    }

    private static Result runCdsTraining(Path dir) throws Exception {
        return runCdsTraining(dir, System.getenv("PATH"));
    }

    private static Result runCdsTraining(Path dir, String path) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sh", ROOT.resolve("deploy/docker/cds-training.sh").toString())
                .directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("PATH", path);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    /** dir/app.jar with the one class App, compiled from source, as its Main-Class. */
    private static void buildJar(Path dir, String source) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("App.java"), source);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assumeTrue(compiler != null, "no Java compiler (a JRE runs the tests)");
        assertThat(compiler.run(null, null, null, "--release", "17", "-d", src.toString(),
                src.resolve("App.java").toString())).isZero();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "App");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(dir.resolve("app.jar")), manifest)) {
            jar.putNextEntry(new JarEntry("App.class"));
            jar.write(Files.readAllBytes(src.resolve("App.class")));
            jar.closeEntry();
        }
    }

    private static boolean onPath(String tool) {
        return which(tool) != null;
    }

    private static Path which(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .filter(dir -> !dir.isEmpty()).map(dir -> Path.of(dir, tool)).filter(Files::isExecutable)
                .findFirst().orElse(null);
    }
}
