package dev.codeagent.adapter.api;

import dev.codeagent.adapter.local.LocalPullRequestView;
import dev.codeagent.adapter.local.LocalPullRequests;
import dev.codeagent.adapter.local.LocalThread;
import dev.codeagent.adapter.local.OpenPullRequest;
import dev.codeagent.adapter.provider.GitProblems;
import dev.codeagent.contracts.command.Author;
import dev.codeagent.contracts.git.CommentRef;
import dev.codeagent.contracts.git.PullRequestRef;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Pull requests of the local provider for people and the demo: list them, open one, read its threads.
 * A pull request's link ({@code url}) points at {@code GET .../pull-requests/{id}}.
 */
@RestController
@RequestMapping("/api/repos/local/{repo}/pull-requests")
public class LocalReviewController {

    /** Who local pull requests and comments are attributed to when the caller names nobody. */
    public static final Author LOCAL_USER = new Author("local-user", "user@localhost", "Local User");

    private final ObjectProvider<LocalPullRequests> pullRequests;

    public LocalReviewController(ObjectProvider<LocalPullRequests> pullRequests) {
        this.pullRequests = pullRequests;
    }

    @GetMapping
    public List<LocalPullRequestView> list(@PathVariable String repo) {
        return local().list(repo);
    }

    @PostMapping
    public ResponseEntity<LocalPullRequestView> open(@PathVariable String repo,
            @Valid @RequestBody OpenLocalPullRequest request) {
        if (request.source() == null || request.source().isBlank()) {
            throw GitProblems.invalid("sourceBranch (or sourceRef) is required");
        }
        if (request.target() == null || request.target().isBlank()) {
            throw GitProblems.invalid("targetBranch (or targetRef) is required");
        }
        PullRequestRef ref = local().open(repo, new OpenPullRequest(request.source(), request.target(),
                request.title(), request.description(), Boolean.TRUE.equals(request.draft()),
                request.author() == null ? LOCAL_USER : request.author(), null));
        return ResponseEntity.status(ref.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(local().view(repo, ref.id()));
    }

    @GetMapping("/{id}")
    public LocalPullRequestDetails get(@PathVariable String repo, @PathVariable long id) {
        return new LocalPullRequestDetails(local().view(repo, id), local().threads(repo, id));
    }

    @GetMapping("/{id}/threads")
    public List<LocalThread> threads(@PathVariable String repo, @PathVariable long id) {
        return local().threads(repo, id);
    }

    /** A comment by a person rather than by the agent: the demo posts its {@code /edit} command this way. */
    @PostMapping("/{id}/threads")
    public ResponseEntity<CommentRef> comment(@PathVariable String repo, @PathVariable long id,
            @Valid @RequestBody PostLocalComment request) {
        CommentRef ref = local().createThread(repo, id, request.content(),
                request.author() == null ? LOCAL_USER : request.author(), null);
        return ResponseEntity.status(HttpStatus.CREATED).body(ref);
    }

    /** A person's reply in a thread: the demo's follow-up commands ({@code /refine}, {@code /pick}). */
    @PostMapping("/{id}/threads/{threadId}/comments")
    public ResponseEntity<CommentRef> reply(@PathVariable String repo, @PathVariable long id,
            @PathVariable long threadId, @Valid @RequestBody PostLocalComment request) {
        CommentRef ref = local().reply(repo, id, threadId, request.content(), null,
                request.author() == null ? LOCAL_USER : request.author(), null);
        return ResponseEntity.status(HttpStatus.CREATED).body(ref);
    }

    private LocalPullRequests local() {
        LocalPullRequests local = pullRequests.getIfAvailable();
        if (local == null) {
            throw GitProblems.notFound("The local provider is disabled (CODEAGENT_LOCAL_ENABLED=false)");
        }
        return local;
    }
}
