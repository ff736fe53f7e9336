package dev.codeagent.adapter.ado;

import dev.codeagent.adapter.AdapterProperties;
import dev.codeagent.adapter.provider.BranchNames;
import dev.codeagent.adapter.provider.CommitIds;
import dev.codeagent.adapter.provider.ContentDecoder;
import dev.codeagent.adapter.provider.ExistingBranch;
import dev.codeagent.adapter.provider.FileChangeContent;
import dev.codeagent.adapter.provider.GitProblems;
import dev.codeagent.adapter.provider.GitProvider;
import dev.codeagent.adapter.provider.IdempotencyKeys;
import dev.codeagent.adapter.provider.ProviderStatus;
import dev.codeagent.adapter.provider.RepositoryCoordinates;
import dev.codeagent.adapter.provider.RepositoryPaths;
import dev.codeagent.contracts.command.Author;
import dev.codeagent.contracts.command.RepositoryRef;
import dev.codeagent.contracts.git.BranchInfo;
import dev.codeagent.contracts.git.ChangeType;
import dev.codeagent.contracts.git.ChangedFile;
import dev.codeagent.contracts.git.ChangedFiles;
import dev.codeagent.contracts.git.CommentRef;
import dev.codeagent.contracts.git.CommentRequest;
import dev.codeagent.contracts.git.CommitRequest;
import dev.codeagent.contracts.git.CommitResult;
import dev.codeagent.contracts.git.ContentsRequest;
import dev.codeagent.contracts.git.CreateBranchRequest;
import dev.codeagent.contracts.git.CreatePullRequestRequest;
import dev.codeagent.contracts.git.FileChange;
import dev.codeagent.contracts.git.FileContent;
import dev.codeagent.contracts.git.FileContents;
import dev.codeagent.contracts.git.PullRequestInfo;
import dev.codeagent.contracts.git.PullRequestRef;
import dev.codeagent.contracts.git.StatusRequest;
import dev.codeagent.contracts.git.TreeEntry;
import dev.codeagent.contracts.git.TreeListing;
import dev.codeagent.platform.web.ApiProblemException;
import dev.codeagent.platform.web.CorrelationId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * The {@code azure-devops} provider over the Azure DevOps REST API 7.1. Every create looks before it
 * writes, so a retried request finds what the first attempt made instead of making it twice.
 */
public class AzureDevOpsProvider implements GitProvider {

    /** Azure DevOps refuses pull request descriptions longer than this. */
    static final int MAX_DESCRIPTION = 4000;
    private static final int PAGE = 100;
    private static final int MAX_PAGES = 200;

    private final AzureDevOpsProperties properties;
    private final AzureDevOpsClient client;
    private final AdapterProperties adapter;
    private final ExecutorService readers;

    /** {@code client} is null when no credentials are configured: the provider then only reports that. */
    public AzureDevOpsProvider(AzureDevOpsProperties properties, AzureDevOpsClient client, AdapterProperties adapter) {
        this.properties = properties;
        this.client = client;
        this.adapter = adapter;
        AtomicInteger count = new AtomicInteger();
        this.readers = Executors.newFixedThreadPool(adapter.readParallelism(), runnable -> {
            Thread thread = new Thread(runnable, "ado-reader-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Stops the file-reading threads; called when the application context closes. */
    public void close() {
        readers.shutdownNow();
    }

    @Override
    public String name() {
        return RepositoryRef.AZURE_DEVOPS;
    }

    @Override
    public boolean configured() {
        return client != null;
    }

    @Override
    public ProviderStatus status() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("baseUrl", properties.baseUrl());
        details.put("auth", properties.effectiveAuth().name().toLowerCase());
        if (client == null) {
            return new ProviderStatus(name(), false, false, "Not configured: set CODEAGENT_ADO_PAT or "
                    + "CODEAGENT_ADO_AUTH=entra (see docs/azure-devops.md)", details);
        }
        return new ProviderStatus(name(), true, true, "Configured for " + properties.baseUrl(), details);
    }

    @Override
    public PullRequestInfo pullRequest(RepositoryCoordinates repo, long pullRequestId) {
        JsonNode pr = client().json(repo, AzureDevOpsCall.get("/pullrequests/" + pullRequestId,
                "read pull request " + pullRequestId, AzureDevOpsScopes.CODE_WRITE));
        JsonNode createdBy = pr.path("createdBy");
        Author author = createdBy.isMissingNode() ? null : new Author(text(createdBy, "id"),
                text(createdBy, "uniqueName"), text(createdBy, "displayName"));
        return new PullRequestInfo(pr.path("pullRequestId").asLong(pullRequestId), text(pr, "title"),
                text(pr, "description"), text(pr, "sourceRefName"), text(pr, "targetRefName"),
                text(pr.path("lastMergeSourceCommit"), "commitId"), text(pr.path("lastMergeTargetCommit"), "commitId"),
                text(pr, "status"), pr.path("isDraft").asBoolean(false), author, webUrl(repo, pr, pullRequestId));
    }

    @Override
    public ChangedFiles changedFiles(RepositoryCoordinates repo, long pullRequestId) {
        JsonNode iterations = client().json(repo, AzureDevOpsCall.get("/pullRequests/" + pullRequestId + "/iterations",
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
            JsonNode changes = client().json(repo, AzureDevOpsCall.get(
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

    private static ChangedFile changedFile(JsonNode entry) {
        JsonNode item = entry.path("item");
        if (item.path("isFolder").asBoolean(false) || "tree".equals(text(item, "gitObjectType"))) {
            return null;
        }
        String path = stripSlash(text(item, "path"));
        if (path == null) {
            return null;
        }
        String changeType = String.valueOf(text(entry, "changeType")).toLowerCase();
        String original = stripSlash(firstNonNull(text(entry, "originalPath"), text(entry, "sourceServerItem")));
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

    /** Commits - Get for the tree id, then Trees - Get recursively: unlike Items - List it reports sizes. */
    @Override
    public TreeListing tree(RepositoryCoordinates repo, String commit) {
        CommitIds.requireFull(commit, "commit");
        JsonNode commitNode = client().json(repo, AzureDevOpsCall.get("/commits/" + commit,
                "read commit " + commit, AzureDevOpsScopes.CODE_WRITE));
        String treeId = text(commitNode, "treeId");
        if (treeId == null) {
            throw GitProblems.notFound("Commit " + commit + " has no tree on Azure DevOps");
        }
        JsonNode tree = client().json(repo, AzureDevOpsCall.get("/trees/" + treeId,
                "list the files of commit " + commit, AzureDevOpsScopes.CODE_WRITE).withQuery("recursive", "true"));
        List<TreeEntry> entries = new ArrayList<>();
        boolean truncated = false;
        for (JsonNode entry : tree.path("treeEntries")) {
            if (!"blob".equals(text(entry, "gitObjectType"))) {
                continue;
            }
            if (entries.size() >= adapter.maxTreeEntries()) {
                truncated = true;
                break;
            }
            entries.add(new TreeEntry(stripSlash(text(entry, "relativePath")), entry.path("size").asLong(0)));
        }
        return new TreeListing(commit, entries, truncated);
    }

    /** Items - Get per file as raw bytes, a few at a time; a 404 marks the path missing. */
    @Override
    public FileContents contents(RepositoryCoordinates repo, ContentsRequest request) {
        CommitIds.requireFull(request.commit(), "commit");
        request.paths().forEach(RepositoryPaths::requireSafe);
        AzureDevOpsClient ado = client();
        long limit = adapter.maxFileSize().toBytes();
        String corrId = CorrelationId.current();
        List<Future<Optional<FileContent>>> results = new ArrayList<>();
        try {
            for (String path : request.paths()) {
                results.add(readers.submit(() -> {
                    try (CorrelationId.Scope ignored = CorrelationId.open(corrId == null ? "-" : corrId)) {
                        return readFile(ado, repo, request.commit(), path, limit);
                    }
                }));
            }
            List<FileContent> files = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                Optional<FileContent> file = await(results.get(i));
                if (file.isPresent()) {
                    files.add(file.get());
                } else {
                    missing.add(request.paths().get(i));
                }
            }
            return new FileContents(request.commit(), files, missing);
        } finally {
            results.forEach(f -> f.cancel(true));
        }
    }

    private static Optional<FileContent> readFile(AzureDevOpsClient ado, RepositoryCoordinates repo, String commit,
            String path, long limit) {
        AzureDevOpsCall call = AzureDevOpsCall.get("/items", "read file " + path + " at " + commit,
                        AzureDevOpsScopes.CODE_WRITE)
                .withQuery("path", "/" + path)
                .withQuery("versionDescriptor.version", commit)
                .withQuery("versionDescriptor.versionType", "commit")
                .withQuery("download", "false")
                .asRaw();
        AzureDevOpsResponse response = ado.send(repo, call, limit);
        if (response.status() == 404) {
            return Optional.empty();
        }
        if (!AzureDevOpsClient.isSuccess(response.status())) {
            throw ado.problem(repo, call, response);
        }
        long size = response.truncated()
                ? response.headers().firstValueAsLong("Content-Length").orElse(-1)
                : response.body().length;
        return Optional.of(ContentDecoder.decode(path, response.body(), size, response.truncated()));
    }

    @Override
    public Optional<BranchInfo> branch(RepositoryCoordinates repo, String name) {
        String shortName = BranchNames.shortName(name);
        return findRef(repo, BranchNames.HEADS + shortName).map(id -> new BranchInfo(shortName, id, false));
    }

    /** Refs - List filters by prefix, so page through (continuation token) until the exact name shows. */
    private Optional<String> findRef(RepositoryCoordinates repo, String fullRef) {
        String continuation = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            AzureDevOpsCall call = AzureDevOpsCall.get("/refs", "look up " + fullRef, AzureDevOpsScopes.CODE_WRITE)
                    .withQuery("filter", fullRef.substring("refs/".length()))
                    .withQuery("$top", Integer.toString(PAGE * 10));
            if (continuation != null) {
                call = call.withQuery("continuationToken", continuation);
            }
            AzureDevOpsResponse response = client().send(repo, call, 16L * 1024 * 1024);
            if (!AzureDevOpsClient.isSuccess(response.status())) {
                throw client().problem(repo, call, response);
            }
            for (JsonNode ref : client().parse(call, response).path("value")) {
                if (fullRef.equals(text(ref, "name"))) {
                    return Optional.ofNullable(text(ref, "objectId"));
                }
            }
            continuation = response.header("x-ms-continuationtoken");
            if (continuation == null || continuation.isBlank()) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    @Override
    public BranchInfo createBranch(RepositoryCoordinates repo, CreateBranchRequest request) {
        String shortName = BranchNames.shortName(request.name());
        String commit = CommitIds.requireFull(request.commit(), "commit");
        String fullRef = BranchNames.HEADS + shortName;
        Optional<String> current = findRef(repo, fullRef);
        if (current.isPresent()) {
            return ExistingBranch.reuse(shortName, commit, current.get());
        }
        List<Map<String, Object>> body = List.of(refUpdate(fullRef, CommitIds.ZERO, commit));
        // Guarded by the all-zero old id: a repeated create is refused, never applied twice.
        AzureDevOpsCall call = AzureDevOpsCall.write("POST", "/refs", body, "create the branch " + shortName,
                AzureDevOpsScopes.CODE_WRITE, true);
        AzureDevOpsResponse response = client().send(repo, call, 1024 * 1024);
        if (AzureDevOpsClient.isSuccess(response.status())) {
            JsonNode result = client().parse(call, response).path("value").path(0);
            if (result.path("success").asBoolean(false)) {
                return new BranchInfo(shortName, commit, true);
            }
            String updateStatus = text(result, "updateStatus");
            if (!"staleOldObjectId".equalsIgnoreCase(String.valueOf(updateStatus))) {
                throw GitProblems.unprocessable("Azure DevOps refused to create the branch " + shortName + ": "
                        + updateStatus + optionalMessage(text(result, "customMessage")));
            }
        } else {
            ApiProblemException problem = client().problem(repo, call, response);
            if (problem.status().value() != 409) {
                throw problem;
            }
        }
        // Lost a race (or a retried create): whoever created it decides whether this is fine.
        String now = findRef(repo, fullRef).orElseThrow(() -> GitProblems.conflict(
                "Azure DevOps refused to create the branch " + shortName + " and it does not exist", null));
        return ExistingBranch.reuse(shortName, commit, now);
    }

    @Override
    public CommitResult commit(RepositoryCoordinates repo, CommitRequest request) {
        String shortName = BranchNames.shortName(request.branch());
        String expected = CommitIds.requireFull(request.expectedHead(), "expectedHead");
        String fullRef = BranchNames.HEADS + shortName;
        List<Map<String, Object>> changes = new ArrayList<>();
        for (FileChange change : request.changes()) {
            changes.add(pushChange(change));
        }
        Map<String, Object> commit = new LinkedHashMap<>();
        commit.put("comment", request.message());
        if (request.author() != null && request.author().uniqueName() != null
                && request.author().uniqueName().contains("@")) {
            commit.put("author", Map.of("name", firstNonNull(request.author().displayName(),
                    request.author().uniqueName()), "email", request.author().uniqueName()));
        }
        commit.put("changes", changes);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("refUpdates", List.of(Map.of("name", fullRef, "oldObjectId", expected)));
        body.put("commits", List.of(commit));
        // Guarded by oldObjectId: a repeat after a lost answer is refused as stale, never applied twice.
        AzureDevOpsCall call = AzureDevOpsCall.write("POST", "/pushes", body, "push a commit to " + shortName,
                AzureDevOpsScopes.CODE_WRITE, true);
        AzureDevOpsResponse response = client().send(repo, call, 1024 * 1024);
        if (!AzureDevOpsClient.isSuccess(response.status())) {
            ApiProblemException problem = client().problem(repo, call, response);
            if (problem.status().value() == 409) {
                String current = findRef(repo, fullRef).orElse(null);
                throw GitProblems.conflict("Branch " + shortName + " moved: expected head " + expected
                        + ", head is " + current + optionalMessage(problem.getMessage()), current);
            }
            if (problem.status().value() == 404 && findRef(repo, fullRef).isEmpty()) {
                throw GitProblems.notFound("Branch " + shortName + " does not exist in " + repo.slug());
            }
            throw problem;
        }
        JsonNode push = client().parse(call, response);
        String commitId = text(push.path("commits").path(0), "commitId");
        if (commitId == null) {
            commitId = text(push.path("refUpdates").path(0), "newObjectId");
        }
        if (commitId == null) {
            throw GitProblems.unavailable("Azure DevOps accepted the push to " + shortName
                    + " but did not report the new commit", null, null);
        }
        return new CommitResult(shortName, commitId, expected);
    }

    private static Map<String, Object> pushChange(FileChange change) {
        String path = "/" + RepositoryPaths.requireSafe(change.path());
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("path", path);
        Map<String, Object> result = new LinkedHashMap<>();
        switch (change.changeType()) {
            case ADD, EDIT -> {
                result.put("changeType", change.changeType() == ChangeType.ADD ? "add" : "edit");
                result.put("item", item);
                result.put("newContent", newContent(change));
            }
            case DELETE -> {
                result.put("changeType", "delete");
                result.put("item", item);
            }
            case RENAME -> {
                if (change.originalPath() == null) {
                    throw GitProblems.invalid("Rename of '" + change.path() + "' needs originalPath");
                }
                result.put("changeType", change.content() == null ? "rename" : "edit, rename");
                result.put("sourceServerItem", "/" + RepositoryPaths.requireSafe(change.originalPath()));
                result.put("item", item);
                if (change.content() != null) {
                    result.put("newContent", newContent(change));
                }
            }
            default -> throw GitProblems.invalid("Unsupported change type " + change.changeType());
        }
        return result;
    }

    private static Map<String, Object> newContent(FileChange change) {
        String encoding = FileChangeContent.encoding(change);
        FileChangeContent.bytes(change);
        return Map.of("content", change.content(),
                "contentType", FileContent.BASE64.equals(encoding) ? "base64encoded" : "rawtext");
    }

    @Override
    public PullRequestRef findOrCreatePullRequest(RepositoryCoordinates repo, CreatePullRequestRequest request) {
        String source = BranchNames.fullRef(request.sourceBranch());
        String target = BranchNames.fullRef(request.targetBranch());
        Optional<JsonNode> existing = findPullRequest(repo, source, target, request.marker());
        if (existing.isPresent()) {
            long id = existing.get().path("pullRequestId").asLong();
            return new PullRequestRef(id, webUrl(repo, existing.get(), id), false);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sourceRefName", source);
        body.put("targetRefName", target);
        body.put("title", request.title().length() > 400 ? request.title().substring(0, 400) : request.title());
        body.put("description", descriptionWithMarker(request.description(), request.marker()));
        body.put("isDraft", request.draft());
        AzureDevOpsCall call = AzureDevOpsCall.write("POST", "/pullrequests", body,
                "open a pull request from " + source + " to " + target, AzureDevOpsScopes.CODE_WRITE, false);
        AzureDevOpsResponse response = client().send(repo, call, 1024 * 1024);
        if (!AzureDevOpsClient.isSuccess(response.status())) {
            ApiProblemException problem = client().problem(repo, call, response);
            if (problem.status().value() == 409) {
                // An active pull request for the pair exists; reuse it if it is ours (a retried create).
                Optional<JsonNode> raced = findPullRequest(repo, source, target, request.marker());
                if (raced.isPresent()) {
                    long id = raced.get().path("pullRequestId").asLong();
                    return new PullRequestRef(id, webUrl(repo, raced.get(), id), false);
                }
            }
            throw problem;
        }
        JsonNode created = client().parse(call, response);
        long id = created.path("pullRequestId").asLong();
        return new PullRequestRef(id, webUrl(repo, created, id), true);
    }

    /** Pull Requests - Get Pull Requests by source/target/status, paged with $top/$skip. */
    private Optional<JsonNode> findPullRequest(RepositoryCoordinates repo, String source, String target,
            String marker) {
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode list = client().json(repo, AzureDevOpsCall.get("/pullrequests",
                            "search pull requests from " + source + " to " + target, AzureDevOpsScopes.CODE_WRITE)
                    .withQuery("searchCriteria.sourceRefName", source)
                    .withQuery("searchCriteria.targetRefName", target)
                    .withQuery("searchCriteria.status", "active")
                    .withQuery("$top", Integer.toString(PAGE))
                    .withQuery("$skip", Integer.toString(page * PAGE)));
            int count = 0;
            for (JsonNode pr : list.path("value")) {
                count++;
                String description = text(pr, "description");
                if (description != null && description.contains(marker)) {
                    return Optional.of(pr);
                }
            }
            if (count < PAGE) {
                break;
            }
        }
        return Optional.empty();
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

    @Override
    public CommentRef createThread(RepositoryCoordinates repo, long pullRequestId, CommentRequest request,
            String idempotencyKey) {
        String marker = IdempotencyKeys.marker(idempotencyKey);
        if (marker != null) {
            Optional<CommentRef> existing = findMarkedComment(repo, pullRequestId, null, marker);
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        Map<String, Object> comment = new LinkedHashMap<>();
        comment.put("parentCommentId", 0);
        comment.put("content", IdempotencyKeys.withMarker(request.content(), marker));
        comment.put("commentType", 1);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("comments", List.of(comment));
        body.put("status", 1);
        JsonNode thread = client().json(repo, AzureDevOpsCall.write("POST", "/pullRequests/" + pullRequestId
                + "/threads", body, "open a comment thread on pull request " + pullRequestId,
                AzureDevOpsScopes.THREADS_FULL, false));
        long commentId = thread.path("comments").path(0).path("id").asLong(1);
        return new CommentRef(thread.path("id").asLong(), commentId);
    }

    @Override
    public CommentRef reply(RepositoryCoordinates repo, long pullRequestId, long threadId, CommentRequest request,
            String idempotencyKey) {
        String marker = IdempotencyKeys.marker(idempotencyKey);
        if (marker != null) {
            Optional<CommentRef> existing = findMarkedComment(repo, pullRequestId, threadId, marker);
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("content", IdempotencyKeys.withMarker(request.content(), marker));
        body.put("parentCommentId", request.parentCommentId() == null || request.parentCommentId() <= 0 ? 1
                : request.parentCommentId());
        body.put("commentType", 1);
        JsonNode comment = client().json(repo, AzureDevOpsCall.write("POST", "/pullRequests/" + pullRequestId
                + "/threads/" + threadId + "/comments", body, "reply in thread " + threadId + " of pull request "
                + pullRequestId, AzureDevOpsScopes.THREADS_FULL, false));
        return new CommentRef(threadId, comment.path("id").asLong());
    }

    private Optional<CommentRef> findMarkedComment(RepositoryCoordinates repo, long pullRequestId, Long threadId,
            String marker) {
        String path = "/pullRequests/" + pullRequestId + "/threads" + (threadId == null ? "" : "/" + threadId);
        JsonNode answer = client().json(repo, AzureDevOpsCall.get(path, "read the threads of pull request "
                + pullRequestId, AzureDevOpsScopes.THREADS_FULL));
        List<JsonNode> threads = new ArrayList<>();
        if (threadId == null) {
            answer.path("value").forEach(threads::add);
        } else {
            threads.add(answer);
        }
        for (JsonNode thread : threads) {
            for (JsonNode comment : thread.path("comments")) {
                String content = text(comment, "content");
                if (content != null && content.contains(marker) && !comment.path("isDeleted").asBoolean(false)) {
                    return Optional.of(new CommentRef(thread.path("id").asLong(), comment.path("id").asLong()));
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public CommentRef updateComment(RepositoryCoordinates repo, long pullRequestId, long threadId, long commentId,
            CommentRequest request) {
        // Setting the same content twice gives the same result: safe to retry.
        client().json(repo, AzureDevOpsCall.write("PATCH", "/pullRequests/" + pullRequestId + "/threads/" + threadId
                + "/comments/" + commentId, Map.of("content", request.content()), "update comment " + commentId
                + " in thread " + threadId + " of pull request " + pullRequestId, AzureDevOpsScopes.THREADS_FULL,
                true));
        return new CommentRef(threadId, commentId);
    }

    @Override
    public void setStatus(RepositoryCoordinates repo, long pullRequestId, StatusRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("state", stateName(request));
        if (request.description() != null) {
            body.put("description", request.description());
        }
        body.put("context", Map.of("genre", request.genre(), "name", request.name()));
        if (request.targetUrl() != null) {
            body.put("targetUrl", request.targetUrl());
        }
        // The latest status per context wins on Azure DevOps, so posting the same state again is harmless.
        client().json(repo, AzureDevOpsCall.write("POST", "/pullRequests/" + pullRequestId + "/statuses", body,
                "set the status " + request.genre() + "/" + request.name() + " on pull request " + pullRequestId,
                AzureDevOpsScopes.CODE_STATUS, true));
    }

    private static String stateName(StatusRequest request) {
        return switch (request.state()) {
            case PENDING -> "pending";
            case SUCCEEDED -> "succeeded";
            case FAILED -> "failed";
            case ERROR -> "error";
            case NOT_APPLICABLE -> "notApplicable";
        };
    }

    private String webUrl(RepositoryCoordinates repo, JsonNode pr, long id) {
        String repoUrl = text(pr.path("repository"), "webUrl");
        if (repoUrl == null) {
            repoUrl = properties.baseUrl() + "/" + AzureDevOpsClient.encode(repo.organization()) + "/"
                    + AzureDevOpsClient.encode(repo.project()) + "/_git/" + AzureDevOpsClient.encode(repo.repository());
        }
        return repoUrl + "/pullrequest/" + id;
    }

    private AzureDevOpsClient client() {
        if (client == null) {
            throw GitProblems.notFound("Provider 'azure-devops' is not configured on this adapter");
        }
        return client;
    }

    private static Map<String, Object> refUpdate(String name, String oldId, String newId) {
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("name", name);
        update.put("oldObjectId", oldId);
        update.put("newObjectId", newId);
        return update;
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw GitProblems.unavailable("Interrupted while reading files from Azure DevOps", null, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw GitProblems.unavailable("Reading files from Azure DevOps failed", null, e.getCause());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }

    private static String stripSlash(String path) {
        return path == null ? null : path.startsWith("/") ? path.substring(1) : path;
    }

    private static String optionalMessage(String message) {
        return message == null || message.isBlank() ? "" : " (" + message + ")";
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
