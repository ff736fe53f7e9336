package dev.codeagent.adapter.provider;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The files of one commit as a zip, ready to be written. A provider checks everything that can fail as a problem
 * (missing commit, size limit, the host's answer) before it returns one, because once the zip is being written the
 * answer's status is already sent.
 */
public interface TreeArchive extends AutoCloseable {

    /** Writes the zip; fails with an I/O error (the caller then sees a cut answer) when the host stops mid-way. */
    void writeTo(OutputStream out) throws IOException;

    /** Releases what the archive holds (an open download); does nothing by default. */
    @Override
    default void close() throws IOException {
    }
}
