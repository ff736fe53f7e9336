package dev.codeagent.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.gateway.FakeOrchestrator;
import dev.codeagent.gateway.Fixtures;
import dev.codeagent.gateway.GatewayApplication;
import dev.codeagent.gateway.GatewayClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Property-based fuzzing of the delivery endpoints over real HTTP: mutated fixtures, arbitrary bytes and
 * arbitrary comment text never get a 5xx (the orchestrator stub is healthy, so any 5xx would be a bug).
 */
class DeliveryFuzzIT {

    private static final String TOKEN = "fuzz-internal-token-0123456789";
    private static final String SECRET = "fuzz-webhook-secret-0123456789";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> FIXTURES = List.of(Fixtures.EDIT_COMMAND, Fixtures.EDITED,
            Fixtures.PLAIN_REPLY, Fixtures.CAPTURED);

    private static FakeOrchestrator orchestrator;
    private static ConfigurableApplicationContext gatewayApp;
    private static GatewayClient gateway;

    @BeforeContainer
    static void start() throws Exception {
        orchestrator = new FakeOrchestrator(TOKEN);
        // Command-line arguments, because builder "properties" are defaults that application.yml overrides.
        gatewayApp = new SpringApplicationBuilder(GatewayApplication.class).run(
                "--server.port=0",
                "--codeagent.platform.internal-token=" + TOKEN,
                "--codeagent.platform.connect-timeout=5s",
                "--codeagent.webhook.secret=" + SECRET,
                "--codeagent.rate-limit.per-repository=0",
                "--codeagent.rate-limit.per-author=0",
                "--codeagent.handoff.orchestrator-url=" + orchestrator.url(),
                "--codeagent.handoff.timeout=10s",
                "--codeagent.handoff.max-total=15s");
        gateway = new GatewayClient(Integer.parseInt(gatewayApp.getEnvironment().getProperty("local.server.port")));
    }

    @AfterContainer
    static void stop() {
        if (gatewayApp != null) {
            gatewayApp.close();
        }
        if (orchestrator != null) {
            orchestrator.close();
        }
    }

    @Property(tries = 250)
    void mutatedDeliveriesNeverGetA5xx(@ForAll("mutatedDeliveries") String body) {
        assertAnswered(gateway.post("/webhook/ado", body, "X-CodeAgent-Secret", SECRET));
    }

    @Property(tries = 100)
    void arbitraryBytesNeverGetA5xx(@ForAll("bytes") byte[] body) {
        assertAnswered(gateway.post("/webhook/ado", HttpRequest.BodyPublishers.ofByteArray(body),
                "X-CodeAgent-Secret", SECRET));
        assertAnswered(gateway.post("/api/comment-events", HttpRequest.BodyPublishers.ofByteArray(body),
                "X-CodeAgent-Secret", SECRET));
    }

    @Property(tries = 250)
    void arbitraryCommentsNeverGetA5xx(@ForAll("comments") String content, @ForAll("ids") long commentId) {
        HttpResponse<String> response = gateway.post("/webhook/ado",
                Fixtures.json(Fixtures.withContent(Fixtures.EDIT_COMMAND, commentId, content)),
                "X-CodeAgent-Secret", SECRET);
        assertAnswered(response);
        assertThat(response.statusCode()).isIn(200, 202);
    }

    private static void assertAnswered(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 499);
        assertThat(response.statusCode()).isNotIn(404, 410);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.isObject()).isTrue();
    }

    @Provide
    Arbitrary<String> mutatedDeliveries() {
        Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.integers().between(0, 10_000),
                Arbitraries.integers().between(0, 3), values()).as(Mutation::new);
        return Combinators.combine(Arbitraries.of(FIXTURES), mutation.list().ofMinSize(1).ofMaxSize(6))
                .as((fixture, mutations) -> {
                    ObjectNode tree = Fixtures.tree(fixture);
                    mutations.forEach(m -> m.applyTo(tree));
                    return Fixtures.json(tree);
                });
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        byte[] fixture = Fixtures.bytes(Fixtures.EDIT_COMMAND);
        Arbitrary<byte[]> truncated = Arbitraries.integers().between(0, fixture.length)
                .map(n -> Arrays.copyOf(fixture, n));
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(2000);
        Arbitrary<byte[]> nested = Arbitraries.integers().between(1, 5000)
                .map(depth -> ("[".repeat(depth) + "]".repeat(depth)).getBytes());
        return Arbitraries.oneOf(truncated, random, nested);
    }

    @Provide
    Arbitrary<String> comments() {
        Arbitrary<String> fragment = Arbitraries.oneOf(
                Arbitraries.of("/edit", "/EDIT", "/help", "/editing", "/3", "/0", "/11", "/-1", "/99999999999",
                        "@<7F3A2B1C-0D4E-4F5A-8B6C-9D0E1F2A3B4C>", "@CodeAgent", "@\"Code Agent\"", "@", "@<", "\"",
                        "\u200B", "\uFEFF", "\u202E", "\u00A0", "\r\n", "\n", " ", "\t", "<!-- codeagent:x -->",
                        "Add validation", "🚀", "İ", "\u0000", "`"),
                Arbitraries.strings().ofMaxLength(40));
        return fragment.list().ofMaxSize(12).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<Long> ids() {
        return Arbitraries.longs().between(1, Long.MAX_VALUE);
    }

    private static Arbitrary<JsonNode> values() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30).map(NODES::stringNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.of("2.0", "tfs", "ms.vss-code.git-pullrequest-comment-event", "", "-1", "0",
                        "https://dev.azure.com/x/", "/threads/", "9999999999999999999999").map(NODES::stringNode),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.just(NODES.nullNode()),
                Arbitraries.just(NODES.objectNode()),
                Arbitraries.just(NODES.arrayNode()));
    }

    /** Removes, replaces, wraps or adds a node at a position picked from all nodes of the tree. */
    private record Mutation(int position, int operation, JsonNode value) {

        void applyTo(ObjectNode root) {
            List<Slot> slots = new ArrayList<>();
            collect(root, slots);
            if (slots.isEmpty()) {
                return;
            }
            Slot slot = slots.get(position % slots.size());
            JsonNode current = slot.get();
            switch (operation) {
                case 0 -> slot.remove();
                case 1 -> slot.set(value.deepCopy());
                case 2 -> slot.set(NODES.arrayNode().add(current.deepCopy()));
                default -> {
                    if (current instanceof ObjectNode object) {
                        object.set("fuzz" + position, value.deepCopy());
                    } else {
                        slot.set(value.deepCopy());
                    }
                }
            }
        }

        private static void collect(JsonNode node, List<Slot> slots) {
            if (node instanceof ObjectNode object) {
                for (String name : new ArrayList<>(object.propertyNames())) {
                    slots.add(new Slot(object, name, -1));
                    collect(object.get(name), slots);
                }
            } else if (node instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    slots.add(new Slot(array, null, i));
                    collect(array.get(i), slots);
                }
            }
        }
    }

    private record Slot(JsonNode parent, String name, int index) {
        JsonNode get() {
            return name != null ? parent.get(name) : parent.get(index);
        }

        void set(JsonNode value) {
            if (name != null) {
                ((ObjectNode) parent).set(name, value);
            } else if (index < parent.size()) {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void remove() {
            if (name != null) {
                ((ObjectNode) parent).remove(name);
            } else if (index < parent.size()) {
                ((ArrayNode) parent).remove(index);
            }
        }
    }
}
