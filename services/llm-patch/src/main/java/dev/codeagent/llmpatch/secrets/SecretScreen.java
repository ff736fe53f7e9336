package dev.codeagent.llmpatch.secrets;

import dev.codeagent.contracts.patch.SourceFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last gate before a prompt: every file the orchestrator sends is checked by name ({@link SecretFiles}) and by
 * content ({@link SecretScanner}), since context selection alone cannot know what a file holds and a request may
 * come from a context gathered before these rules.
 */
public final class SecretScreen {

    private final SecretScanner scanner = new SecretScanner();

    /** The files a model may see, and the paths left out with why. */
    public record Screened(List<SourceFile> shown, Map<String, String> withheld) {
        public Screened {
            shown = List.copyOf(shown);
            withheld = Collections.unmodifiableMap(new LinkedHashMap<>(withheld));
        }
    }

    public Screened screen(List<SourceFile> files) {
        List<SourceFile> shown = new ArrayList<>();
        Map<String, String> withheld = new LinkedHashMap<>();
        for (SourceFile file : files) {
            String why = SecretFiles.why(file.path());
            if (why == null) {
                why = scanner.scan(file.content()).map(f -> "holds what looks like a credential: " + f.description()
                        + " on line " + f.line()).orElse(null);
            }
            if (why == null) {
                shown.add(file);
            } else {
                withheld.put(file.path(), why);
            }
        }
        return new Screened(shown, withheld);
    }
}
