package dev.codeagent.llmpatch.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.contracts.context.ContextSelection;
import dev.codeagent.contracts.context.ContextSelectionRequest;
import dev.codeagent.contracts.context.ExcludedPath;
import dev.codeagent.contracts.git.TreeEntry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Measures the ranking on labelled intents over a realistic multi-module tree: the file a developer would
 * edit must be among the first 3 ranked paths (no changed paths given, so the ranking alone decides).
 */
class ContextSelectorTest {

    static final List<String> TREE = List.of(
            "README.md", "pom.xml", "docs/architecture.md", "docs/api.md",
            "src/main/java/com/shop/auth/LoginController.java", "src/main/java/com/shop/auth/LoginService.java",
            "src/main/java/com/shop/auth/PasswordHasher.java", "src/main/java/com/shop/auth/SessionStore.java",
            "src/main/java/com/shop/cart/CartController.java", "src/main/java/com/shop/cart/CartService.java",
            "src/main/java/com/shop/cart/Discount.java", "src/main/java/com/shop/order/OrderService.java",
            "src/main/java/com/shop/order/OrderRepository.java", "src/main/java/com/shop/order/InvoiceMailer.java",
            "src/main/java/com/shop/payment/PaymentGateway.java", "src/main/java/com/shop/payment/RefundService.java",
            "src/main/java/com/shop/config/RateLimitFilter.java", "src/main/java/com/shop/config/CorsConfig.java",
            "src/main/resources/application.yml", "src/main/resources/db/migration/V1__init.sql",
            "src/test/java/com/shop/auth/LoginServiceTest.java", "src/test/java/com/shop/cart/CartServiceTest.java",
            "web/src/components/LoginForm.tsx", "web/src/components/CartView.tsx", "web/src/api/client.ts",
            "scripts/deploy.sh", "Dockerfile");

    record Labelled(String intent, String expected) {
    }

    static final List<Labelled> LABELLED = List.of(
            new Labelled("Add input validation to the login handler", "src/main/java/com/shop/auth/LoginController.java"),
            new Labelled("Hash passwords with a stronger algorithm", "src/main/java/com/shop/auth/PasswordHasher.java"),
            new Labelled("Expire sessions after 30 minutes", "src/main/java/com/shop/auth/SessionStore.java"),
            new Labelled("Apply the discount before tax in the cart", "src/main/java/com/shop/cart/Discount.java"),
            new Labelled("Send the invoice mail asynchronously", "src/main/java/com/shop/order/InvoiceMailer.java"),
            new Labelled("Retry refunds when the payment gateway times out", "src/main/java/com/shop/payment/RefundService.java"),
            new Labelled("Make the rate limit configurable", "src/main/java/com/shop/config/RateLimitFilter.java"),
            new Labelled("Allow CORS for the admin origin", "src/main/java/com/shop/config/CorsConfig.java"),
            new Labelled("Show a spinner in the login form while submitting", "web/src/components/LoginForm.tsx"),
            new Labelled("Add a timeout to the api client", "web/src/api/client.ts"),
            new Labelled("Add tests for the cart service", "src/test/java/com/shop/cart/CartServiceTest.java"),
            new Labelled("Cache order lookups in the order repository", "src/main/java/com/shop/order/OrderRepository.java"));

    private final ContextSelector selector = new ContextSelector(200_000, 256_000);

    private static List<TreeEntry> tree() {
        return TREE.stream().map(p -> new TreeEntry(p, 3000)).toList();
    }

    @Test
    void rankingFindsTheFileToEditInTheTopThree() {
        int top1 = 0;
        int top3 = 0;
        List<String> misses = new ArrayList<>();
        for (Labelled l : LABELLED) {
            List<String> paths = selector.select(new ContextSelectionRequest(l.intent(), tree(), List.of(), 0)).paths();
            int rank = paths.indexOf(l.expected());
            if (rank == 0) {
                top1++;
            }
            if (rank >= 0 && rank < 3) {
                top3++;
            } else {
                misses.add(l.intent() + " -> " + paths.subList(0, Math.min(3, paths.size())));
            }
        }
        System.out.printf("context ranking: top-1 %d/%d, top-3 %d/%d%n", top1, LABELLED.size(), top3, LABELLED.size());
        assertThat(top3).as("misses: %s", misses).isGreaterThanOrEqualTo(LABELLED.size() - 1);
    }

    @Test
    void changedPathsComeFirstAndBudgetIsRespected() {
        ContextSelection s = selector.select(new ContextSelectionRequest("Add input validation to the login handler",
                tree(), List.of("src/main/java/com/shop/cart/CartService.java"), 7000));
        assertThat(s.paths()).startsWith("src/main/java/com/shop/cart/CartService.java");
        assertThat(s.paths()).hasSize(2);
        assertThat(s.totalBytes()).isLessThanOrEqualTo(7000);
        assertThat(s.excluded()).anyMatch(e -> e.reason().startsWith("over budget"));
    }

    @Test
    void filesNamedInTheIntentComeFirstEvenBeforeChangedOnes() {
        ContextSelection s = selector.select(new ContextSelectionRequest("Fix the bug in RefundService and PaymentGateway",
                tree(), List.of("src/main/java/com/shop/cart/CartService.java"), 0));
        assertThat(s.paths().subList(0, 2)).containsExactlyInAnyOrder(
                "src/main/java/com/shop/payment/RefundService.java", "src/main/java/com/shop/payment/PaymentGateway.java");
        assertThat(s.paths().get(2)).isEqualTo("src/main/java/com/shop/cart/CartService.java");
        assertThat(s.ranked().get(0).reason()).contains("named in the intent");
        assertThat(s.ranked().get(2).reason()).contains("changed in the PR");
    }

    @Test
    void aPlainWordNamesNoFile() {
        assertThat(ContextSelector.namedIn("Show a spinner while the login runs",
                java.util.Set.of("web/login.html", "src/LoginHandler.java"))).isEmpty();
        assertThat(ContextSelector.namedIn("Validate input in LoginHandler",
                java.util.Set.of("web/login.html", "src/LoginHandler.java"))).containsExactly("src/LoginHandler.java");
    }

    @Test
    void filesThatHoldSecretsAreNeverSelectedEvenWhenNamedOrChanged() {
        List<TreeEntry> tree = new ArrayList<>(tree());
        for (String p : List.of(".env", "src/Web/appsettings.Production.json", "certs/server.pem", "infra/prod.tfvars",
                "deploy/id_rsa", "config/secrets.yml", "signing/release.pfx")) {
            tree.add(new TreeEntry(p, 500));
        }
        ContextSelection s = selector.select(new ContextSelectionRequest("Rotate the keys in .env, "
                + "appsettings.Production.json, server.pem, prod.tfvars, id_rsa, secrets.yml and release.pfx",
                tree, List.of("src/Web/appsettings.Production.json", ".env"), 0));
        assertThat(s.paths()).noneMatch(p -> p.equals(".env") || p.contains("appsettings") || p.endsWith(".pem")
                || p.endsWith(".tfvars") || p.endsWith("id_rsa") || p.endsWith("secrets.yml") || p.endsWith(".pfx"));
        assertThat(s.excluded()).filteredOn(e -> e.reason().startsWith("may hold secrets")).hasSize(7)
                .anySatisfy(e -> assertThat(e).isEqualTo(new ExcludedPath(".env", "may hold secrets (environment file)")));
    }
}
