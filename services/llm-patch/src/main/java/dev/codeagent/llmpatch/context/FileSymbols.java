package dev.codeagent.llmpatch.context;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one file contributes to the repository map: the symbols it defines (with a one-line signature each, for the
 * map the model reads), the identifiers it uses (edges of the reference graph to the files defining them) and how
 * often each term occurs in it (to match the intent's words in code, not only in paths).
 *
 * @param parser which reader produced the definitions ("javaparser" or "declarations")
 */
record FileSymbols(String path, List<Symbol> defined, Set<String> identifiers, Map<String, Integer> terms,
        String parser) {

    /** A class, interface, method or function the file defines; {@code signature} is how the map shows it. */
    record Symbol(String name, String kind, String signature, int depth) {
    }

    FileSymbols {
        defined = List.copyOf(defined);
        identifiers = Set.copyOf(identifiers);
        terms = Map.copyOf(terms);
    }
}
