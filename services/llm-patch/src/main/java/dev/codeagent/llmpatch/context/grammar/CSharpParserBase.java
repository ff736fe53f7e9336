package dev.codeagent.llmpatch.context.grammar;

import org.antlr.v4.runtime.*;

public abstract class CSharpParserBase extends Parser
{
    // Code Agent: the test harness's --no-semantics switch, read from the JVM's command line, is left out: a
    // service's command line must not change how files parse.
    protected CSharpParserBase(TokenStream input)
    {
        super(input);
    }

    protected boolean IsRightArrow() { return areAdjacent(); }
    protected boolean IsRightShift() { return areAdjacent(); }
    protected boolean IsRightShiftAssignment() { return areAdjacent(); }

    private boolean areAdjacent()
    {
        Token first  = _input.LT(-2);
        Token second = _input.LT(-1);
        return first != null && second != null &&
               first.getTokenIndex() + 1 == second.getTokenIndex();
    }

    protected boolean IsLocalVariableDeclaration()
    {
        if (!(this._ctx instanceof CSharpParser.Local_variable_declarationContext)) {
            return false;
        }
        CSharpParser.Local_variable_declarationContext local_var_decl = (CSharpParser.Local_variable_declarationContext)this._ctx;
        if (local_var_decl == null) return true;
        CSharpParser.Local_variable_typeContext local_variable_type = local_var_decl.local_variable_type();
        if (local_variable_type == null) return true;
        if (local_variable_type.getText().equals("var")) return false;
        return true;
    }
}
