package dev.codeagent.llmpatch.bench;

import dev.codeagent.contracts.patch.EditFormat;
import dev.codeagent.llmpatch.engine.EngineResult;
import dev.codeagent.llmpatch.engine.PatchEngine;
import dev.codeagent.llmpatch.engine.PathPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of the patch engine: the whole corpus (168 model answers, every format and degradation), and
 * single blocks on a 5,000-line file with an exact and a whitespace-drifted SEARCH.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PatchEngineBenchmark {

    private final PatchEngine engine = new PatchEngine(PathPolicy.defaults(), 16 * 1_048_576);
    private List<Corpus.Case> cases;
    private Map<String, String> bigFile;
    private String exactBlock;
    private String driftedBlock;

    @Setup
    public void load() throws Exception {
        cases = Corpus.load(Path.of(System.getProperty("corpus", "../patch-corpus/cases")));
        StringBuilder big = new StringBuilder("public class Big {\n");
        for (int i = 0; i < 5000; i++) {
            big.append("    void m").append(i).append("() {\n        call(").append(i).append(");\n    }\n");
        }
        big.append("}\n");
        bigFile = Map.of("Big.java", big.toString());
        exactBlock = "Big.java\n<<<<<<< SEARCH\n    void m4000() {\n        call(4000);\n    }\n=======\n"
                + "    void m4000() {\n        check();\n        call(4000);\n    }\n>>>>>>> REPLACE\n";
        driftedBlock = "Big.java\n<<<<<<< SEARCH\nvoid m4000() {\n    call(4000);\n}\n=======\n"
                + "void m4000() {\n    check();\n    call(4000);\n}\n>>>>>>> REPLACE\n";
    }

    /** One op = all corpus answers applied; multiply by the case count for answers per second. */
    @Benchmark
    public void wholeCorpus(Blackhole bh) {
        for (Corpus.Case c : cases) {
            bh.consume(engine.apply(c.before(), c.answer(), EditFormat.AUTO));
        }
    }

    @Benchmark
    public EngineResult exactBlockIn5000LineFile() {
        return engine.apply(bigFile, exactBlock, EditFormat.AUTO);
    }

    @Benchmark
    public EngineResult whitespaceDriftBlockIn5000LineFile() {
        return engine.apply(bigFile, driftedBlock, EditFormat.AUTO);
    }
}
