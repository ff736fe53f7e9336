package dev.codeagent.deployment.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.deployment.compose.RepositoryRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link in the project's Markdown points at a file that exists and, when it names a section, at a
 * heading that exists: the docs cross-reference each other heavily (security.md's threat model links every
 * control), and a renamed heading must not leave a reader at the top of a page.
 */
class DocumentationLinksTest {

    private static final Path ROOT = RepositoryRoot.find();
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");

    @Test
    void everyRelativeLinkAndAnchorResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path markdown : markdownFiles()) {
            for (String target : links(markdown)) {
                String problem = check(markdown, target);
                if (problem != null) {
                    broken.add(ROOT.relativize(markdown) + ": (" + target + ") " + problem);
                }
            }
        }
        assertThat(broken).as("broken links").isEmpty();
    }

    @Test
    void anchorsFollowGitHubsRules() {
        assertThat(anchor("Deliveries: age, names and mentions")).isEqualTo("deliveries-age-names-and-mentions");
        assertThat(anchor("Who may trigger")).isEqualTo("who-may-trigger");
        assertThat(anchor("`CODEAGENT_ENV` and the `/run/secrets` files")).isEqualTo("codeagent_env-and-the-runsecrets-files");
        assertThat(anchor("Results (2026-11-29, 2 cores)")).isEqualTo("results-2026-11-29-2-cores");
    }

    private static String check(Path markdown, String target) throws IOException {
        if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || target.startsWith("//")) {
            return null; // http:, https:, mailto: — not ours to check offline
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String fragment = hash < 0 ? null : URLDecoder.decode(target.substring(hash + 1), StandardCharsets.UTF_8);
        Path resolved = file.isEmpty() ? markdown : markdown.getParent().resolve(
                URLDecoder.decode(file, StandardCharsets.UTF_8)).normalize();
        if (!resolved.startsWith(ROOT)) {
            return "leaves the repository";
        }
        if (!Files.exists(resolved)) {
            return "no such file";
        }
        if (fragment == null || fragment.isEmpty() || !resolved.toString().endsWith(".md")) {
            return null;
        }
        return anchors(resolved).contains(fragment.toLowerCase(Locale.ROOT)) ? null : "no such heading";
    }

    private static List<Path> markdownFiles() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(path -> path.toString().endsWith(".md"))
                    .filter(path -> !ROOT.relativize(path).toString().matches("(^|.*/)(target|node_modules|\\.git)/.*"))
                    .sorted()
                    .toList();
        }
    }

    private static List<String> links(Path markdown) throws IOException {
        List<String> targets = new ArrayList<>();
        boolean inFence = false;
        for (String line : Files.readAllLines(markdown)) {
            if (FENCE.matcher(line).find()) {
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                continue;
            }
            Matcher link = LINK.matcher(line.replaceAll("`[^`]*`", ""));
            while (link.find()) {
                targets.add(link.group(1));
            }
        }
        return targets;
    }

    private static Set<String> anchors(Path markdown) {
        Set<String> anchors = new HashSet<>();
        Set<String> seen = new HashSet<>();
        boolean inFence = false;
        try {
            for (String line : Files.readAllLines(markdown)) {
                if (FENCE.matcher(line).find()) {
                    inFence = !inFence;
                    continue;
                }
                Matcher heading = HEADING.matcher(line);
                if (!inFence && heading.matches()) {
                    String anchor = anchor(heading.group(1));
                    String unique = anchor;
                    for (int n = 1; !seen.add(unique); n++) {
                        unique = anchor + "-" + n;
                    }
                    anchors.add(unique);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return anchors;
    }

    /** GitHub's rule: lower case, drop everything but letters, digits, spaces, hyphens and underscores, spaces to hyphens. */
    static String anchor(String heading) {
        String text = heading.replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1");
        return text.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N} _-]", "")
                .replace(' ', '-');
    }
}
