package dev.codeagent.gateway.delivery;

import dev.codeagent.contracts.command.Author;
import dev.codeagent.contracts.command.RepositoryRef;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads an Azure DevOps service-hook delivery of {@code ms.vss-code.git-pullrequest-comment-event}
 * (resource version 2.0). The thread id is not a field of the payload: it comes from
 * {@code resource.comment._links.threads.href}, else from {@code discussionId=} in the message links,
 * else from the comment's own link. The organization (on Azure DevOps Server: the collection) comes from a
 * {@code resourceContainers.*.baseUrl}, else from the URL of the pull request, the comment or the repository
 * (Microsoft's published sample delivery has no {@code baseUrl}), else it is the configured one
 * ({@code CODEAGENT_ADO_ORGANIZATION}); see {@link AdoOrganizations} for the URL forms. When an organization
 * is configured and the delivery's matches it without regard to case, the configured spelling is used, so
 * that the idempotency key of a comment does not depend on how a delivery spelled it.
 */
public final class AdoDeliveryReader {

    public static final String COMMENT_EVENT = "ms.vss-code.git-pullrequest-comment-event";
    static final String RESOURCE_VERSION = "2.0";
    private static final Set<String> PUBLISHERS = Set.of("tfs", "azure-devops");
    private static final List<String> CONTAINERS = List.of("collection", "account", "project");
    private static final Pattern THREADS_LINK = Pattern.compile("/threads/(\\d{1,18})(?:/|$|\\?)");
    private static final Pattern DISCUSSION_ID = Pattern.compile("[?&]discussionId=(\\d{1,18})");

    private final String configuredOrganization;

    /** @param configuredOrganization {@code CODEAGENT_ADO_ORGANIZATION}, or null when not set */
    public AdoDeliveryReader(String configuredOrganization) {
        this.configuredOrganization = configuredOrganization == null || configuredOrganization.isBlank() ? null
                : configuredOrganization.strip();
    }

    public ReadResult read(JsonNode root) {
        if (!root.isObject()) {
            return new ReadResult.Invalid("The body must be a JSON object (an Azure DevOps service-hook delivery).",
                    List.of());
        }
        JsonFields fields = new JsonFields();
        String eventType = fields.requiredText(root, "eventType", "eventType");
        String publisher = fields.requiredText(root, "publisherId", "publisherId");
        String version = fields.requiredText(root, "resourceVersion", "resourceVersion");
        if (!fields.problems().isEmpty()) {
            return invalid(fields);
        }
        String unsupported = unsupported(eventType, publisher, version);
        if (unsupported != null) {
            return new ReadResult.Ignored(eventType, unsupported);
        }
        return readComment(root, eventType, fields);
    }

    /** Why a well-formed delivery is not one this reader understands, or null when it is. */
    private static String unsupported(String eventType, String publisher, String version) {
        if (!COMMENT_EVENT.equals(eventType)) {
            return "unsupported-event-type";
        }
        if (!PUBLISHERS.contains(publisher)) {
            return "unsupported-publisher";
        }
        if (!RESOURCE_VERSION.equals(version)) {
            return "unsupported-resource-version";
        }
        return null;
    }

    /** The comment of a comment event, or every required field it lacks (in the order of the payload). */
    private ReadResult readComment(JsonNode root, String eventType, JsonFields fields) {
        JsonNode comment = root.path("resource").path("comment");
        JsonNode pullRequest = root.path("resource").path("pullRequest");
        long commentId = fields.requiredPositive(comment, "id", "resource.comment.id");
        boolean deleted = JsonFields.flag(comment, "isDeleted");
        String content = deleted ? JsonFields.text(comment, "content")
                : fields.requiredContent(comment, "content", "resource.comment.content");
        Author author = author(comment.path("author"), fields);
        long pullRequestId = fields.requiredPositive(pullRequest, "pullRequestId",
                "resource.pullRequest.pullRequestId");
        RepositoryRef repository = repository(root, pullRequest.path("repository"), fields);
        Long threadId = threadId(root, comment);
        if (threadId == null) {
            fields.problems().add("resource.comment._links.threads.href");
        }
        String sourceRef = fields.optionalText(pullRequest, "sourceRefName", "resource.pullRequest.sourceRefName");
        String targetRef = fields.optionalText(pullRequest, "targetRefName", "resource.pullRequest.targetRefName");
        String sourceCommit = fields.optionalText(pullRequest.path("lastMergeSourceCommit"), "commitId",
                "resource.pullRequest.lastMergeSourceCommit.commitId");
        String deliveryId = fields.optionalText(root, "id", "id");
        // Required, unlike the comment's dates: without it a captured delivery could be replayed forever.
        Instant created = fields.requiredInstant(root, "createdDate", "createdDate");
        if (!fields.problems().isEmpty()) {
            return invalid(fields);
        }
        Instant published = JsonFields.instant(comment, "publishedDate");
        Instant contentUpdated = JsonFields.instant(comment, "lastContentUpdatedDate");
        boolean edited = published != null && contentUpdated != null && contentUpdated.isAfter(published);
        return new ReadResult.Event(new CommentEvent(
                eventType, repository, pullRequestId, threadId, commentId,
                JsonFields.optionalNonNegative(comment, "parentCommentId"),
                author, content == null ? "" : content, edited, deleted,
                "system".equalsIgnoreCase(JsonFields.text(comment, "commentType")),
                sourceRef, targetRef, sourceCommit, deliveryId,
                contentUpdated != null ? contentUpdated : published,
                created));
    }

    /** The comment's author; a missing id is recorded in {@code fields}. */
    private static Author author(JsonNode author, JsonFields fields) {
        return new Author(fields.requiredText(author, "id", "resource.comment.author.id"),
                fields.optionalText(author, "uniqueName", "resource.comment.author.uniqueName"),
                fields.optionalText(author, "displayName", "resource.comment.author.displayName"));
    }

    /** The pull request's repository; missing names and an unknown organization are recorded in {@code fields}. */
    private RepositoryRef repository(JsonNode root, JsonNode repository, JsonFields fields) {
        String name = fields.requiredText(repository, "name", "resource.pullRequest.repository.name");
        String project = fields.requiredText(repository.path("project"), "name",
                "resource.pullRequest.repository.project.name");
        String organization = organization(root);
        if (organization == null) {
            fields.problems().add("resourceContainers.collection.baseUrl");
        }
        return new RepositoryRef(RepositoryRef.AZURE_DEVOPS, organization, project, name,
                fields.optionalText(repository, "id", "resource.pullRequest.repository.id"));
    }

    private static ReadResult invalid(JsonFields fields) {
        return new ReadResult.Invalid(fields.detail(), List.copyOf(fields.problems()));
    }

    /** The delivery's organization, spelled as configured when it is the configured one; null when unknown. */
    String organization(JsonNode root) {
        String delivered = deliveredOrganization(root);
        if (delivered == null) {
            return configuredOrganization;
        }
        return delivered.equalsIgnoreCase(configuredOrganization) ? configuredOrganization : delivered;
    }

    private static String deliveredOrganization(JsonNode root) {
        JsonNode containers = root.path("resourceContainers");
        for (String name : CONTAINERS) {
            String org = AdoOrganizations.ofBaseUrl(JsonFields.text(containers.path(name), "baseUrl"));
            if (org != null) {
                return org;
            }
        }
        JsonNode pullRequest = root.path("resource").path("pullRequest");
        for (String url : new String[] {JsonFields.text(pullRequest, "url"),
                JsonFields.text(root.path("resource").path("comment").path("_links").path("self"), "href"),
                JsonFields.text(pullRequest.path("repository"), "url")}) {
            String org = AdoOrganizations.ofResourceUrl(url);
            if (org != null) {
                return org;
            }
        }
        return null;
    }

    static Long threadId(JsonNode root, JsonNode comment) {
        JsonNode links = comment.path("_links");
        Long id = match(THREADS_LINK, JsonFields.text(links.path("threads"), "href"));
        if (id != null) {
            return id;
        }
        JsonNode message = root.path("message");
        for (String field : new String[] {"html", "markdown", "text"}) {
            id = match(DISCUSSION_ID, JsonFields.text(message, field));
            if (id != null) {
                return id;
            }
        }
        return match(THREADS_LINK, JsonFields.text(links.path("self"), "href"));
    }

    private static Long match(Pattern pattern, String text) {
        if (text == null) {
            return null;
        }
        Matcher m = pattern.matcher(text);
        return m.find() ? JsonFields.parsePositive(m.group(1)) : null;
    }
}
