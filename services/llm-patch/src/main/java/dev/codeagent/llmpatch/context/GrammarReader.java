package dev.codeagent.llmpatch.context;

import dev.codeagent.llmpatch.context.FileSymbols.Symbol;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Reads a file's symbols with an ANTLR parser generated from a grammars-v4 grammar (src/main/antlr4, see its README):
 * the identifiers from the lexer's tokens, the declarations from the parse tree ({@link Grammar#declarations}).
 *
 * <p>Parsed the way ANTLR recommends for speed: SLL prediction that gives up at the first syntax error, and full LL
 * only for the files SLL cannot decide. A file with a syntax error has no symbols rather than symbols from a tree
 * the parser patched up by guessing; its identifiers and words still count, and the reason is kept. So does a file
 * whose parse outlasts {@link #PARSE_LIMIT_NANOS}: a pathological input must not hold up the map of a whole commit.
 */
final class GrammarReader {

    /** How long one file may take to parse before it is listed without symbols. */
    private static final long PARSE_LIMIT_NANOS = 2_000_000_000L;

    /** What a language contributes: its lexer and parser, its start rule and how to read declarations. */
    interface Grammar {
        String name();

        Lexer lexer(CharStream input);

        Parser parser(TokenStream tokens);

        ParserRuleContext parse(Parser parser);

        /** Whether a default-channel token is an identifier (the edges of the reference graph). */
        boolean identifier(Token token);

        /** The types, functions and methods declared in {@code tree}, in source order. */
        List<Symbol> declarations(ParserRuleContext tree, Source source);
    }

    /** The file's text, for signatures as written. */
    record Source(CharStream chars) {

        /**
         * The text from {@code from}'s first character up to (not including) {@code before}'s, on one line: how a
         * declaration's header reads in the map. {@code before} null means to the end of {@code from}.
         */
        String header(ParserRuleContext from, Token before) {
            return header(from.getStart(), before == null ? from.getStop() : null, before);
        }

        String header(Token start, Token last, Token before) {
            if (start == null) {
                return "";
            }
            int end = before != null ? before.getStartIndex() - 1 : last != null ? last.getStopIndex() : start.getStopIndex();
            if (end < start.getStartIndex()) {
                return "";
            }
            String text = chars.getText(Interval.of(start.getStartIndex(), end)).replaceAll("\\s+", " ").strip();
            return text.length() > 160 ? text.substring(0, 157) + "..." : text;
        }
    }

    /** A file read: its symbols (empty when it did not parse), its identifiers, and the problem if any. */
    record Result(List<Symbol> symbols, Set<String> identifiers, String problem) {
    }

    private final Grammar grammar;

    GrammarReader(Grammar grammar) {
        this.grammar = grammar;
    }

    String name() {
        return grammar.name();
    }

    Result read(String content) {
        // A byte order mark decoded as U+FEFF is not in the grammars' alphabets (C# files often start with one).
        CharStream chars = CharStreams.fromString(content.startsWith("\uFEFF") ? content.substring(1) : content);
        Errors errors = new Errors();
        Lexer lexer = grammar.lexer(chars);
        lexer.removeErrorListeners();
        lexer.addErrorListener(errors);
        DeadlineTokenStream tokens = new DeadlineTokenStream(lexer);
        Set<String> identifiers = new HashSet<>();
        try {
            tokens.fill();
        } catch (RuntimeException | StackOverflowError e) {
            return new Result(List.of(), identifiers, grammar.name() + " lexer failed: " + e);
        }
        for (Token t : tokens.getTokens()) {
            if (t.getChannel() == Token.DEFAULT_CHANNEL && grammar.identifier(t)) {
                identifiers.add(t.getText());
            }
        }
        if (errors.first != null) {
            return new Result(List.of(), identifiers, errors.first);
        }
        ParserRuleContext tree;
        try {
            tokens.deadline = System.nanoTime() + PARSE_LIMIT_NANOS;
            tree = parse(tokens, errors);
        } catch (DeadlineTokenStream.Expired e) {
            return new Result(List.of(), identifiers,
                    grammar.name() + " parse gave up after " + PARSE_LIMIT_NANOS / 1_000_000 + " ms");
        } catch (RuntimeException | StackOverflowError e) {
            return new Result(List.of(), identifiers, grammar.name() + " parser failed: " + e);
        }
        if (errors.first != null) {
            return new Result(List.of(), identifiers, errors.first);
        }
        return new Result(grammar.declarations(tree, new Source(chars)), identifiers, null);
    }

    private ParserRuleContext parse(CommonTokenStream tokens, Errors errors) {
        Parser parser = grammar.parser(tokens);
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        try {
            return grammar.parse(parser);
        } catch (ParseCancellationException sllFailed) {
            tokens.seek(0);
            parser.reset();
            parser.addErrorListener(errors);
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            parser.setErrorHandler(new DefaultErrorStrategy());
            return grammar.parse(parser);
        }
    }

    /** Tokens that end the parse once its deadline has passed (checked as the parser looks ahead). */
    private static final class DeadlineTokenStream extends CommonTokenStream {
        private long deadline = Long.MAX_VALUE;
        private int calls;

        DeadlineTokenStream(Lexer lexer) {
            super(lexer);
        }

        @Override
        public int LA(int i) {
            if ((++calls & 0x3ff) == 0 && System.nanoTime() > deadline) {
                throw new Expired();
            }
            return super.LA(i);
        }

        /** Thrown through the parser, which lets runtime exceptions other than its own pass. */
        private static final class Expired extends RuntimeException {
            Expired() {
                super(null, null, false, false);
            }
        }
    }

    /** Keeps the first syntax error, as "syntax error at line:column: message". */
    private final class Errors extends BaseErrorListener {
        private String first;

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column, String msg,
                RecognitionException e) {
            if (first == null) {
                String message = msg.length() > 120 ? msg.substring(0, 117) + "..." : msg;
                first = grammar.name() + " syntax error at " + line + ":" + column + ": " + message;
            }
        }
    }

    /**
     * Walks {@code tree} depth first and hands every rule node to {@code visit}, which returns the symbol it declares
     * (or null); the nodes below a declaring node are one level deeper. Iterative: generated trees for long
     * expression chains are deep enough to overflow a recursive walk.
     */
    static List<Symbol> walk(ParserRuleContext tree, Function<Node, Symbol> visit) {
        List<Symbol> symbols = new ArrayList<>();
        List<Node> stack = new ArrayList<>();
        stack.add(new Node(tree, 0));
        while (!stack.isEmpty()) {
            Node node = stack.remove(stack.size() - 1);
            Symbol symbol = visit.apply(node);
            int childDepth = node.depth();
            if (symbol != null) {
                symbols.add(symbol);
                childDepth++;
            }
            for (int i = node.context().getChildCount() - 1; i >= 0; i--) {
                if (node.context().getChild(i) instanceof ParserRuleContext child) {
                    stack.add(new Node(child, childDepth));
                }
            }
        }
        return symbols;
    }

    /** A rule node and how many declarations enclose it. */
    record Node(ParserRuleContext context, int depth) {
    }
}
