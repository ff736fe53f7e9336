package dev.codeagent.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Azure DevOps deliveries of shared/fixtures/ado and Microsoft's published sample delivery
 * (shared/ado-spec), copied unchanged into the test resources. They are handed out as Azure DevOps would
 * deliver them now: with the current time as {@code createdDate}, since the recorded one is far older than
 * the gateway accepts ({@code CODEAGENT_WEBHOOK_MAX_AGE}).
 */
public final class Fixtures {

    public static final String EDIT_COMMAND = "pr-comment-edit-command.json";
    public static final String EDITED = "pr-comment-edited.json";
    public static final String PLAIN_REPLY = "pr-comment-plain-reply.json";
    public static final String CAPTURED = "captured-pr-comment.json";
    /** Microsoft's sample of the event (docs/service-hooks/events.md): classic URLs and no {@code baseUrl}. */
    public static final String MICROSOFT_SAMPLE = "docs-sample-git-pullrequest-comment-event.json";
    /** Where every URL of {@link #CAPTURED} starts: the organization's URL on dev.azure.com. */
    public static final String CAPTURED_ORGANIZATION_URL = "https://dev.azure.com/fabrikam-demo/";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The delivery's own date, the last top-level field of every fixture. */
    private static final Pattern CREATED_DATE = Pattern.compile("(\"createdDate\"\\s*:\\s*\")[^\"]*\"");

    private Fixtures() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/ado/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            String recorded = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher created = CREATED_DATE.matcher(recorded);
            if (!created.find()) {
                throw new IllegalArgumentException("fixture " + name + " has no createdDate");
            }
            return created.replaceFirst("$1" + Instant.now() + "\"").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The delivery with another {@code createdDate}. */
    public static ObjectNode createdAt(ObjectNode delivery, Instant created) {
        delivery.put("createdDate", created.toString());
        return delivery;
    }

    public static ObjectNode tree(String name) {
        return (ObjectNode) JSON.readTree(bytes(name));
    }

    /** The fixture with another comment id (and the matching links), so tests do not share a job. */
    public static ObjectNode withCommentId(String name, long commentId) {
        ObjectNode tree = tree(name);
        ((ObjectNode) tree.path("resource").path("comment")).put("id", commentId);
        return tree;
    }

    public static ObjectNode withContent(String name, long commentId, String content) {
        ObjectNode tree = withCommentId(name, commentId);
        ((ObjectNode) tree.path("resource").path("comment")).put("content", content);
        return tree;
    }

    /**
     * The captured delivery as an organization whose URL is {@code organizationUrl} would send it: every URL
     * in it, the {@code resourceContainers} base URLs included, starts there instead.
     */
    public static ObjectNode capturedFrom(String organizationUrl) {
        return (ObjectNode) JSON.readTree(new String(bytes(CAPTURED), StandardCharsets.UTF_8)
                .replace(CAPTURED_ORGANIZATION_URL, organizationUrl));
    }

    public static String json(Object tree) {
        return JSON.writeValueAsString(tree);
    }
}
