package dev.codeagent.llmpatch.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.contracts.context.ContextSelection;
import dev.codeagent.contracts.context.ContextSelectionRequest;
import dev.codeagent.contracts.context.RankedPath;
import dev.codeagent.contracts.git.TreeEntry;
import dev.codeagent.contracts.patch.SourceFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Selection with contents: small repositories whole, words as people write them, the map and its reasons. */
class RepositoryMapSelectionTest {

    static final String README = "# Login service\n\nA tiny login service. Users sign in with their user name and "
            + "password.\n";
    static final String LOGIN_HANDLER = """
            import java.util.HashMap;
            import java.util.Map;

            public class LoginHandler {

                private final Map<String, String> passwords = new HashMap<>();

                public boolean login(String user, String password) {
                    String expected = passwords.get(user);
                    return expected != null && expected.equals(password);
                }
            }
            """;

    private final ContextSelector selector = new ContextSelector(64 * 1024, 256 * 1024);

    @Test
    void theTwoFileRepositoryOfIssue26ShowsLoginHandlerForBothIntents() {
        List<SourceFile> files = List.of(new SourceFile("README.md", README),
                new SourceFile("LoginHandler.java", LOGIN_HANDLER));
        for (String intent : List.of("Reject null user names and passwords", "Lock an account after five wrong passwords")) {
            ContextSelection paths = selector.select(new ContextSelectionRequest(intent, tree(files), List.of(), 0));
            assertThat(paths.paths()).as(intent).contains("LoginHandler.java");
            ContextSelection withContents = selector.select(new ContextSelectionRequest(intent, tree(files), List.of(),
                    0, null, files));
            assertThat(withContents.paths()).as(intent).startsWith("LoginHandler.java").contains("README.md");
        }
    }

    @Test
    void aSmallRepositoryIsShownWholeWithTheLargestLastAndGeneratedAndVendoredFilesOut() {
        List<TreeEntry> tree = List.of(new TreeEntry("src/big.py", 9000), new TreeEntry("src/small.py", 100),
                new TreeEntry("src/mid.py", 2000), new TreeEntry("node_modules/x/index.js", 50),
                new TreeEntry("dist/app.min.js", 70), new TreeEntry("README.md", 500));
        ContextSelection s = selector.select(new ContextSelectionRequest("Speed up the export", tree, List.of(), 0));
        assertThat(s.paths()).containsExactly("src/small.py", "README.md", "src/mid.py", "src/big.py");
        assertThat(s.excluded()).extracting(e -> e.path()).contains("node_modules/x/index.js", "dist/app.min.js");
        assertThat(s.ranked()).allSatisfy(r -> assertThat(r.reason()).contains("small repository"));
    }

    @Test
    void intentWordsMeetCodeWordsThroughSplittingStemmingJoiningAndSynonyms() {
        Map<String, Double> words = Words.intent("Reject null user names and passwords");
        assertThat(words).containsKeys("user", Words.stem("name"), "password", Words.stem("username")).doesNotContainKey("andpassword");
        assertThat(Words.intent("Lock an account after five wrong passwords")).containsKeys("user", "login",
                "password");
        assertThat(Words.terms("findByLastName")).contains("find", "last", "name");
        assertThat(Words.intent("Search owners by last name")).containsKey(Words.stem("lastname"));
        assertThat(Words.terms("user_names")).containsExactly("user", "name");
    }

    @Test
    void aLargerRepositoryIsRankedThroughItsMapWithTheReasonForEachFile() {
        List<SourceFile> files = new ArrayList<>();
        files.add(new SourceFile("src/main/java/shop/auth/LoginController.java", """
                package shop.auth;
                public class LoginController {
                    private final Verifier verifier;
                    public String signIn(String user, String secret) { return verifier.check(user, secret); }
                }
                """));
        files.add(new SourceFile("src/main/java/shop/auth/Verifier.java", """
                package shop.auth;
                public class Verifier {
                    public String check(String user, String password) { return "ok"; }
                }
                """));
        files.add(new SourceFile("web/src/cart.ts", """
                export class CartStore {
                  async addItem(id: string, quantity: number): Promise<void> {
                    // a password would never be here
                  }
                }
                """));
        files.add(new SourceFile("tools/report.py", """
                class Report:
                    def render(self, rows):
                        return rows
                def main():
                    pass
                """));
        for (int i = 0; i < 40; i++) {
            files.add(new SourceFile("src/main/java/shop/catalog/Item" + i + ".java",
                    "package shop.catalog;\npublic class Item" + i + " {\n" + "    // filler\n".repeat(100) + "}\n"));
        }
        ContextSelectionRequest paths = new ContextSelectionRequest("Passwords must be checked in constant time",
                tree(files), List.of(), 8 * 1024, "c0ffee", null);
        ContextSelection first = selector.select(paths);
        assertThat(first.wanted()).contains("src/main/java/shop/auth/Verifier.java", "web/src/cart.ts");
        assertThat(first.map()).isEmpty();

        ContextSelection withContents = selector.select(new ContextSelectionRequest(paths.intent(), paths.tree(),
                List.of(), paths.budgetBytes(), "c0ffee", files));
        assertThat(withContents.wanted()).isEmpty();
        assertThat(withContents.paths().subList(0, 2)).containsExactlyInAnyOrder(
                "src/main/java/shop/auth/Verifier.java", "src/main/java/shop/auth/LoginController.java");
        assertThat(withContents.paths()).noneMatch(p -> p.contains("catalog"));
        assertThat(withContents.map())
                .contains("src/main/java/shop/auth/Verifier.java:\n  class Verifier\n    String check(String user, String password)")
                .contains("class CartStore").contains("async addItem(id: string, quantity: number): Promise<void>");
        RankedPath verifier = withContents.ranked().stream()
                .filter(r -> r.path().equals("src/main/java/shop/auth/Verifier.java")).findFirst().orElseThrow();
        assertThat(verifier.shown()).isTrue();
        assertThat(verifier.reason()).contains("symbols: check").contains("password").contains("map rank 1 of 44");
        assertThat(withContents.ranked()).anySatisfy(r -> {
            assertThat(r.path()).isEqualTo("src/main/java/shop/auth/LoginController.java");
            assertThat(r.reason()).contains("map rank");
        });
        assertThat(withContents.totalBytes() + withContents.map().length()).isLessThanOrEqualTo(8 * 1024);

        ContextSelection cached = selector.select(paths);
        assertThat(cached.wanted()).as("the map is cached for the commit").isEmpty();
        assertThat(cached.map()).isEqualTo(withContents.map());
        assertThat(cached.paths()).isEqualTo(withContents.paths());
    }

    private static List<TreeEntry> tree(List<SourceFile> files) {
        return files.stream().map(f -> new TreeEntry(f.path(), f.content().getBytes(StandardCharsets.UTF_8).length))
                .toList();
    }
}
