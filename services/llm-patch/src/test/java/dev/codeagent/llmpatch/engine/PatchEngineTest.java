package dev.codeagent.llmpatch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.contracts.patch.EditFormat;
import dev.codeagent.contracts.patch.FileResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PatchEngineTest {

    private final PatchEngine engine = new PatchEngine(PathPolicy.defaults(), 1_048_576);

    private static final String PY = "def f(x):\n    if x:\n        return 1\n    return 0\n";

    @Test
    void ambiguousBlockFailsWithTheLinesItMatched() {
        String file = "a()\nb()\na()\n";
        EngineResult r = engine.apply(Map.of("x.py", file), "x.py\n<<<<<<< SEARCH\na()\n=======\nc()\n>>>>>>> REPLACE\n",
                EditFormat.AUTO);
        assertThat(r.results().get(0).status()).isEqualTo(FileResult.FAILED);
        assertThat(r.results().get(0).reason()).contains("matches 2 places (lines 1, 3)");
        assertThat(r.changed()).isEmpty();
    }

    @Test
    void tabsFileGetsTabsForInsertedLines() {
        String go = "func f() {\n\tif x {\n\t\treturn\n\t}\n}\n";
        String answer = "f.go\n<<<<<<< SEARCH\n    if x {\n        return\n    }\n=======\n    if x {\n        log()\n        return\n    }\n>>>>>>> REPLACE\n";
        EngineResult r = engine.apply(Map.of("f.go", go), answer, EditFormat.AUTO);
        assertThat(r.changed().get("f.go")).isEqualTo("func f() {\n\tif x {\n\t\tlog()\n\t\treturn\n\t}\n}\n");
        assertThat(r.results().get(0).strategy()).isEqualTo("whitespace");
    }

    @Test
    void elidedBlockKeepsTheElidedLines() {
        String answer = "f.py\n<<<<<<< SEARCH\ndef f(x):\n    ...\n    return 0\n=======\ndef f(x):\n    ...\n    return -1\n>>>>>>> REPLACE\n";
        EngineResult r = engine.apply(Map.of("f.py", PY), answer, EditFormat.AUTO);
        assertThat(r.changed().get("f.py")).isEqualTo("def f(x):\n    if x:\n        return 1\n    return -1\n");
        assertThat(r.results().get(0).strategy()).isEqualTo("elided");
    }

    @Test
    void failedBlockKeepsTheFileAtomicButReportsPartialProgress() {
        String answer = "f.py\n<<<<<<< SEARCH\n    return 0\n=======\n    return 2\n>>>>>>> REPLACE\n"
                + "f.py\n<<<<<<< SEARCH\n    nothing here\n=======\n    x\n>>>>>>> REPLACE\n";
        EngineResult r = engine.apply(Map.of("f.py", PY), answer, EditFormat.AUTO);
        assertThat(r.changed()).isEmpty();
        assertThat(r.partial().get("f.py")).contains("return 2");
        assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.ordinal()).isEqualTo(2);
            assertThat(f.reason()).contains("block 2");
        });
    }

    @Test
    void protectedCiFilesNeedExplicitAllowance() {
        String answer = ".github/workflows/ci.yml\n<<<<<<< SEARCH\n=======\non: push\n>>>>>>> REPLACE\n";
        assertThat(engine.apply(Map.of(), answer, EditFormat.AUTO).results().get(0).reason()).contains("protected");
        PatchEngine allowing = new PatchEngine(new PathPolicy(PathPolicy.DEFAULT_PROTECTED, List.of(".github/workflows/**")),
                1_048_576);
        assertThat(allowing.apply(Map.of(), answer, EditFormat.AUTO).changed()).containsEntry(".github/workflows/ci.yml", "on: push\n");
    }

    @Test
    void sizeLimitApplies() {
        PatchEngine small = new PatchEngine(PathPolicy.defaults(), 10);
        EngineResult r = small.apply(Map.of(), "a.txt\n<<<<<<< SEARCH\n=======\n" + "x".repeat(50) + "\n>>>>>>> REPLACE\n",
                EditFormat.AUTO);
        assertThat(r.results().get(0).reason()).contains("larger than the limit");
    }

    @Test
    void wholeFileAndDiffFormatsWork() {
        EngineResult whole = engine.apply(Map.of("f.py", PY), "f.py\n```python\nprint(1)\n```\n", EditFormat.WHOLE_FILE);
        assertThat(whole.changed().get("f.py")).isEqualTo("print(1)\n");
        String diff = "--- a/f.py\n+++ b/f.py\n@@ -40,2 +40,2 @@\n     if x:\n-        return 1\n+        return 2\n";
        EngineResult d = engine.apply(Map.of("f.py", PY), diff, EditFormat.AUTO);
        assertThat(d.changed().get("f.py")).contains("return 2");
        EngineResult del = engine.apply(Map.of("f.py", PY), "--- a/f.py\n+++ /dev/null\n@@\n-x\n", EditFormat.AUTO);
        assertThat(del.results().get(0).status()).isEqualTo(FileResult.DELETED);
        assertThat(del.changed()).containsEntry("f.py", null);
    }

    @Test
    void staleContextLineIsKeptButStaleRemovedLineIsRefused() {
        String file = "a = 1\nb = 2  # tuned\nc = 3\nd = 4\n";
        String ok = "f.py\n<<<<<<< SEARCH\na = 1\nb = 2\nc = 3\nd = 4\n=======\na = 1\nb = 2\nc = 30\nd = 4\n>>>>>>> REPLACE\n";
        EngineResult r = engine.apply(Map.of("f.py", file), ok, EditFormat.AUTO);
        assertThat(r.changed().get("f.py")).isEqualTo("a = 1\nb = 2  # tuned\nc = 30\nd = 4\n");
        assertThat(r.results().get(0).strategy()).isEqualTo("fuzzy-context");
        String bad = "f.py\n<<<<<<< SEARCH\na = 1\nb = 2\nc = 3\nd = 4\n=======\na = 1\nb = 20\nc = 3\nd = 4\n>>>>>>> REPLACE\n";
        assertThat(engine.apply(Map.of("f.py", file), bad, EditFormat.AUTO).changed()).isEmpty();
    }
}
