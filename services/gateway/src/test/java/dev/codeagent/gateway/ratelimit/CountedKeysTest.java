package dev.codeagent.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountedKeysTest {

    @Test
    void remembersUpToItsCapacityAndForgetsTheOldestFirst() {
        CountedKeys keys = new CountedKeys(2);
        keys.add("a");
        keys.add("b");
        keys.add("a");
        assertThat(keys.contains("a")).isTrue();
        assertThat(keys.contains("b")).isTrue();

        keys.add("c");

        assertThat(keys.contains("a")).isFalse();
        assertThat(keys.contains("b")).isTrue();
        assertThat(keys.contains("c")).isTrue();
        assertThat(keys.contains("d")).isFalse();
    }
}
