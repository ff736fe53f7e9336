package dev.codeagent.adapter.local;

import dev.codeagent.contracts.command.Author;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A pull request of the local provider as stored in its JSON file (refs are full). */
public record LocalPullRequest(
        long id,
        String title,
        String description,
        String sourceRef,
        String targetRef,
        String status,
        boolean draft,
        Author createdBy,
        Instant creationDate,
        List<LocalThread> threads,
        List<LocalStatus> statuses,
        String mergeCommit) {

    public static final String ACTIVE = "active";
    public static final String COMPLETED = "completed";
    public static final String ABANDONED = "abandoned";

    public LocalPullRequest {
        threads = threads == null ? List.of() : List.copyOf(threads);
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
    }

    LocalPullRequest withThread(LocalThread thread) {
        List<LocalThread> all = new ArrayList<>(threads);
        all.removeIf(t -> t.id() == thread.id());
        all.add(thread);
        all.sort((a, b) -> Long.compare(a.id(), b.id()));
        return new LocalPullRequest(id, title, description, sourceRef, targetRef, status, draft, createdBy,
                creationDate, all, statuses, mergeCommit);
    }

    LocalPullRequest withStatus(LocalStatus status) {
        List<LocalStatus> all = new ArrayList<>(statuses);
        all.add(status);
        return new LocalPullRequest(id, title, description, sourceRef, targetRef, this.status, draft, createdBy,
                creationDate, threads, all, mergeCommit);
    }

    LocalPullRequest withDescription(String newDescription) {
        return new LocalPullRequest(id, title, newDescription, sourceRef, targetRef, status, draft, createdBy,
                creationDate, threads, statuses, mergeCommit);
    }

    /** Completed (with the commit the merge made) or abandoned (mergeCommit null); published as it closes. */
    LocalPullRequest closed(String newStatus, String commit) {
        return new LocalPullRequest(id, title, description, sourceRef, targetRef, newStatus, false, createdBy,
                creationDate, threads, statuses, commit);
    }

    long nextThreadId() {
        return threads.stream().mapToLong(LocalThread::id).max().orElse(0) + 1;
    }

    long nextStatusId() {
        return statuses.stream().mapToLong(LocalStatus::id).max().orElse(0) + 1;
    }
}
