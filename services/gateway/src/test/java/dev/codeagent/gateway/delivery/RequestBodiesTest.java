package dev.codeagent.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RequestBodiesTest {

    @Test
    void readsABodyOfTheDeclaredLengthWithoutGrowing() throws IOException {
        byte[] data = "{\"a\":1}".getBytes();
        RequestBodies.Body body = RequestBodies.read(new ByteArrayInputStream(data), data.length, 1024);
        assertThat(body.length()).isEqualTo(data.length);
        assertThat(body.bytes()).hasSize(data.length);
    }

    @Test
    void readsAChunkedBodyOfUnknownLength() throws IOException {
        byte[] data = new byte[20_000];
        Arrays.fill(data, (byte) 'x');
        RequestBodies.Body body = RequestBodies.read(trickle(data), -1, 20_000);
        assertThat(body.length()).isEqualTo(20_000);
        assertThat(Arrays.copyOf(body.bytes(), body.length())).isEqualTo(data);
    }

    @Test
    void refusesADeclaredLengthOverTheLimitWithoutReading() {
        InputStream never = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("must not read");
            }
        };
        assertThatThrownBy(() -> RequestBodies.read(never, 2_000_001, 2_000_000))
                .isInstanceOf(RequestBodies.TooLargeException.class);
    }

    @Test
    void refusesAChunkedBodyOverTheLimit() {
        assertThatThrownBy(() -> RequestBodies.read(trickle(new byte[10_001]), -1, 10_000))
                .isInstanceOf(RequestBodies.TooLargeException.class);
    }

    @Test
    void refusesABodyLongerThanItsDeclaredLength() {
        assertThatThrownBy(() -> RequestBodies.read(new ByteArrayInputStream(new byte[5000]), 10, 4096))
                .isInstanceOf(RequestBodies.TooLargeException.class);
    }

    @Test
    void readsAnEmptyBody() throws IOException {
        assertThat(RequestBodies.read(new ByteArrayInputStream(new byte[0]), 0, 10).length()).isZero();
        assertThat(RequestBodies.read(new ByteArrayInputStream(new byte[0]), -1, 10).length()).isZero();
    }

    /** Hands out a few bytes per read, as a socket does. */
    private static InputStream trickle(byte[] data) {
        return new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 777));
            }
        };
    }
}
