package dev.codeagent.runner.kubernetes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Splits a check pod's log into the check's output and the block of JUnit reports the pod printed after the
 * command ({@code <mark> begin}, base64 of a gzip-compressed tar, {@code <mark> end}): the output goes on to the
 * run's log, the block is kept aside up to a limit. Lines are examined only up to the marker's length, so a huge
 * line costs no memory. The block is as untrusted as the reports themselves; a forged or broken one only loses them.
 */
final class ReportBlockFilter extends OutputStream {

    private final OutputStream log;
    private final byte[] begin;
    private final byte[] end;
    private final long maxBlock;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final ByteArrayOutputStream block = new ByteArrayOutputStream();
    private boolean longLine;
    private boolean inBlock;
    private boolean complete;
    private boolean overflow;

    ReportBlockFilter(OutputStream log, String mark, long maxBlock) {
        this.log = log;
        this.begin = (mark + " begin").getBytes(StandardCharsets.US_ASCII);
        this.end = (mark + " end").getBytes(StandardCharsets.US_ASCII);
        this.maxBlock = maxBlock;
    }

    @Override
    public void write(int b) throws IOException {
        if (b == '\n') {
            endLine();
        } else if (longLine) {
            emit(b);
        } else {
            line.write(b);
            if (line.size() > end.length + begin.length) {
                // Too long to be a marker line: pass it on as it comes.
                longLine = true;
                for (byte pending : line.toByteArray()) {
                    emit(pending);
                }
                line.reset();
            }
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        for (int i = 0; i < length; i++) {
            write(bytes[offset + i]);
        }
    }

    private void endLine() throws IOException {
        if (!longLine) {
            byte[] text = line.toByteArray();
            if (text.length > 0 && text[text.length - 1] == '\r') {
                text = Arrays.copyOf(text, text.length - 1);
            }
            if (!inBlock && !complete && Arrays.equals(text, begin)) {
                inBlock = true;
            } else if (inBlock && Arrays.equals(text, end)) {
                inBlock = false;
                complete = true;
            } else {
                for (byte pending : line.toByteArray()) {
                    emit(pending);
                }
                emit('\n');
            }
        } else {
            emit('\n');
        }
        line.reset();
        longLine = false;
    }

    private void emit(int b) throws IOException {
        if (!inBlock) {
            log.write(b);
        } else if (b != '\n' && b != '\r') {
            if (block.size() < maxBlock) {
                block.write(b);
            } else {
                overflow = true;
            }
        }
    }

    /** Passes on a last line without its newline. */
    @Override
    public void flush() throws IOException {
        if (line.size() > 0 && !inBlock) {
            log.write(line.toByteArray());
            line.reset();
        }
    }

    /** The reports archive, or null when the pod printed no complete block (or one beyond the limit). */
    byte[] reports() {
        if (!complete || overflow) {
            return null;
        }
        try {
            return Base64.getMimeDecoder().decode(block.toByteArray());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Why {@link #reports()} is null although a block began, for the log. */
    String problem() {
        if (overflow) {
            return "the JUnit reports exceed " + maxBlock + " bytes of base64 and were not collected";
        }
        return inBlock ? "the JUnit reports block was cut off (the log was rotated or the pod was killed)" : null;
    }
}
