package dev.codeagent.adapter.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.codeagent.contracts.ProblemTypes;
import dev.codeagent.contracts.git.BranchInfo;
import dev.codeagent.platform.web.ApiProblemException;
import org.junit.jupiter.api.Test;

class ExistingBranchTest {

    static final String REQUESTED = "1111111111111111111111111111111111111111";
    static final String OTHER = "2222222222222222222222222222222222222222";

    @Test
    void aBranchAtTheRequestedCommitIsReusedNotCreated() {
        assertThat(ExistingBranch.reuse("agents/x", REQUESTED, REQUESTED))
                .isEqualTo(new BranchInfo("agents/x", REQUESTED, false));
    }

    @Test
    void aBranchAtAnotherCommitIsAConflictNamingWhereItStands() {
        ApiProblemException conflict = catchThrowableOfType(ApiProblemException.class,
                () -> ExistingBranch.reuse("agents/x", REQUESTED, OTHER));

        assertThat(conflict.status().value()).isEqualTo(409);
        assertThat(conflict.type()).isEqualTo(ProblemTypes.CONFLICT);
        assertThat(conflict.properties()).containsEntry("currentCommit", OTHER);
        assertThat(conflict.getMessage()).contains("agents/x").contains(OTHER).contains(REQUESTED);
    }
}
