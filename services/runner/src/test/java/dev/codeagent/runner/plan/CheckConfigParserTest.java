package dev.codeagent.runner.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.contracts.check.CheckSource;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckConfigParserTest {

    @Test
    void readsTheIssuesExample() {
        CheckPlan plan = CheckConfigParser.parse("""
                checks:
                  - name: build
                    run: ./mvnw -B -q -DskipTests package
                  - name: test
                    run: ./mvnw -B test
                    junit: "**/target/surefire-reports/*.xml"
                image: eclipse-temurin:17-jdk        # container image for the checks
                timeout: 15m
                repair: 2                             # model repair rounds after a failed check
                cache: maven
                """);

        assertThat(plan.source()).isEqualTo(CheckSource.CONFIGURED);
        assertThat(plan.configError()).isNull();
        assertThat(plan.checks()).containsExactly(
                new CheckSpec("build", "./mvnw -B -q -DskipTests package", List.of()),
                new CheckSpec("test", "./mvnw -B test", List.of("**/target/surefire-reports/*.xml")));
        assertThat(plan.image()).isEqualTo("eclipse-temurin:17-jdk");
        assertThat(plan.timeout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(plan.repair()).isEqualTo(2);
        assertThat(plan.cache()).isEqualTo(CacheKind.MAVEN);
        assertThat(plan.network()).isFalse();
    }

    @Test
    void namesAzureDevOpsPipelinesBesideOrInsteadOfChecks() {
        CheckPlan both = CheckConfigParser.parse("""
                checks:
                  - run: ./mvnw -B test
                pipelines: [ "Payments-CI", 42 ]
                repair: 1
                """);
        assertThat(both.configError()).isNull();
        assertThat(both.pipelines()).containsExactly("Payments-CI", "42");
        assertThat(both.checks()).hasSize(1);

        CheckPlan alone = CheckConfigParser.parse("""
                pipelines:
                  - Payments-CI
                """);
        assertThat(alone.source()).isEqualTo(CheckSource.CONFIGURED);
        assertThat(alone.checks()).isEmpty();
        assertThat(alone.pipelines()).containsExactly("Payments-CI");

        assertThat(CheckConfigParser.parse("pipelines: Payments-CI\n").configError())
                .startsWith("line 1: \"pipelines\" must be a non-empty list");
        assertThat(CheckConfigParser.parse("pipelines: [a, A]\n").configError())
                .isEqualTo("line 1: duplicate pipeline \"A\"");
    }

    @Test
    void anUnknownKeyIsReportedWithItsLine() {
        CheckPlan plan = CheckConfigParser.parse("""
                image: node:22
                timeout: 5m

                chekcs:
                  - run: npm test
                """);

        assertThat(plan.source()).isEqualTo(CheckSource.NONE);
        assertThat(plan.checks()).isEmpty();
        assertThat(plan.configError()).startsWith("line 4: unknown key \"chekcs\"");
    }

    @Test
    void anUnknownKeyInACheckIsReportedWithItsLine() {
        assertThat(CheckConfigParser.parse("""
                checks:
                  - name: test
                    command: npm test
                """).configError()).startsWith("line 3: unknown key \"command\"");
    }

    @Test
    void badYamlIsReportedWithItsLine() {
        CheckPlan plan = CheckConfigParser.parse("""
                checks:
                  - name: build
                    run: make
                   bad indentation: [
                """);

        assertThat(plan.source()).isEqualTo(CheckSource.NONE);
        assertThat(plan.configError()).matches("line [45]: .+");
    }

    @Test
    void valuesAreChecked() {
        assertThat(CheckConfigParser.parse("checks:\n  - run: make\nrepair: 9\n").configError())
                .isEqualTo("line 3: \"repair\" must be a whole number from 0 to 5");
        assertThat(CheckConfigParser.parse("checks:\n  - run: make\ntimeout: soon\n").configError())
                .startsWith("line 3: \"timeout\" must be a duration");
        assertThat(CheckConfigParser.parse("checks:\n  - run: make\ncache: cargo\n").configError())
                .startsWith("line 3: \"cache\" must be one of");
        assertThat(CheckConfigParser.parse("checks: []\n").configError()).startsWith("line 1: \"checks\" must be");
        assertThat(CheckConfigParser.parse("checks:\n  - name: x\n").configError())
                .isEqualTo("line 2: a check needs \"run\", the command to run");
        assertThat(CheckConfigParser.parse("image: x\n").configError())
                .isEqualTo("line 1: missing key \"checks\" (or \"pipelines\")");
        assertThat(CheckConfigParser.parse("").configError()).startsWith("line 1: .codeagent.yml is empty");
    }

    @Test
    void networkIsAnExplicitOptIn() {
        CheckPlan plan = CheckConfigParser.parse("checks:\n  - run: make\nnetwork: true\ntimeout: 90\n");

        assertThat(plan.network()).isTrue();
        assertThat(plan.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(plan.checks()).containsExactly(new CheckSpec("check 1", "make", List.of()));
    }
}
