package dev.codeagent.runner.plan;

import dev.codeagent.contracts.check.CheckSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The usual build and test commands of the build tool found at the tree's root, for repositories without
 * {@code .codeagent.yml}. First match wins, in the order of the table in docs/checks.md.
 */
public final class BuildToolDetector {

    static final List<String> MAVEN_REPORTS = List.of("**/target/surefire-reports/TEST-*.xml",
            "**/target/failsafe-reports/TEST-*.xml");
    static final List<String> GRADLE_REPORTS = List.of("**/build/test-results/**/TEST-*.xml");
    static final List<String> PYTEST_REPORTS = List.of(".codeagent-reports/pytest.xml");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BuildToolDetector() {
    }

    /** The detected plan (repair rounds and timeout left to the runner's defaults), or empty. */
    public static Optional<CheckPlan> detect(Path tree) {
        if (Files.isRegularFile(tree.resolve("mvnw"))) {
            return plan("eclipse-temurin:17-jdk", CacheKind.MAVEN,
                    new CheckSpec("build", "./mvnw -B -q -DskipTests package", List.of()),
                    new CheckSpec("test", "./mvnw -B test", MAVEN_REPORTS));
        }
        if (Files.isRegularFile(tree.resolve("gradlew"))) {
            return plan("eclipse-temurin:17-jdk", CacheKind.GRADLE,
                    new CheckSpec("build", "./gradlew --no-daemon -q assemble", List.of()),
                    new CheckSpec("test", "./gradlew --no-daemon test", GRADLE_REPORTS));
        }
        if (hasNpmTestScript(tree.resolve("package.json"))) {
            return plan("node:22", CacheKind.NPM,
                    new CheckSpec("build", Files.isRegularFile(tree.resolve("package-lock.json")) ? "npm ci"
                            : "npm install", List.of()),
                    new CheckSpec("test", "npm test", List.of()));
        }
        if (Files.isRegularFile(tree.resolve("pyproject.toml")) || Files.isRegularFile(tree.resolve("pytest.ini"))) {
            return plan("python:3.12", CacheKind.PIP,
                    new CheckSpec("test", "python -m pytest --junitxml=" + PYTEST_REPORTS.get(0), PYTEST_REPORTS));
        }
        if (Files.isRegularFile(tree.resolve("go.mod"))) {
            return plan("golang:1.23", CacheKind.GO,
                    new CheckSpec("build", "go build ./...", List.of()),
                    new CheckSpec("test", "go test ./...", List.of()));
        }
        return Optional.empty();
    }

    private static Optional<CheckPlan> plan(String image, CacheKind cache, CheckSpec... checks) {
        return Optional.of(new CheckPlan(CheckSource.DETECTED, null, List.of(checks), image, null, null, cache,
                false));
    }

    private static boolean hasNpmTestScript(Path packageJson) {
        if (!Files.isRegularFile(packageJson)) {
            return false;
        }
        try {
            JsonNode test = JSON.readTree(Files.readString(packageJson)).path("scripts").path("test");
            // npm init writes a test script that only fails; it is not a test suite.
            return test.isString() && !test.asString().contains("no test specified");
        } catch (JacksonException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
