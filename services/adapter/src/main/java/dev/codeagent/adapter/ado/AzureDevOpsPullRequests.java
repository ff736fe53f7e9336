package dev.codeagent.adapter.ado;

import static dev.codeagent.adapter.ado.AzureDevOpsAnswers.relativePath;
import static dev.codeagent.adapter.ado.AzureDevOpsAnswers.text;

import dev.codeagent.adapter.provider.BranchNames;
import dev.codeagent.adapter.provider.GitProblems;
import dev.codeagent.adapter.provider.RepositoryCoordinates;
import dev.codeagent.contracts.command.Author;
import dev.codeagent.contracts.git.ChangeType;
import dev.codeagent.contracts.git.ChangedFile;
import dev.codeagent.contracts.git.ChangedFiles;
import dev.codeagent.contracts.git.CreatePullRequestRequest;
import dev.codeagent.contracts.git.PullRequestInfo;
import dev.codeagent.contracts.git.PullRequestRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Pull requests on Azure DevOps: read one, list what its latest iteration changes, and find or open the
 * agent's own, recognised by the marker in its description.
 */
class AzureDevOpsPullRequests {

    /** Azure DevOps refuses pull request descriptions longer than this. */
    static final int MAX_DESCRIPTION = 4000;
    private static final int MAX_TITLE = 400;
    private static final int PAGE = 100;
    private static final int MAX_PAGES = 200;

    private final AzureDevOpsProperties properties;
    private final AzureDevOpsClient client;
    private final FindOrCreate findOrCreate;

    AzureDevOpsPullRequests(AzureDevOpsProperties properties, AzureDevOpsClient client) {
        this.properties = properties;
        this.client = client;
        this.findOrCreate = new FindOrCreate(client);
    }

    PullRequestInfo pullRequest(RepositoryCoordinates repo, long pullRequestId) {
        JsonNode pr = read(repo, pullRequestId);
        JsonNode createdBy = pr.path("createdBy");
        Author author = createdBy.isMissingNode() ? null : new Author(text(createdBy, "id"),
                text(createdBy, "uniqueName"), text(createdBy, "displayName"));
        return new PullRequestInfo(pr.path("pullRequestId").asLong(pullRequestId), text(pr, "title"),
                text(pr, "description"), text(pr, "sourceRefName"), text(pr, "targetRefName"),
                text(pr.path("lastMergeSourceCommit"), "commitId"), text(pr.path("lastMergeTargetCommit"), "commitId"),
                text(pr, "status"), pr.path("isDraft").asBoolean(false), author, webUrl(repo, pr, pullRequestId));
    }

    /** Pull Requests - Get Pull Request By Id: unlike the list, with the complete description. */
    private JsonNode read(RepositoryCoordinates repo, long pullRequestId) {
        return client.json(repo, AzureDevOpsCall.get("/pullrequests/" + pullRequestId,
                "read pull request " + pullRequestId, AzureDevOpsScopes.CODE_WRITE));
    }

    ChangedFiles changedFiles(RepositoryCoordinates repo, long pullRequestId) {
        JsonNode iterations = client.json(repo, AzureDevOpsCall.get("/pullRequests/" + pullRequestId + "/iterations",
                "list the iterations of pull request " + pullRequestId, AzureDevOpsScopes.CODE_WRITE));
        int latest = 0;
        for (JsonNode iteration : iterations.path("value")) {
            latest = Math.max(latest, iteration.path("id").asInt(0));
        }
        if (latest == 0) {
            throw GitProblems.notFound("Pull request " + pullRequestId + " has no iterations");
        }
        List<ChangedFile> files = new ArrayList<>();
        int skip = 0;
        int top = PAGE;
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode changes = client.json(repo, AzureDevOpsCall.get(
                    "/pullRequests/" + pullRequestId + "/iterations/" + latest + "/changes",
                    "read the changes of pull request " + pullRequestId, AzureDevOpsScopes.CODE_WRITE)
                    .withQuery("$top", Integer.toString(top)).withQuery("$skip", Integer.toString(skip)));
            for (JsonNode entry : changes.path("changeEntries")) {
                ChangedFile file = changedFile(entry);
                if (file != null) {
                    files.add(file);
                }
            }
            int nextSkip = changes.path("nextSkip").asInt(0);
            int nextTop = changes.path("nextTop").asInt(0);
            if (nextSkip <= skip || nextTop <= 0) {
                break;
            }
            skip = nextSkip;
            top = nextTop;
        }
        return new ChangedFiles(latest, files);
    }

    /** The file an iteration change entry names; null for folders and entries without a path. */
    private static ChangedFile changedFile(JsonNode entry) {
        JsonNode item = entry.path("item");
        if (item.path("isFolder").asBoolean(false) || "tree".equals(text(item, "gitObjectType"))) {
            return null;
        }
        String path = relativePath(text(item, "path"));
        if (path == null) {
            return null;
        }
        // changeType is a flags enum written as a list ("rename, edit"): delete, rename and add win over edit.
        String changeType = String.valueOf(text(entry, "changeType")).toLowerCase(Locale.ROOT);
        String originalPath = text(entry, "originalPath");
        String original = relativePath(originalPath != null ? originalPath : text(entry, "sourceServerItem"));
        if (changeType.contains("delete")) {
            return new ChangedFile(path, ChangeType.DELETE, null);
        }
        if (changeType.contains("rename")) {
            return new ChangedFile(path, ChangeType.RENAME, original);
        }
        if (changeType.contains("add")) {
            return new ChangedFile(path, ChangeType.ADD, null);
        }
        return new ChangedFile(path, ChangeType.EDIT, null);
    }

    PullRequestRef findOrCreatePullRequest(RepositoryCoordinates repo, CreatePullRequestRequest request) {
        String source = BranchNames.fullRef(request.sourceBranch());
        String target = BranchNames.fullRef(request.targetBranch());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sourceRefName", source);
        body.put("targetRefName", target);
        body.put("title", request.title().length() > MAX_TITLE ? request.title().substring(0, MAX_TITLE)
                : request.title());
        body.put("description", descriptionWithMarker(request.description(), request.marker()));
        body.put("isDraft", request.draft());
        AzureDevOpsCall call = AzureDevOpsCall.write("POST", "/pullrequests", body,
                "open a pull request from " + source + " to " + target, AzureDevOpsScopes.CODE_WRITE, false);
        // A 409 (TF401179) means an active pull request for the pair exists; it is reused only if it is ours.
        return findOrCreate.run(repo,
                () -> findPullRequest(repo, source, target, request.marker()).map(pr -> ref(repo, pr, false)), call,
                created -> Optional.of(ref(repo, created, true)),
                refusal -> refusal);
    }

    /**
     * Pull Requests - Update with only the description. The same description again leaves the pull request as it
     * is, so the update may be retried after a lost answer like a read.
     */
    void updateDescription(RepositoryCoordinates repo, long pullRequestId, String description) {
        client.json(repo, AzureDevOpsCall.write("PATCH", "/pullrequests/" + pullRequestId,
                Map.of("description", description), "update the description of pull request " + pullRequestId,
                AzureDevOpsScopes.CODE_WRITE, true));
    }

    /**
     * The agent's pull request from {@code source} to {@code target}: Pull Requests - Get Pull Requests by
     * source and target, paged with $top/$skip. That list cuts descriptions to 400 characters while the marker
     * ends a longer one, so a pull request whose listed description lacks the marker is read by id before it is
     * ruled out; the source is the variant's own branch, so there are few. Every status counts: the marker
     * names the job and the variant, and one that was abandoned (or completed) must not get a second one.
     */
    private Optional<JsonNode> findPullRequest(RepositoryCoordinates repo, String source, String target,
            String marker) {
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode list = client.json(repo, AzureDevOpsCall.get("/pullrequests",
                            "search pull requests from " + source + " to " + target, AzureDevOpsScopes.CODE_WRITE)
                    .withQuery("searchCriteria.sourceRefName", source)
                    .withQuery("searchCriteria.targetRefName", target)
                    .withQuery("searchCriteria.status", "all")
                    .withQuery("$top", Integer.toString(PAGE))
                    .withQuery("$skip", Integer.toString(page * PAGE)));
            int count = 0;
            for (JsonNode listed : list.path("value")) {
                count++;
                JsonNode pr = carriesMarker(listed, marker) ? listed
                        : read(repo, listed.path("pullRequestId").asLong());
                if (carriesMarker(pr, marker)) {
                    return Optional.of(pr);
                }
            }
            if (count < PAGE) {
                break;
            }
        }
        return Optional.empty();
    }

    private static boolean carriesMarker(JsonNode pr, String marker) {
        String description = text(pr, "description");
        return description != null && description.contains(marker);
    }

    static String descriptionWithMarker(String description, String marker) {
        String text = description == null ? "" : description;
        if (text.contains(marker) && text.length() <= MAX_DESCRIPTION) {
            return text;
        }
        String withoutMarker = text.replace(marker, "");
        String suffix = "\n\n" + marker;
        int room = MAX_DESCRIPTION - suffix.length();
        if (withoutMarker.length() > room) {
            withoutMarker = withoutMarker.substring(0, Math.max(0, room - 1)) + "…";
        }
        return withoutMarker + suffix;
    }

    private PullRequestRef ref(RepositoryCoordinates repo, JsonNode pr, boolean created) {
        long id = pr.path("pullRequestId").asLong();
        return new PullRequestRef(id, webUrl(repo, pr, id), created);
    }

    private String webUrl(RepositoryCoordinates repo, JsonNode pr, long id) {
        String repoUrl = text(pr.path("repository"), "webUrl");
        if (repoUrl == null) {
            repoUrl = properties.baseUrl() + "/" + AzureDevOpsClient.encode(repo.organization()) + "/"
                    + AzureDevOpsClient.encode(repo.project()) + "/_git/" + AzureDevOpsClient.encode(repo.repository());
        }
        return repoUrl + "/pullrequest/" + id;
    }
}
