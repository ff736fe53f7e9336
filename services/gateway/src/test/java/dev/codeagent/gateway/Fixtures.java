package dev.codeagent.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The Azure DevOps deliveries of shared/fixtures/ado, copied into the test resources. */
public final class Fixtures {

    public static final String EDIT_COMMAND = "pr-comment-edit-command.json";
    public static final String EDITED = "pr-comment-edited.json";
    public static final String PLAIN_REPLY = "pr-comment-plain-reply.json";
    public static final String CAPTURED = "captured-pr-comment.json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Fixtures() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/ado/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    public static String json(Object tree) {
        return JSON.writeValueAsString(tree);
    }
}
