package dev.codeagent.llmpatch.context;

import dev.codeagent.llmpatch.context.FileSymbols.Symbol;
import dev.codeagent.llmpatch.context.grammar.CSharpLexer;
import dev.codeagent.llmpatch.context.grammar.CSharpParser;
import java.util.List;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * C# (grammars-v4 csharp/v7, with the C# 9–12 declarations listed in the grammar README): classes, structs,
 * interfaces, enums, records and delegates, methods, constructors and interface methods, with the member's modifiers
 * and first attribute.
 */
final class CSharpGrammar implements GrammarReader.Grammar {

    @Override
    public String name() {
        return "csharp";
    }

    @Override
    public Lexer lexer(CharStream input) {
        return new CSharpLexer(input);
    }

    @Override
    public Parser parser(TokenStream tokens) {
        return new CSharpParser(tokens);
    }

    @Override
    public ParserRuleContext parse(Parser parser) {
        return ((CSharpParser) parser).compilation_unit();
    }

    @Override
    public boolean identifier(Token token) {
        return token.getType() == CSharpLexer.IDENTIFIER;
    }

    @Override
    public List<Symbol> declarations(ParserRuleContext tree, GrammarReader.Source source) {
        return GrammarReader.walk(tree, node -> {
            int depth = node.depth();
            ParserRuleContext c = node.context();
            if (c instanceof CSharpParser.Class_definitionContext d) {
                return type(d, d.identifier(), "class", d.class_body(), source, depth);
            }
            if (c instanceof CSharpParser.Struct_definitionContext d) {
                return type(d, d.identifier(), "struct", d.struct_body(), source, depth);
            }
            if (c instanceof CSharpParser.Interface_definitionContext d) {
                return type(d, d.identifier(), "interface", d.class_body(), source, depth);
            }
            if (c instanceof CSharpParser.Record_definitionContext d) {
                return type(d, d.identifier(), "record", d.class_body(), source, depth);
            }
            if (c instanceof CSharpParser.Enum_definitionContext d) {
                return type(d, d.identifier(), "enum", d.enum_body(), source, depth);
            }
            if (c instanceof CSharpParser.Delegate_definitionContext d) {
                return type(d, d.identifier(), "delegate", null, source, depth);
            }
            if (c instanceof CSharpParser.Method_declarationContext d) {
                Token body = d.method_body() != null ? d.method_body().getStart() : d.right_arrow().getStart();
                return member(d, d.method_member_name().getText(), body, source, depth);
            }
            if (c instanceof CSharpParser.Constructor_declarationContext d) {
                Token body = d.constructor_initializer() != null ? d.constructor_initializer().getStart()
                        : d.body().getStart();
                return member(d, d.identifier().getText(), body, source, depth);
            }
            if (c instanceof CSharpParser.Interface_member_declarationContext d && d.OPEN_PARENS() != null
                    && d.identifier() != null) {
                Token start = d.attributes() == null ? d.getStart() : first(d.getChild(1));
                String header = attribute(d.attributes(), source)
                        + source.header(start, d.CLOSE_PARENS().getSymbol(), null);
                return new Symbol(d.identifier().getText(), "method", header, depth);
            }
            return null;
        });
    }

    /** A type: "[Attribute] kind Name<T>(parameters) : Base" — its declaration up to the body. */
    private static Symbol type(ParserRuleContext definition, CSharpParser.IdentifierContext name, String kind,
            ParserRuleContext body, GrammarReader.Source source, int depth) {
        Token before = body != null ? body.getStart() : definition.getStop();
        String header = attribute(declaration(definition).attributes, source)
                + source.header(definition.getStart(), null, before);
        return new Symbol(name.getText(), kind, header, depth);
    }

    /** A method or constructor: "[Attribute] modifiers type Name(parameters)" — up to the body. */
    private static Symbol member(ParserRuleContext declarator, String name, Token body, GrammarReader.Source source,
            int depth) {
        Declaration declaration = declaration(declarator);
        Token start = declaration.modifiers != null ? declaration.modifiers.getStart()
                : declaration.member != null ? declaration.member.getStart() : declarator.getStart();
        return new Symbol(name, "method", attribute(declaration.attributes, source) + source.header(start, null, body),
                depth);
    }

    /** The attributes, modifiers and member node around a declarator, as far as the grammar nests them. */
    private record Declaration(CSharpParser.AttributesContext attributes, ParserRuleContext modifiers,
            ParserRuleContext member) {
    }

    private static Declaration declaration(ParserRuleContext declarator) {
        for (ParserRuleContext p = declarator.getParent(); p != null; p = p.getParent()) {
            if (p instanceof CSharpParser.Type_declarationContext t) {
                return new Declaration(t.attributes(), t.all_member_modifiers(), null);
            }
            if (p instanceof CSharpParser.Class_member_declarationContext m) {
                return new Declaration(m.attributes(), m.all_member_modifiers(), m.common_member_declaration());
            }
            if (p instanceof CSharpParser.Struct_member_declarationContext m) {
                return new Declaration(m.attributes(), m.all_member_modifiers(), m.common_member_declaration());
            }
            if (!(p instanceof CSharpParser.Common_member_declarationContext
                    || p instanceof CSharpParser.Typed_member_declarationContext)) {
                break;
            }
        }
        return new Declaration(null, null, null);
    }

    /** "[Attribute(args)] " for the first attribute, else "". */
    private static String attribute(CSharpParser.AttributesContext attributes, GrammarReader.Source source) {
        if (attributes == null) {
            return "";
        }
        return "[" + source.header(attributes.attribute_section(0).attribute_list().attribute(0), null) + "] ";
    }

    private static Token first(ParseTree node) {
        return node instanceof TerminalNode t ? t.getSymbol() : ((ParserRuleContext) node).getStart();
    }
}
