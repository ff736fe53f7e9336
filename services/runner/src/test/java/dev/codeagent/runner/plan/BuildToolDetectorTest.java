package dev.codeagent.runner.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.contracts.check.CheckSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The detection table of docs/checks.md. */
class BuildToolDetectorTest {

    @TempDir
    Path tree;

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            mvnw                                    | ./mvnw -B -q -DskipTests package; ./mvnw -B test             | maven
            gradlew                                 | ./gradlew --no-daemon -q assemble; ./gradlew --no-daemon test | gradle
            package.json={"scripts":{"test":"jest"}} | npm install; npm test                                        | npm
            pyproject.toml                          | python -m pytest --junitxml=.codeagent-reports/pytest.xml     | pip
            pytest.ini                              | python -m pytest --junitxml=.codeagent-reports/pytest.xml     | pip
            go.mod                                  | go build ./...; go test ./...                                 | go
            """)
    void detectsTheBuildTool(String file, String commands, String cache) throws Exception {
        write(file);

        CheckPlan plan = BuildToolDetector.detect(tree).orElseThrow();

        assertThat(plan.source()).isEqualTo(CheckSource.DETECTED);
        assertThat(plan.checks().stream().map(CheckSpec::run).toList()).isEqualTo(List.of(commands.split("; ")));
        assertThat(plan.cache().label()).isEqualTo(cache);
        assertThat(plan.image()).isNotBlank();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            README.md
            package.json={"scripts":{"test":"echo \"Error: no test specified\" && exit 1"}}
            package.json={"scripts":{"build":"tsc"}}
            """)
    void nothingRecognisedIsNothing(String file) throws Exception {
        write(file);

        assertThat(BuildToolDetector.detect(tree)).isEqualTo(Optional.empty());
    }

    @org.junit.jupiter.api.Test
    void mavenReportsTestsAndALockfileMeansNpmCi() throws Exception {
        write("mvnw");
        assertThat(BuildToolDetector.detect(tree).orElseThrow().checks().get(1).junit())
                .contains("**/target/surefire-reports/TEST-*.xml");
        Files.delete(tree.resolve("mvnw"));
        write("package.json={\"scripts\":{\"test\":\"vitest\"}}");
        write("package-lock.json={}");
        assertThat(BuildToolDetector.detect(tree).orElseThrow().checks().get(0).run()).isEqualTo("npm ci");
    }

    private void write(String spec) throws Exception {
        Map.Entry<String, String> file = spec.contains("=")
                ? Map.entry(spec.substring(0, spec.indexOf('=')), spec.substring(spec.indexOf('=') + 1))
                : Map.entry(spec, "");
        Files.writeString(tree.resolve(file.getKey().strip()), file.getValue());
    }
}
