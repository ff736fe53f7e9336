package dev.codeagent.orchestrator.workflow;

import dev.codeagent.contracts.AgentMarker;
import dev.codeagent.orchestrator.job.JobRecord;
import dev.codeagent.orchestrator.job.VariantRecord;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The replies to follow-up commands in a job's thread; each ends with a marker naming the follow-up. */
@Component
public class FollowUpReplies {

    private static final int FEEDBACK_INLINE = 200;

    public String noEditJob(JobRecord followUp) {
        return done(followUp, "there is no `/edit` job in this thread to follow up. Write `/edit [/N] <what to "
                + "change>` first; `/pick`, `/refine`, `/retry`, `/cancel` and `/status` then act on its variants.");
    }

    public String notAllowed(JobRecord followUp, JobRecord edit) {
        return done(followUp, "only the author of the `/edit` command (" + Markdown.literal(who(edit), 100)
                + ") or someone allowed to ask Code Agent for changes may do that.");
    }

    public String noSuchVariant(JobRecord followUp, JobRecord edit, int k, List<VariantRecord> variants) {
        String usable = variants.stream().map(v -> String.valueOf(v.k())).collect(Collectors.joining(", "));
        return done(followUp, "there is no variant " + k + " in this thread's job; its variants are " + usable
                + ".");
    }

    public String notSucceeded(JobRecord followUp, VariantRecord v, String what) {
        return done(followUp, "variant " + v.k() + " " + describe(v) + ", so it cannot be " + what
                + (v.state().isTerminal() ? ". `/retry " + v.k() + "` runs it again." : "; wait for it to finish."));
    }

    public String stillRunning(JobRecord followUp) {
        return done(followUp, "the job of this thread is still running; wait for its summary (or `/cancel` it) "
                + "first.");
    }

    public String alreadyPicked(JobRecord followUp, int picked, String mergeCommit) {
        return done(followUp, "variant " + picked + " was already picked and merged as `"
                + Markdown.line(mergeCommit, 40) + "`; nothing else can be picked or refined here.");
    }

    public String picked(JobRecord followUp, JobRecord edit, int k, String mergeCommit, List<Integer> abandoned,
            List<String> leftInPlace) {
        StringBuilder sb = new StringBuilder("**Code Agent** merged variant ").append(k).append(" into `")
                .append(Markdown.line(branch(edit.sourceRef()), 200)).append("` as commit `")
                .append(Markdown.line(mergeCommit, 40)).append("`.");
        if (!abandoned.isEmpty()) {
            sb.append(" Abandoned the other variants' pull requests and deleted their branches: variant")
                    .append(abandoned.size() == 1 ? " " : "s ")
                    .append(abandoned.stream().map(String::valueOf).collect(Collectors.joining(", "))).append('.');
        }
        for (String note : leftInPlace) {
            sb.append("\n- ").append(Markdown.inline(note, 300));
        }
        return sb.append("\n\n").append(marker(followUp)).toString();
    }

    public String mergeConflict(JobRecord followUp, int k, String detail) {
        return done(followUp, "variant " + k + " cannot be merged: it conflicts with the current source branch ("
                + Markdown.inline(detail, 300) + "). Nothing was changed: no pull request was completed or "
                + "abandoned, no branch deleted. Resolve the conflict on the variant's branch, or `/refine " + k
                + " …` it, then `/pick " + k + "` again.");
    }

    public String policyBlocked(JobRecord followUp, int k, String policy, String detail) {
        return done(followUp, "a branch policy" + (policy == null ? "" : " (" + Markdown.literal(policy, 100) + ")")
                + " blocks completing variant " + k + "'s pull request (" + Markdown.inline(detail, 300)
                + "). Nothing was changed; once the policy is satisfied, `/pick " + k + "` again.");
    }

    public String refined(JobRecord followUp, int k, int round, String commit, String feedback, String url,
            boolean checked) {
        return "**Code Agent** refined variant " + k + " (round " + round + "): _" + Markdown.inline(feedback,
                FEEDBACK_INLINE) + "_ — commit `" + Markdown.line(commit, 40) + "`"
                + (url == null ? "" : " on [its pull request](" + url + ")") + ". "
                + (checked ? "Its checks run again (and a failure is repaired as before); the summary above is "
                        + "updated when they finish." : "The summary above is updated.") + "\n\n"
                + marker(followUp);
    }

    public String refineStopped(JobRecord followUp, int k) {
        return done(followUp, "the refinement of variant " + k + " was cancelled; nothing was pushed.");
    }

    public String retrying(JobRecord followUp, int k, boolean fresh, String phase) {
        return "**Code Agent** is running variant " + k + " again " + (fresh ? "from scratch" : "from its failed "
                + "step (" + phase + ")") + "; the progress reply above shows it and the summary follows.\n\n"
                + marker(followUp);
    }

    public String notFailed(JobRecord followUp, VariantRecord v) {
        return done(followUp, "variant " + v.k() + " " + describe(v) + "; `/retry` runs only a failed or cancelled "
                + "variant again.");
    }

    public String cannotRetry(JobRecord followUp, int k) {
        return done(followUp, "variant " + k + " cannot be run again: the job's context is no longer stored. "
                + "Write a new `/edit` command.");
    }

    public String cancelling(JobRecord followUp) {
        return "**Code Agent** is cancelling the running job of this thread: running steps stop at their next "
                + "boundary and nothing more is pushed.\n\n" + marker(followUp);
    }

    public String nothingToCancel(JobRecord followUp) {
        return done(followUp, "nothing is running in this thread, so there is nothing to cancel.");
    }

    public String failed(JobRecord followUp, String why) {
        return done(followUp, "the command could not be carried out: " + Markdown.inline(why, 500));
    }

    private static String done(JobRecord followUp, String text) {
        return "**Code Agent**: " + text + "\n\n" + marker(followUp);
    }

    private static String describe(VariantRecord v) {
        return switch (v.state()) {
            case PENDING, RUNNING -> "is still running";
            case SUCCEEDED -> "succeeded";
            case FAILED -> "failed" + (v.error() == null ? "" : " (" + Markdown.inline(v.error(), 200) + ")");
            case CANCELLED -> "was cancelled";
        };
    }

    private static String who(JobRecord job) {
        if (job.author() == null) {
            return "unknown";
        }
        return job.author().displayName() != null ? job.author().displayName() : job.author().uniqueName();
    }

    private static String branch(String ref) {
        return ref != null && ref.startsWith("refs/heads/") ? ref.substring("refs/heads/".length()) : ref;
    }

    private static String marker(JobRecord followUp) {
        return AgentMarker.of("job", followUp.id(), "kind", followUp.kind().name().toLowerCase(Locale.ROOT));
    }
}
