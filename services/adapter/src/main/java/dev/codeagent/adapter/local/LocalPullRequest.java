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
        List<LocalStatus> statuses) {

    public static final String ACTIVE = "active";

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
                creationDate, all, statuses);
    }

    LocalPullRequest withStatus(LocalStatus status) {
        List<LocalStatus> all = new ArrayList<>(statuses);
        all.add(status);
        return new LocalPullRequest(id, title, description, sourceRef, targetRef, this.status, draft, createdBy,
                creationDate, threads, all);
    }

    long nextThreadId() {
        return threads.stream().mapToLong(LocalThread::id).max().orElse(0) + 1;
    }

    long nextStatusId() {
        return statuses.stream().mapToLong(LocalStatus::id).max().orElse(0) + 1;
    }
}
