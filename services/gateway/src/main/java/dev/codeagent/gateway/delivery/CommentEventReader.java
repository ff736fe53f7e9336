package dev.codeagent.gateway.delivery;

import dev.codeagent.contracts.command.Author;
import dev.codeagent.contracts.command.RepositoryRef;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads the provider-neutral comment event of {@code POST /api/comment-events}, used by the local git
 * provider, the demo and tests:
 * {@code {"provider","organization","project","repository","pullRequestId","threadId","commentId",
 * "author":{"id","name"},"content"}} plus optional {@code repositoryId}, {@code parentCommentId},
 * {@code author.uniqueName}, {@code author.displayName}, {@code sourceRef}, {@code targetRef},
 * {@code sourceCommit}, {@code eventId}, {@code commentUpdatedAt}, {@code edited}, {@code deleted}.
 */
public final class CommentEventReader {

    public static final String EVENT_TYPE = "comment-event";
    private static final Set<String> PROVIDERS = Set.of(RepositoryRef.LOCAL, RepositoryRef.AZURE_DEVOPS);

    public ReadResult read(JsonNode root) {
        if (!root.isObject()) {
            return new ReadResult.Invalid("The body must be a JSON object (a comment event).", List.of());
        }
        JsonFields fields = new JsonFields();
        String provider = fields.requiredText(root, "provider", "provider");
        if (provider != null && !PROVIDERS.contains(provider)) {
            fields.problems().add("provider");
        }
        String organization = fields.requiredText(root, "organization", "organization");
        String project = fields.requiredText(root, "project", "project");
        String repository = fields.requiredText(root, "repository", "repository");
        long pullRequestId = fields.requiredPositive(root, "pullRequestId", "pullRequestId");
        long threadId = fields.requiredPositive(root, "threadId", "threadId");
        long commentId = fields.requiredPositive(root, "commentId", "commentId");
        JsonNode authorNode = root.path("author");
        String authorId = fields.requiredText(authorNode, "id", "author.id");
        boolean deleted = JsonFields.flag(root, "deleted");
        String content = deleted ? JsonFields.text(root, "content")
                : fields.requiredContent(root, "content", "content");
        String name = fields.optionalText(authorNode, "name", "author.name");
        String uniqueName = fields.optionalText(authorNode, "uniqueName", "author.uniqueName");
        String displayName = fields.optionalText(authorNode, "displayName", "author.displayName");
        String repositoryId = fields.optionalText(root, "repositoryId", "repositoryId");
        String sourceRef = fields.optionalText(root, "sourceRef", "sourceRef");
        String targetRef = fields.optionalText(root, "targetRef", "targetRef");
        String sourceCommit = fields.optionalText(root, "sourceCommit", "sourceCommit");
        String eventId = fields.optionalText(root, "eventId", "eventId");
        if (!fields.problems().isEmpty()) {
            return new ReadResult.Invalid(fields.detail()
                    + (fields.problems().contains("provider") && provider != null
                            ? " (provider must be 'local' or 'azure-devops')" : ""),
                    List.copyOf(fields.problems()));
        }
        Author author = new Author(authorId, uniqueName != null ? uniqueName : name,
                displayName != null ? displayName : name);
        RepositoryRef repo = new RepositoryRef(provider, organization, project, repository, repositoryId);
        return new ReadResult.Event(new CommentEvent(
                EVENT_TYPE, repo, pullRequestId, threadId, commentId,
                JsonFields.optionalNonNegative(root, "parentCommentId"),
                author, content == null ? "" : content,
                JsonFields.flag(root, "edited"), deleted, false,
                sourceRef, targetRef, sourceCommit, eventId,
                JsonFields.instant(root, "commentUpdatedAt"),
                null));
    }
}
