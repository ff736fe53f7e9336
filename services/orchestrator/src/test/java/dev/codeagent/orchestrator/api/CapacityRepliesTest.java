package dev.codeagent.orchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CapacityRepliesTest {

    @Test
    void theReplyKeyIsTheSameForEveryRedeliveryAndDiffersPerCommand() {
        String command = "azure-devops:fabrikam/Payments/payments-api/pr/57/thread/742/comment/" + "9".repeat(400);

        assertThat(CapacityReplies.key(command)).isEqualTo(CapacityReplies.key(command))
                .startsWith("capacity-").hasSize("capacity-".length() + 32)
                .isNotEqualTo(CapacityReplies.key(command.replace("comment/9", "comment/8")));
    }
}
