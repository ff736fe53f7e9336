package dev.codeagent.gateway.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void plainTextIsUnchanged() {
        String text = "azure-devops:contoso/Payments/payments-api/pr/57 — Dana Développeur 🚀";
        assertThat(LogText.escape(text)).isSameAs(text);
    }

    @Test
    void lineBreaksAndOtherControlsCannotStartALineOrHideText() {
        assertThat(LogText.escape("Dana\n2026-12-06 INFO forged\r\tx")).isEqualTo("Dana\\n2026-12-06 INFO forged\\r\\tx");
        assertThat(LogText.escape("a\u001B[2Jb\u0085c\u2028d\u202Ee\u200Bf")).isEqualTo(
                "a\\u001B[2Jb\\u0085c\\u2028d\\u202Ee\\u200Bf");
    }

    @Test
    void aBackslashIsDoubledSoThatNoEscapeCanBeForged() {
        assertThat(LogText.escape("a\\nb")).isEqualTo("a\\\\nb");
        assertThat(LogText.escape(null)).isEqualTo("null");
    }
}
