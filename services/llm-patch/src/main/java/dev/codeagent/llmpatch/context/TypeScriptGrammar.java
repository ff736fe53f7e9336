package dev.codeagent.llmpatch.context;

import dev.codeagent.llmpatch.context.FileSymbols.Symbol;
import dev.codeagent.llmpatch.context.grammar.TypeScriptLexer;
import dev.codeagent.llmpatch.context.grammar.TypeScriptParser;
import java.util.List;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;

/**
 * TypeScript and JavaScript (grammars-v4 javascript/typescript; JavaScript without JSX is a subset): classes,
 * interfaces, enums, type aliases, namespaces, functions, methods and constructors, interface method signatures, and
 * functions bound to a variable ({@code const handler = async (req) => …}), with a class's or method's first decorator.
 */
final class TypeScriptGrammar implements GrammarReader.Grammar {

    @Override
    public String name() {
        return "typescript";
    }

    @Override
    public Lexer lexer(CharStream input) {
        return new TypeScriptLexer(input);
    }

    @Override
    public Parser parser(TokenStream tokens) {
        return new TypeScriptParser(tokens);
    }

    @Override
    public ParserRuleContext parse(Parser parser) {
        return ((TypeScriptParser) parser).program();
    }

    @Override
    public boolean identifier(Token token) {
        return token.getType() == TypeScriptLexer.Identifier;
    }

    @Override
    public List<Symbol> declarations(ParserRuleContext tree, GrammarReader.Source source) {
        return GrammarReader.walk(tree, node -> {
            int depth = node.depth();
            ParserRuleContext c = node.context();
            if (c instanceof TypeScriptParser.ClassDeclarationContext d) {
                String header = decorator(d.decoratorList(), source)
                        + source.header(d.Class().getSymbol(), null, d.classTail().getStart());
                return new Symbol(d.identifier().getText(), "class", header, depth);
            }
            if (c instanceof TypeScriptParser.InterfaceDeclarationContext d) {
                return new Symbol(d.identifier().getText(), "interface",
                        source.header(d.Interface().getSymbol(), null, d.objectType().getStart()), depth);
            }
            if (c instanceof TypeScriptParser.EnumDeclarationContext d) {
                return new Symbol(d.identifier().getText(), "enum", "enum " + d.identifier().getText(), depth);
            }
            if (c instanceof TypeScriptParser.TypeAliasDeclarationContext d) {
                return new Symbol(d.identifier().getText(), "type", "type " + d.identifier().getText(), depth);
            }
            if (c instanceof TypeScriptParser.NamespaceDeclarationContext d) {
                return new Symbol(d.namespaceName().getText(), "namespace", "namespace " + d.namespaceName().getText(),
                        depth);
            }
            if (c instanceof TypeScriptParser.FunctionDeclarationContext d) {
                return new Symbol(d.identifier().getText(), "function",
                        source.header(d.getStart(), d.callSignature().getStop(), null), depth);
            }
            if (c instanceof TypeScriptParser.MethodDeclarationExpressionContext d) {
                TypeScriptParser.DecoratorListContext decorators = d.getParent()
                        instanceof TypeScriptParser.ClassElementContext e ? e.decoratorList() : null;
                String header = decorator(decorators, source)
                        + source.header(d.getStart(), d.callSignature().getStop(), null);
                return new Symbol(d.propertyName().getText(), "method", header, depth);
            }
            if (c instanceof TypeScriptParser.ConstructorDeclarationContext d) {
                return new Symbol("constructor", "method",
                        source.header(d.getStart(), d.CloseParen().getSymbol(), null), depth);
            }
            if (c instanceof TypeScriptParser.AbstractDeclarationContext d && d.identifier() != null) {
                return new Symbol(d.identifier().getText(), "method",
                        source.header(d.getStart(), d.callSignature().getStop(), null), depth);
            }
            if (c instanceof TypeScriptParser.MethodSignatureContext d) {
                return new Symbol(d.propertyName().getText(), "method", source.header(d, null), depth);
            }
            if (c instanceof TypeScriptParser.VariableDeclarationContext d && d.Assign() != null
                    && d.identifierOrKeyWord() != null && !d.singleExpression().isEmpty()
                    && d.singleExpression(d.singleExpression().size() - 1)
                            instanceof TypeScriptParser.FunctionExpressionContext f) {
                Token body = body(f.anonymousFunction());
                // A named function expression is read as the function declaration inside it.
                return body == null ? null
                        : new Symbol(d.identifierOrKeyWord().getText(), "function",
                                source.header(d.getStart(), null, body), depth);
            }
            return null;
        });
    }

    /** Where the body of an arrow or anonymous function starts; null for a named function expression. */
    private static Token body(TypeScriptParser.AnonymousFunctionContext function) {
        if (function.arrowFunctionDeclaration() != null) {
            return function.arrowFunctionDeclaration().arrowFunctionBody().getStart();
        }
        return function.OpenBrace() != null ? function.OpenBrace().getSymbol() : null;
    }

    /** "@Decorator(args) " for the first of {@code decorators}, else "". */
    private static String decorator(TypeScriptParser.DecoratorListContext decorators, GrammarReader.Source source) {
        if (decorators == null || decorators.decorator().isEmpty()) {
            return "";
        }
        return source.header(decorators.decorator(0), null) + " ";
    }
}
