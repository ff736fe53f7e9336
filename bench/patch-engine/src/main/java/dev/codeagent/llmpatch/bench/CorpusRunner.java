package dev.codeagent.llmpatch.bench;

import dev.codeagent.contracts.patch.EditFormat;
import dev.codeagent.llmpatch.engine.PatchEngine;
import dev.codeagent.llmpatch.engine.PathPolicy;
import java.nio.file.Path;

/**
 * Prints one line per corpus case, {@code <case>\t<answer-ok>\t<diff-ok|->}, for compare.sh: whether the
 * engine's result on answer.txt and on answer.diff is exactly the expected one.
 */
public final class CorpusRunner {

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : "../patch-corpus/cases");
        PatchEngine engine = new PatchEngine(PathPolicy.defaults(), 1_048_576);
        for (Corpus.Case c : Corpus.load(root)) {
            boolean answer = Corpus.correct(c, engine.apply(c.before(), c.answer(), EditFormat.AUTO));
            String diff = c.diff() == null ? "-"
                    : String.valueOf(Corpus.correct(c, engine.apply(c.before(), c.diff(), EditFormat.UNIFIED_DIFF)));
            System.out.println(c.name() + "\t" + answer + "\t" + diff);
        }
    }

    private CorpusRunner() {
    }
}
