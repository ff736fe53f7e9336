package dev.codeagent.llmpatch.engine;

import java.util.List;

/** One edit parsed from a model answer; {@code ordinal} is its 1-based position in the answer. */
public sealed interface Edit {

    String path();

    int ordinal();

    /** Replace {@code search} with {@code replace}; empty search creates the file. */
    record SearchReplace(String path, int ordinal, List<String> search, List<String> replace) implements Edit {
    }

    /** The complete new content of a file. */
    record WholeFile(String path, int ordinal, List<String> content) implements Edit {
    }

    /** Delete the file. */
    record Delete(String path, int ordinal) implements Edit {
    }

    /** Create a file that must not exist yet. */
    record Create(String path, int ordinal, List<String> content) implements Edit {
    }

    /** Text that looked like an edit but could not be read; always fails with {@code reason}. */
    record Malformed(String path, int ordinal, String reason) implements Edit {
    }
}
