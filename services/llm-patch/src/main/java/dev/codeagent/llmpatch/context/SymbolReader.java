package dev.codeagent.llmpatch.context;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
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
 * Reads the symbols of one source file. Java goes through JavaParser (types, methods and constructors with their
 * signatures). No tree-sitter binding for Java resolves in this build, so TypeScript, JavaScript, Python, C# and
 * the other languages go through {@link #declarations}: a tokenizer that knows each language's comments and
 * strings and takes the declarations from their keywords ({@code class}, {@code interface}, {@code def},
 * {@code function}, …) and, inside a type's body, from a name followed by a parameter list — not a grammar, so
 * it can miss unusual forms, which then only lose their line in the map.
 */
final class SymbolReader {

    private static final Set<String> TYPE_KEYWORDS = Set.of("class", "interface", "enum", "record", "struct",
            "trait");
    private static final Set<String> FUNCTION_KEYWORDS = Set.of("def", "function", "func", "fn", "fun", "sub");
    private static final Set<String> NOT_A_METHOD = Set.of("if", "for", "foreach", "while", "switch", "catch",
            "return", "new", "using", "lock", "typeof", "sizeof", "nameof", "await", "throw", "else", "super", "this",
            "base", "constructor", "function", "yield", "in", "of", "default", "case", "when", "select", "where");
    private static final Set<String> HASH_COMMENTS = Set.of("py", "rb", "sh", "bash", "yml", "yaml", "toml", "r",
            "pl", "properties", "cfg", "conf", "ini", "dockerfile", "mako");

    // RAW: any Java version's syntax, without the validators — only declarations are read.
    private final JavaParser java = new JavaParser(
            new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.RAW));

    FileSymbols read(String path, String content) {
        String ext = extension(path);
        List<Token> tokens = tokens(content, HASH_COMMENTS.contains(ext));
        Set<String> identifiers = new HashSet<>();
        for (Token t : tokens) {
            if (t.identifier()) {
                identifiers.add(t.text());
            }
        }
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
            List<Symbol> parsed = javaSymbols(content);
            if (parsed != null) {
                return new FileSymbols(path, parsed, identifiers, terms, "javaparser");
            }
        }
        return new FileSymbols(path, declarations(tokens, content), identifiers, terms, "declarations");
    }

    /** Types and their methods and constructors, or null when the file does not parse. */
    private List<Symbol> javaSymbols(String content) {
        ParseResult<CompilationUnit> result = java.parse(content);
        if (!result.isSuccessful() || result.getResult().isEmpty()) {
            return null;
        }
        List<Symbol> symbols = new ArrayList<>();
        for (TypeDeclaration<?> type : result.getResult().get().findAll(TypeDeclaration.class)) {
            int depth = (int) type.stream(com.github.javaparser.ast.Node.TreeTraversal.PARENTS)
                    .filter(TypeDeclaration.class::isInstance).count();
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
        return symbols;
    }

    /** Declarations found from keywords, and methods inside a type's body (see the class comment). */
    static List<Symbol> declarations(List<Token> tokens, String content) {
        String[] lines = content.split("\n", -1);
        List<Symbol> symbols = new ArrayList<>();
        // One entry per open brace: true when it opened a type's body.
        List<Boolean> braces = new ArrayList<>();
        boolean typeHeader = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            Token previous = i > 0 ? tokens.get(i - 1) : null;
            if (t.is("{")) {
                braces.add(typeHeader);
                typeHeader = false;
            } else if (t.is("}")) {
                if (!braces.isEmpty()) {
                    braces.remove(braces.size() - 1);
                }
            } else if (t.is(";")) {
                typeHeader = false;
            } else if (t.identifier() && next != null && next.identifier()
                    && (previous == null || !previous.is("."))) {
                String keyword = t.text();
                if (TYPE_KEYWORDS.contains(keyword)) {
                    symbols.add(new Symbol(next.text(), keyword, line(lines, t.line()), indent(lines, t.line())));
                    typeHeader = true;
                    i++;
                } else if (FUNCTION_KEYWORDS.contains(keyword)) {
                    symbols.add(new Symbol(next.text(), "function", line(lines, t.line()), indent(lines, t.line())));
                    i++;
                }
            } else if (t.identifier() && next != null && next.is("(") && !braces.isEmpty()
                    && braces.get(braces.size() - 1) && !NOT_A_METHOD.contains(t.text())
                    && (previous == null || !previous.is(".") && !previous.is("=") && !previous.is("new"))
                    && startsMember(tokens, i)) {
                symbols.add(new Symbol(t.text(), "method", line(lines, t.line()), indent(lines, t.line())));
            }
        }
        return symbols;
    }

    /** Whether the name at {@code i} starts a member: the token before it ends a statement, a block or a modifier. */
    private static boolean startsMember(List<Token> tokens, int i) {
        for (int j = i - 1; j >= 0; j--) {
            Token t = tokens.get(j);
            if (t.is(";") || t.is("{") || t.is("}") || t.is("]")) {
                return true;
            }
            if (t.is("(") || t.is(")") || t.is("=") || t.is(",") || t.is(".") || t.is("?") || t.is(":")
                    && j == i - 1) {
                return false;
            }
            if (!t.identifier() && !t.is("<") && !t.is(">") && !t.is("[") && !t.is("@") && !t.is("*")) {
                return false;
            }
        }
        return true;
    }

    private static String line(String[] lines, int line) {
        String text = line < lines.length ? lines[line].strip() : "";
        int brace = text.lastIndexOf('{');
        if (brace > 0 && text.endsWith("{")) {
            text = text.substring(0, brace).strip();
        }
        return text.length() > 160 ? text.substring(0, 157) + "..." : text;
    }

    private static int indent(String[] lines, int line) {
        String text = line < lines.length ? lines[line] : "";
        int n = 0;
        while (n < text.length() && Character.isWhitespace(text.charAt(n))) {
            n++;
        }
        return n / 2;
    }

    /** An identifier or a single punctuation character, with its 0-based line. */
    record Token(String text, boolean identifier, int line) {
        boolean is(String punctuation) {
            return !identifier && text.equals(punctuation);
        }
    }

    /**
     * Identifiers and punctuation outside comments and string literals ({@code //}, {@code /* *\/}, or {@code #}
     * comments when {@code hashComments}; single, double, back-quoted and triple-quoted strings).
     */
    static List<Token> tokens(String s, boolean hashComments) {
        List<Token> out = new ArrayList<>();
        int line = 0;
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (hashComments && c == '#' || !hashComments && c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (!hashComments && c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += count(s, i, end);
                i = end;
            } else if (c == '"' || c == '\'' || c == '`') {
                String quote = s.startsWith(String.valueOf(c).repeat(3), i) ? String.valueOf(c).repeat(3) : String.valueOf(c);
                int j = i + quote.length();
                while (j < n && !s.startsWith(quote, j)) {
                    if (s.charAt(j) == '\\') {
                        j++;
                    } else if (s.charAt(j) == '\n' && quote.length() == 1 && c != '`') {
                        break;
                    }
                    j++;
                }
                int end = Math.min(n, j + quote.length());
                line += count(s, i, end);
                i = end;
            } else if (Character.isJavaIdentifierStart(c)) {
                int j = i + 1;
                while (j < n && Character.isJavaIdentifierPart(s.charAt(j))) {
                    j++;
                }
                out.add(new Token(s.substring(i, j), true, line));
                i = j;
            } else {
                out.add(new Token(String.valueOf(c), false, line));
                i++;
            }
        }
        return out;
    }

    private static int count(String s, int from, int to) {
        int lines = 0;
        for (int k = from; k < Math.min(to, s.length()); k++) {
            if (s.charAt(k) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    static String extension(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name.toLowerCase(Locale.ROOT) : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
