package dev.codeagent.deployment.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The one image definition, deploy/docker/Dockerfile, keeps the image rules for every service, and
 * docker-compose.yml builds each service module from it with that service's own build arguments.
 */
class ServiceImageTest {

    private static final Path ROOT = RepositoryRoot.find();
    private static final String DOCKERFILE = "deploy/docker/Dockerfile";
    /** The CDS training run: as root (/app is not the service's to write), then back to the service's user. */
    private static final String CDS_TRAINING = "USER root\nRUN codeagent-cds-training\nUSER 10001:10001\n";
    /** server.port in a service's application.yml: the variable that moves it and the default. */
    private static final Pattern SERVER_PORT = Pattern.compile("(?m)^server:\\n(?:[ ]+.*\\n)*?[ ]+port: \\$\\{([A-Z0-9_]+):(\\d+)}");

    @Test
    void dockerfileFollowsTheImageRules() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve(DOCKERFILE));
        assertThat(dockerfile)
                .contains("ARG JRE_IMAGE=eclipse-temurin:17-jre")
                .contains("ARG BUILD_IMAGE=maven:3.9-eclipse-temurin-17")
                .contains("ARG LAYERS=build")
                .contains("--mount=type=cache,target=/root/.m2")
                .contains("-pl \"services/${SERVICE}\" -am")
                .contains("COPY services/${SERVICE}/target/codeagent-${SERVICE}-*.jar app.jar")
                .contains("COPY --from=layers /layers/extracted/dependencies/ ./")
                .contains("COPY --from=layers /layers/extracted/snapshot-dependencies/ ./")
                .contains("COPY --from=layers /layers/extracted/application/ ./")
                .contains("ENTRYPOINT [\"java\", \"-XX:SharedArchiveFile=/app/app.jsa\", \"-jar\", \"/app/app.jar\"]")
                .contains("COPY --chmod=0755 deploy/docker/healthcheck.sh /usr/local/bin/codeagent-healthcheck")
                .contains("COPY --chmod=0755 deploy/docker/cds-training.sh /usr/local/bin/codeagent-cds-training")
                .contains("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError")
                .contains("CODEAGENT_LOG_FORMAT=json", "CODEAGENT_DATA_DIR=/data")
                .contains("${PORT_VARIABLE}=${PORT}", "CODEAGENT_PORT_VARIABLE=${PORT_VARIABLE}")
                .contains("USER 10001:10001", "--uid 10001", "-u 10001")
                .contains("EXPOSE ${PORT}")
                .contains("HEALTHCHECK --interval=10s --timeout=4s --start-period=120s --retries=3")
                .contains("CMD codeagent-healthcheck \"${SERVER_PORT:-$(printenv \"$CODEAGENT_PORT_VARIABLE\")}\"")
                .contains("STOPSIGNAL SIGTERM")
                .contains("org.opencontainers.image.title=\"codeagent-${SERVICE}\"")
                .contains("org.opencontainers.image.description=\"${DESCRIPTION}\"")
                .contains("org.opencontainers.image.revision=\"${VCS_REF}\"")
                .contains("org.opencontainers.image.created=\"${CREATED}\"");
        // Both layer sources extract without a launcher, so no stage copies the empty loader layer.
        assertThat(dockerfile.split("-Djarmode=tools -jar app.jar extract --layers --destination extracted", -1))
                .hasSize(3);
        assertThat(dockerfile).doesNotContain("--launcher", "JarLauncher", "spring-boot-loader");
        // Two layer sources, LAYERS picks one, and the default target is the last stage, on the JRE image.
        List<String> froms = dockerfile.lines().filter(line -> line.startsWith("FROM ")).toList();
        assertThat(froms).containsExactly("FROM ${BUILD_IMAGE} AS build", "FROM ${JRE_IMAGE} AS prebuilt",
                "FROM ${LAYERS} AS layers", "FROM ${JRE_IMAGE} AS runtime");
        // The archive is recorded once, in the final stage, for the jars that stage holds.
        String runtime = dockerfile.substring(dockerfile.indexOf("FROM ${JRE_IMAGE} AS runtime"));
        assertThat(dockerfile.split(CDS_TRAINING, -1)).hasSize(2);
        assertThat(runtime.indexOf(CDS_TRAINING)).isGreaterThan(runtime.indexOf("COPY --from=layers /layers/extracted/application/"));
        // The service's own settings only after its own layers: Buildah keys cached steps by their
        // unexpanded text and would otherwise reuse one service's port for the next service built.
        String ownLayers = runtime.substring(runtime.indexOf("COPY --from=layers /layers/extracted/application/"));
        assertThat(ownLayers).contains("ARG PORT\n", "ENV ${PORT_VARIABLE}=${PORT}", "EXPOSE ${PORT}", "HEALTHCHECK");
        assertThat(runtime.substring(0, runtime.indexOf("COPY --from=layers")))
                .doesNotContain("${PORT", "${SERVICE", "${DESCRIPTION", "HEALTHCHECK");
        // Labels last: revision and date change on every build and must not invalidate a cached layer.
        String afterTraining = runtime.substring(runtime.indexOf(CDS_TRAINING) + CDS_TRAINING.length());
        assertThat(afterTraining.lines().filter(line -> !line.isBlank() && !line.startsWith("#")
                && !line.startsWith(" ")).map(line -> line.split(" ")[0]).distinct())
                .containsExactly("ARG", "LABEL");
        assertThat(afterTraining).contains("ARG SERVICE", "ARG DESCRIPTION", "ARG VCS_REF", "ARG CREATED");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"gateway,3001", "orchestrator,7071", "adapter,3002", "llm-patch,3003", "runner,3004", "health-monitor,8888"})
    void composeBuildsTheServiceFromTheOneDockerfile(String service, String port) throws IOException {
        Map<String, Object> build = RenderedCompose.map(composeServices().get(service).get("build"));
        assertThat(build).containsEntry("context", ".").containsEntry("dockerfile", DOCKERFILE);
        Map<String, Object> args = RenderedCompose.map(build.get("args"));
        assertThat(args).containsEntry("SERVICE", service).containsEntry("PORT", port)
                .containsEntry("JRE_IMAGE", "${JRE_IMAGE:-eclipse-temurin:17-jre}")
                .containsEntry("BUILD_IMAGE", "${BUILD_IMAGE:-maven:3.9-eclipse-temurin-17}")
                .containsEntry("LAYERS", "build");
        assertThat(String.valueOf(args.get("DESCRIPTION"))).startsWith("Code Agent ");
        // The image sets the variable the service itself reads its port from, to the port it expects.
        Matcher serverPort = SERVER_PORT.matcher(Files.readString(
                ROOT.resolve("services/" + service + "/src/main/resources/application.yml")));
        assertThat(serverPort.find()).as(service + " application.yml server.port").isTrue();
        assertThat(serverPort.group(1)).isEqualTo("CODEAGENT_" + service.toUpperCase(Locale.ROOT).replace('-', '_') + "_PORT");
        assertThat(serverPort.group(2)).isEqualTo(port);
        assertThat(args).containsEntry("PORT_VARIABLE", serverPort.group(1));
    }

    @Test
    void everyServiceModuleIsBuiltFromTheOneDockerfileAndNoneKeepsItsOwn() throws IOException {
        List<String> modules;
        try (Stream<Path> dirs = Files.list(ROOT.resolve("services"))) {
            modules = dirs.filter(dir -> Files.isRegularFile(dir.resolve("pom.xml")))
                    .map(dir -> dir.getFileName().toString()).sorted().toList();
        }
        assertThat(modules).isNotEmpty();
        for (String module : modules) {
            try (Stream<Path> files = Files.list(ROOT.resolve("services").resolve(module))) {
                assertThat(files.map(file -> file.getFileName().toString()))
                        .as("services/" + module).noneMatch(name -> name.startsWith("Dockerfile"));
            }
        }
        List<String> built = composeServices().entrySet().stream()
                .filter(entry -> entry.getValue().containsKey("build")).map(Map.Entry::getKey).sorted().toList();
        assertThat(built).isEqualTo(modules);
        assertThat(modules).containsAll(RenderedCompose.CODE_AGENT_SERVICES);
    }

    private static Map<String, Map<String, Object>> composeServices() throws IOException {
        Map<String, Object> compose = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(ROOT.resolve("docker-compose.yml")));
        return RenderedCompose.mapOfMaps(compose.get("services"));
    }
}
