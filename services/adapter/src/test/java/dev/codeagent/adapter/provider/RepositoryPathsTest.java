package dev.codeagent.adapter.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codeagent.platform.web.ApiProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RepositoryPathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "src/main/App.java", ".github/workflows/ci.yml", "a/.gitignore",
            "dir.with.dots/file", "ünïcödé/файл.txt", "a/..b/c"})
    void acceptsRelativeRepositoryPaths(String path) {
        assertThat(RepositoryPaths.requireSafe(path)).isEqualTo(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/etc/passwd", "../x", "a/../../x", "a/./b", "a//b", "dir/", ".git/config",
            "sub/.GIT/hooks/pre-commit", "a\\b", "a\u0000b", "a\nb"})
    void rejectsEverythingElse(String path) {
        assertThatThrownBy(() -> RepositoryPaths.requireSafe(path)).isInstanceOfSatisfying(ApiProblemException.class,
                e -> {
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(e.getMessage()).doesNotContain("\u0000").doesNotContain("\n");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"agents/x..y", "agents/x.lock", "-x", "a b", "refs/heads/", "x~1", "x^"})
    void rejectsInvalidBranchNames(String branch) {
        assertThatThrownBy(() -> BranchNames.shortName(branch)).isInstanceOf(ApiProblemException.class);
    }
}
