package dev.codeagent.llmpatch.context;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one file contributes to the repository map: the symbols it defines (with a one-line signature each, for the
 * map the model reads), the identifiers it uses (edges of the reference graph to the files defining them) and how
 * often each term occurs in it (to match the intent's words in code, not only in paths).
 *
 * @param parser  which parser read the definitions ("javaparser", "python", "typescript", "csharp"), or null when no
 *                parser knows the language
 * @param problem why the file has no definitions although a parser knows its language (a syntax error, at which line),
 *                or null
 */
record FileSymbols(String path, List<Symbol> defined, Set<String> identifiers, Map<String, Integer> terms,
        String parser, String problem) {

    /** A class, interface, method or function the file defines; {@code signature} is how the map shows it. */
    record Symbol(String name, String kind, String signature, int depth) {
    }

    FileSymbols {
        defined = List.copyOf(defined);
        identifiers = Set.copyOf(identifiers);
        terms = Map.copyOf(terms);
    }
}
