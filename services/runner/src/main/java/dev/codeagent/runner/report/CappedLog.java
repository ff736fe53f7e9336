package dev.codeagent.runner.report;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Output kept within a byte limit: the first half and the last half, with a marker for what was left out between.
 * The head holds the first compiler errors, the tail the build tool's summary; the middle is rarely read.
 */
public final class CappedLog extends OutputStream {

    private final int half;
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private final byte[] tail;
    private int tailStart;
    private int tailLength;
    private long total;

    public CappedLog(long limit) {
        this.half = (int) Math.max(1, Math.min(Integer.MAX_VALUE / 4, limit / 2));
        this.tail = new byte[half];
    }

    @Override
    public synchronized void write(int b) {
        total++;
        if (head.size() < half) {
            head.write(b);
            return;
        }
        tail[(tailStart + tailLength) % half] = (byte) b;
        if (tailLength < half) {
            tailLength++;
        } else {
            tailStart = (tailStart + 1) % half;
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        for (int i = 0; i < length; i++) {
            write(bytes[offset + i]);
        }
    }

    public synchronized void append(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(bytes, 0, bytes.length);
    }

    /** Everything written, or its head and tail around a line that says how much was cut. */
    public synchronized String text() {
        StringBuilder text = new StringBuilder(head.toString(StandardCharsets.UTF_8));
        long cut = total - head.size() - tailLength;
        if (cut > 0) {
            text.append("\n… ").append(cut).append(" bytes cut (CODEAGENT_RUNNER_LOG_LIMIT) …\n");
        }
        byte[] ordered = new byte[tailLength];
        for (int i = 0; i < tailLength; i++) {
            ordered[i] = tail[(tailStart + i) % half];
        }
        return text.append(new String(ordered, StandardCharsets.UTF_8)).toString();
    }
}
