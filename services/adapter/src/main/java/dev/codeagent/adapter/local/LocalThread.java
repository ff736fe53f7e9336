package dev.codeagent.adapter.local;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A comment thread on a local pull request. */
public record LocalThread(long id, String status, Instant publishedAt, List<LocalComment> comments) {

    public LocalThread {
        comments = comments == null ? List.of() : List.copyOf(comments);
    }

    LocalThread withComment(LocalComment comment) {
        List<LocalComment> all = new ArrayList<>(comments);
        all.removeIf(c -> c.id() == comment.id());
        all.add(comment);
        all.sort((a, b) -> Long.compare(a.id(), b.id()));
        return new LocalThread(id, status, publishedAt, all);
    }

    long nextCommentId() {
        return comments.stream().mapToLong(LocalComment::id).max().orElse(0) + 1;
    }
}
