package dev.codeagent.gateway.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdempotencyHeaderTest {

    @Test
    void plainKeysAreSentAsTheyAre() {
        String key = "azure-devops:contoso/Payments/payments-api/pr/57/thread/742/comment/1";
        assertThat(IdempotencyHeader.encode(key)).isSameAs(key);
    }

    @Test
    void nonAsciiSpacesControlsAndPercentAreEncoded() {
        assertThat(IdempotencyHeader.encode("local:o/p/Zahlungsverkehr Ä/pr/1"))
                .isEqualTo("local:o/p/Zahlungsverkehr%20%C3%84/pr/1");
        assertThat(IdempotencyHeader.encode("a\r\nb%")).isEqualTo("a%0D%0Ab%25");
    }
}
