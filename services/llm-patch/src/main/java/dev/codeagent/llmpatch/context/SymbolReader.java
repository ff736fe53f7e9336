package dev.codeagent.llmpatch.context;

import com.github.javaparser.JavaParser;
import com.github.javaparser.JavaToken;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.codeagent.llmpatch.context.FileSymbols.Symbol;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the symbols of one source file with a real parser: JavaParser for Java; ANTLR parsers generated from the
 * grammars-v4 grammars for Python, TypeScript/JavaScript and C# ({@link GrammarReader}); no tree-sitter binding
 * resolves in this build. A file that does not parse, or in a language no parser knows, keeps its words and
 * identifiers but defines nothing; a parse failure is kept as the file's {@code problem}. One reader per map build:
 * the JavaParser instance is not thread-safe.
 */
final class SymbolReader {

    private static final GrammarReader PYTHON = new GrammarReader(new PythonGrammar());
    private static final GrammarReader TYPESCRIPT = new GrammarReader(new TypeScriptGrammar());
    private static final GrammarReader CSHARP = new GrammarReader(new CSharpGrammar());
    /** JSX and TSX are not in the TypeScript grammar: those files are read without a parser. */
    private static final Map<String, GrammarReader> GRAMMARS = Map.of("py", PYTHON, "pyi", PYTHON,
            "ts", TYPESCRIPT, "mts", TYPESCRIPT, "cts", TYPESCRIPT, "js", TYPESCRIPT, "mjs", TYPESCRIPT,
            "cjs", TYPESCRIPT, "cs", CSHARP);

    // RAW: any Java version's syntax, without the validators — only declarations are read.
    private final JavaParser java = new JavaParser(
            new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.RAW));

    FileSymbols read(String path, String content) {
        String ext = extension(path);
        Map<String, Integer> terms = new HashMap<>();
        for (String word : Words.terms(path.substring(path.lastIndexOf('/') + 1))) {
            terms.merge(word, 3, Integer::sum);
        }
        for (String piece : Words.split(content)) {
            if (piece.length() >= 2) {
                terms.merge(Words.stem(piece), 1, Integer::sum);
            }
        }
        if (ext.equals("java")) {
            return javaSymbols(path, content, terms);
        }
        GrammarReader grammar = GRAMMARS.get(ext);
        if (grammar == null) {
            return new FileSymbols(path, List.of(), words(content), terms, null, null);
        }
        GrammarReader.Result result = grammar.read(content);
        return new FileSymbols(path, result.symbols(), result.identifiers(), terms, grammar.name(), result.problem());
    }

    /** Types and their methods and constructors; identifiers from the tokens; the first problem when it fails. */
    private FileSymbols javaSymbols(String path, String content, Map<String, Integer> terms) {
        ParseResult<CompilationUnit> result;
        try {
            result = java.parse(content);
        } catch (RuntimeException | StackOverflowError e) {
            return new FileSymbols(path, List.of(), words(content), terms, "javaparser", "javaparser failed: " + e);
        }
        if (!result.isSuccessful() || result.getResult().isEmpty()) {
            String problem = result.getProblems().stream().findFirst().map(Problem::getVerboseMessage)
                    .map(m -> m.length() > 160 ? m.substring(0, 157) + "..." : m).orElse("no compilation unit");
            return new FileSymbols(path, List.of(), words(content), terms, "javaparser",
                    "javaparser syntax error: " + problem.replaceAll("\\s+", " "));
        }
        CompilationUnit unit = result.getResult().get();
        Set<String> identifiers = new HashSet<>();
        unit.getTokenRange().ifPresent(range -> {
            for (JavaToken token : range) {
                if (token.getCategory().isIdentifier()) {
                    identifiers.add(token.getText());
                }
            }
        });
        List<Symbol> symbols = new ArrayList<>();
        for (TypeDeclaration<?> type : unit.findAll(TypeDeclaration.class)) {
            int depth = (int) type.stream(Node.TreeTraversal.PARENTS).filter(TypeDeclaration.class::isInstance).count();
            String kind = type.isClassOrInterfaceDeclaration()
                    ? type.asClassOrInterfaceDeclaration().isInterface() ? "interface" : "class"
                    : type.isEnumDeclaration() ? "enum" : type.isRecordDeclaration() ? "record" : "type";
            symbols.add(new Symbol(type.getNameAsString(), kind, kind + " " + type.getNameAsString(), depth));
            for (Object member : type.getMembers()) {
                if (member instanceof CallableDeclaration<?> callable) {
                    String signature = callable.getDeclarationAsString(false, false, true);
                    if (callable instanceof MethodDeclaration m && m.getAnnotations().isNonEmpty()) {
                        signature = "@" + m.getAnnotation(0).getNameAsString() + " " + signature;
                    }
                    symbols.add(new Symbol(callable.getNameAsString(), "method", signature, depth + 1));
                }
            }
        }
        return new FileSymbols(path, symbols, identifiers, terms, "javaparser", null);
    }

    /**
     * The identifier-shaped words of a file no parser read (comments and strings included): a rougher set of
     * reference-graph edges than a lexer's, but the file still links to the code it names.
     */
    private static Set<String> words(String content) {
        Set<String> words = new HashSet<>();
        int n = content.length();
        int i = 0;
        while (i < n) {
            if (Character.isJavaIdentifierStart(content.charAt(i))) {
                int j = i + 1;
                while (j < n && Character.isJavaIdentifierPart(content.charAt(j))) {
                    j++;
                }
                words.add(content.substring(i, j));
                i = j;
            } else {
                i++;
            }
        }
        return words;
    }

    static String extension(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name.toLowerCase(Locale.ROOT) : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
