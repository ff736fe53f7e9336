package dev.codeagent.llmpatch.context;

import dev.codeagent.llmpatch.context.FileSymbols.Symbol;
import dev.codeagent.llmpatch.context.grammar.PythonLexer;
import dev.codeagent.llmpatch.context.grammar.PythonParser;
import java.util.List;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;

/** Python 3 (grammars-v4 python/python3_14): classes and functions, with their first decorator. */
final class PythonGrammar implements GrammarReader.Grammar {

    @Override
    public String name() {
        return "python";
    }

    @Override
    public Lexer lexer(CharStream input) {
        return new PythonLexer(input);
    }

    @Override
    public Parser parser(TokenStream tokens) {
        return new PythonParser(tokens);
    }

    @Override
    public ParserRuleContext parse(Parser parser) {
        return ((PythonParser) parser).file_input();
    }

    @Override
    public boolean identifier(Token token) {
        int type = token.getType();
        return type == PythonLexer.NAME || type == PythonLexer.NAME_OR_TYPE || type == PythonLexer.NAME_OR_MATCH
                || type == PythonLexer.NAME_OR_CASE;
    }

    @Override
    public List<Symbol> declarations(ParserRuleContext tree, GrammarReader.Source source) {
        return GrammarReader.walk(tree, node -> {
            if (node.context() instanceof PythonParser.Class_def_rawContext c) {
                String header = decorated(c.getParent(), source) + source.header(c, c.block().getStart());
                return new Symbol(c.name().getText(), "class", trimColon(header), node.depth());
            }
            if (node.context() instanceof PythonParser.Function_def_rawContext f) {
                String header = decorated(f.getParent(), source) + source.header(f, f.block().getStart());
                return new Symbol(f.name().getText(), inClass(f) ? "method" : "function", trimColon(header),
                        node.depth());
            }
            return null;
        });
    }

    /** "@decorator " for the first decorator of a class or function definition, else "". */
    private static String decorated(ParserRuleContext definition, GrammarReader.Source source) {
        PythonParser.DecoratorsContext decorators = definition instanceof PythonParser.Function_defContext f
                ? f.decorators() : definition instanceof PythonParser.Class_defContext c ? c.decorators() : null;
        if (decorators == null || decorators.named_expression().isEmpty()) {
            return "";
        }
        return "@" + source.header(decorators.named_expression(0), null) + " ";
    }

    /** Whether the nearest definition around {@code function} is a class (a method) rather than a function. */
    private static boolean inClass(ParserRuleContext function) {
        for (ParserRuleContext p = function.getParent(); p != null; p = p.getParent()) {
            if (p instanceof PythonParser.Class_def_rawContext) {
                return true;
            }
            if (p instanceof PythonParser.Function_def_rawContext) {
                return false;
            }
        }
        return false;
    }

    private static String trimColon(String header) {
        return header.endsWith(":") ? header.substring(0, header.length() - 1).strip() : header;
    }
}
