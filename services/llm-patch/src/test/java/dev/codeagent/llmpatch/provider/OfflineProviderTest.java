package dev.codeagent.llmpatch.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.contracts.patch.EditFormat;
import dev.codeagent.contracts.patch.SourceFile;
import dev.codeagent.llmpatch.engine.EngineResult;
import dev.codeagent.llmpatch.engine.PatchEngine;
import dev.codeagent.llmpatch.engine.PathPolicy;
import dev.codeagent.llmpatch.prompt.VariantStrategy;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OfflineProviderTest {

    private final OfflineProvider offline = new OfflineProvider();
    private final PatchEngine engine = new PatchEngine(PathPolicy.defaults(), 1_048_576);

    private EngineResult run(int k, Map<String, String> files) {
        List<SourceFile> sources = files.entrySet().stream().map(e -> new SourceFile(e.getKey(), e.getValue())).toList();
        ModelReply reply = offline.complete(new ModelRequest(List.of(), k, VariantStrategy.forVariant(k),
                "Add input validation to the login handler", sources, 10), 0);
        assertThat(reply.text()).contains("Offline provider (deterministic, no model was called)");
        return engine.apply(files, reply.text(), EditFormat.AUTO);
    }

    @Test
    void fiveVariantsApplyAndDiffer() {
        Map<String, String> files = Map.of("src/Login.java",
                "package x;\n\nclass Login {\n    void login(String user) {\n        check(user);\n    }\n}\n",
                "app/login.py", "#!/usr/bin/env python3\ndef login(user):\n    return user\n");
        Set<Map<String, String>> outcomes = new HashSet<>();
        for (int k = 1; k <= 5; k++) {
            EngineResult r = run(k, files);
            assertThat(r.failures()).as("variant %d", k).isEmpty();
            outcomes.add(r.changed());
        }
        assertThat(outcomes).hasSize(5);
    }

    @Test
    void commentsUseTheLanguageSyntaxAndKeepShebangsFirst() {
        EngineResult py = run(1, Map.of("app/login.py", "#!/usr/bin/env python3\ndef login(user):\n    return user\n"));
        assertThat(py.changed().get("app/login.py")).startsWith("#!/usr/bin/env python3\n# Code Agent (offline provider");
        EngineResult defensive = run(3, Map.of("src/Login.java",
                "package x;\n\nclass Login {\n    void login(String user) {\n        check(user);\n    }\n}\n"));
        assertThat(defensive.changed().get("src/Login.java")).contains("// Code Agent (offline provider, Defensive variant): Add input validation");
        EngineResult md = run(2, Map.of("README.md", "# Title\n"));
        assertThat(md.changed().get("README.md")).contains("<!--").contains("-->");
    }

    @Test
    void withoutCommentableFilesItWritesADesignNote() {
        EngineResult r = run(1, Map.of("data.json", "{}\n"));
        assertThat(r.changed()).containsOnlyKeys("docs/codeagent/variant-1-input-validation-login-handler.md");
    }
}
