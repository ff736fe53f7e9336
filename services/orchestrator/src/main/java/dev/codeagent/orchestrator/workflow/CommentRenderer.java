package dev.codeagent.orchestrator.workflow;

import dev.codeagent.contracts.AgentMarker;
import dev.codeagent.contracts.command.CommandKind;
import dev.codeagent.contracts.job.ModelUsage;
import dev.codeagent.contracts.job.Outcome;
import dev.codeagent.contracts.job.VariantState;
import dev.codeagent.orchestrator.config.AdmissionProperties;
import dev.codeagent.orchestrator.config.WorkflowProperties;
import dev.codeagent.orchestrator.job.CancelReason;
import dev.codeagent.orchestrator.job.CheckRound;
import dev.codeagent.orchestrator.job.JobRecord;
import dev.codeagent.orchestrator.job.JobViews;
import dev.codeagent.orchestrator.job.PipelineRunRecord;
import dev.codeagent.orchestrator.job.QueueStanding;
import dev.codeagent.orchestrator.job.VariantPhase;
import dev.codeagent.orchestrator.job.VariantRanking;
import dev.codeagent.orchestrator.job.VariantRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Everything the agent writes on the pull request: help replies, the answer to an author who may not trigger, the
 * progress reply, the final summary,
 * variant pull request titles and descriptions, commit messages. Each carries the hidden agent marker,
 * and output of the offline provider is labelled as such wherever it appears.
 */
@Component
public class CommentRenderer {

    static final String OFFLINE_LABEL = "offline model — deterministic demo output, not written by an AI model";
    private static final int INTENT_INLINE = 200;
    private static final BigDecimal MIN_COST = new BigDecimal("0.001");
    private static final int NOTES_PER_VARIANT = 8;
    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final WorkflowProperties properties;

    public CommentRenderer(WorkflowProperties properties) {
        this.properties = properties;
    }

    public String jobUrl(JobRecord job) {
        return properties.dashboardUrl().replaceAll("/+$", "") + "/jobs/" + job.id();
    }

    public String help(JobRecord job) {
        StringBuilder sb = new StringBuilder();
        if (job.kind() == CommandKind.REJECTED) {
            sb.append("**Code Agent** could not run this command");
            String reason = Markdown.inline(job.rejectionReason(), 500);
            sb.append(reason.isEmpty() ? ".\n\n" : ": " + reason + "\n\n");
        } else {
            sb.append("**Code Agent** writes alternative implementations of a change as draft pull requests.\n\n");
        }
        sb.append("**Usage**\n\n")
                .append("- `/edit [/N] <what to change>`: N alternative implementations (1 to ")
                .append(properties.maxVariants()).append(", default 1). Each variant is committed on its own branch under `")
                .append(properties.branchPrefix()).append("` and opened as a draft pull request into this pull request's ")
                .append("source branch; progress and a comparison of the variants appear in this thread.\n")
                .append("- `/refine K <feedback>`: a new commit on variant K addressing the feedback (also: `/edit ")
                .append("<feedback>` on the variant's own draft pull request).\n")
                .append("- `/pick K`: merge variant K into the source branch, abandon the other variants' pull ")
                .append("requests and delete their branches.\n")
                .append("- `/retry K [--fresh]`: run a failed variant again, from its failed step or from scratch.\n")
                .append("- `/cancel`: stop the job running in this thread. `/status`: post its table again.\n")
                .append("- `/help`: this message.\n\n")
                .append("**Limits**: N is at most ").append(properties.maxVariants())
                .append("; the description of the change must not be empty and at most 8000 characters; ")
                .append("each variant has ").append(human(properties.variantTimeout())).append(".\n\n")
                .append("**Example**: `@CodeAgent /edit /3 Add input validation to the login handler`\n\n")
                .append(AgentMarker.of("job", job.id(), "kind", "help"));
        return sb.toString();
    }

    /** The one reply to a command whose author may not ask for changes; nothing else is done for it. */
    public String notAllowed(JobRecord job, List<String> allowedGroups) {
        String who = allowedGroups.isEmpty() ? "the users named in its configuration"
                : "members of " + alternatives(allowedGroups);
        return addressed(job, "only " + who + " can ask Code Agent for changes.") + "\n\n"
                + AgentMarker.of("job", job.id(), "kind", "denied");
    }

    /** The reply when whether the author may ask for changes could not be learnt: nothing was done. */
    public String permissionUnknown(JobRecord job, String why) {
        String reason = Markdown.inline(why, 600);
        return addressed(job, "Code Agent could not check whether you may ask it for changes, so it did nothing"
                + (reason.isEmpty() ? "." : ": " + reason)) + "\n\nPlease try again later.\n\n"
                + AgentMarker.of("job", job.id(), "kind", "unchecked");
    }

    public String progress(JobRecord job, List<VariantRecord> variants) {
        return progress(job, variants, List.of());
    }

    /**
     * The progress reply; a variant being checked names the Azure DevOps pipeline runs of its round ({@code
     * pipelineRuns}: the job's runs) it waits for, with their state and since when they run — a time rather than an
     * elapsed duration, because the reply is rewritten when a run's state changes, not while it runs.
     */
    public String progress(JobRecord job, List<VariantRecord> variants, List<PipelineRunRecord> pipelineRuns) {
        return progressQueued(job, variants, null, pipelineRuns);
    }

    /**
     * The progress reply of a job that waits for the caps on running work to admit it; {@code standing} is
     * {@link #queueStanding}'s text (null: the job runs).
     */
    public String progressQueued(JobRecord job, List<VariantRecord> variants, String standing) {
        return progressQueued(job, variants, standing, List.of());
    }

    private String progressQueued(JobRecord job, List<VariantRecord> variants, String standing,
            List<PipelineRunRecord> pipelineRuns) {
        StringBuilder sb = new StringBuilder();
        sb.append("**Code Agent** is working on ").append(plural(job.variantsRequested(), "variant")).append(": _")
                .append(Markdown.inline(job.intent(), INTENT_INLINE)).append("_\n\n");
        if (job.cancelRequested()) {
            sb.append(cancelNote(job)).append("\n\n");
        } else if (standing != null) {
            sb.append("**").append(standing).append("**. The variants start as soon as a running job finishes.\n\n");
        }
        appendProgressTable(sb, variants, pipelineRuns);
        sb.append("\nJob `").append(job.id()).append("` · [details](").append(jobUrl(job)).append(")\n\n")
                .append(AgentMarker.of("job", job.id(), "kind", "progress"));
        return sb.toString();
    }

    /**
     * Where a queued job stands, e.g. "queued — position 4 of 7; 20 jobs running"; when its repository is the reason
     * it waits, that too. The text changes only when the standing does, so it also tells whether the reply needs an
     * edit.
     */
    public String queueStanding(QueueStanding standing, AdmissionProperties caps) {
        StringBuilder sb = new StringBuilder("queued — position ").append(standing.position()).append(" of ")
                .append(standing.queued()).append("; ").append(plural(standing.running(), "job")).append(" running");
        if (standing.runningInRepository() >= caps.maxRunningJobsPerRepository()) {
            sb.append(", ").append(standing.runningInRepository())
                    .append(" of them on this repository (the most at once)");
        }
        return sb.toString();
    }

    /** The progress reply in its final state, pointing to the summary. */
    public String progressFinished(JobRecord job, List<VariantRecord> variants, Outcome outcome) {
        StringBuilder sb = new StringBuilder();
        sb.append("**Code Agent** finished ").append(plural(job.variantsRequested(), "variant")).append(" for _")
                .append(Markdown.inline(job.intent(), INTENT_INLINE)).append("_: **")
                .append(outcomeText(outcome)).append("**");
        sb.append(job.cancelRequested() ? "\n\n" + cancelNote(job) + "\n\n" : " (comparison in the next reply)\n\n");
        appendProgressTable(sb, variants);
        sb.append("\nJob `").append(job.id()).append("` · [details](").append(jobUrl(job)).append(")\n\n")
                .append(AgentMarker.of("job", job.id(), "kind", "progress"));
        return sb.toString();
    }

    public String summary(JobRecord job, List<VariantRecord> variants, Outcome outcome) {
        return summary(job, variants, outcome, Map.of());
    }

    /**
     * The comparison of the variants, with each variant's {@code notes} (by k: files left out of the prompt,
     * provider fallbacks, refused edits) as footnotes under the table, at most {@value #NOTES_PER_VARIANT} each.
     */
    public String summary(JobRecord job, List<VariantRecord> variants, Outcome outcome,
            Map<Integer, List<String>> notes) {
        return summary(job, variants, outcome, notes, Map.of());
    }

    /**
     * The comparison with each variant's rounds of checks ({@code rounds}, by k): its {@code Build}, {@code Tests},
     * {@code Repairs} and {@code Rank}, the recommended variant with the reason, and the ranking rule as a footnote.
     */
    public String summary(JobRecord job, List<VariantRecord> variants, Outcome outcome,
            Map<Integer, List<String>> notes, Map<Integer, List<CheckRound>> rounds) {
        VariantRanking.Result ranking = VariantRanking.rank(variants, rounds);
        long succeeded = variants.stream().filter(v -> v.state() == VariantState.SUCCEEDED).count();
        StringBuilder sb = new StringBuilder();
        sb.append("### Code Agent: ").append(plural(job.variantsRequested(), "variant")).append(" for _")
                .append(Markdown.inline(job.intent(), INTENT_INLINE)).append("_\n\n")
                .append("Outcome: **").append(outcomeText(outcome)).append("** (").append(succeeded).append(" of ")
                .append(variants.size()).append(" variants succeeded)");
        if (job.cancelRequested()) {
            sb.append(". ").append(cancelNote(job));
        }
        if (job.error() != null && succeeded == 0) {
            sb.append("\n\nReason: ").append(Markdown.inline(job.error(), 600));
        }
        sb.append("\n\n| Variant | Approach | Files | +/− lines | Pull request | Status | Build | Tests | Repairs | Rank "
                        + "| Duration | Tokens | Cost |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        boolean anyOffline = false;
        for (VariantRecord v : variants) {
            anyOffline |= v.offline();
            List<CheckRound> own = rounds.getOrDefault(v.k(), List.of());
            CheckRound last = own.isEmpty() ? null : own.get(own.size() - 1);
            sb.append("| ").append(v.k()).append(" | ").append(approach(v)).append(" | ")
                    .append(v.filesChanged() == null ? "" : v.filesChanged()).append(" | ")
                    .append(lines(v)).append(" | ").append(prLink(v)).append(" | ")
                    .append(stateText(v)).append(" | ").append(CheckText.build(last)).append(" | ")
                    .append(CheckText.tests(last)).append(" | ").append(CheckText.repairs(v, own)).append(" | ")
                    .append(CheckText.rank(v, ranking)).append(" | ")
                    .append(v.durationMs() == null ? "" : seconds(v.durationMs()))
                    .append(" | ").append(v.usage() == null ? "" : tokens(v.usage()))
                    .append(" | ").append(v.usage() == null ? "" : cost(v.usage())).append(" |\n");
        }
        ModelUsage total = JobViews.usage(variants);
        if (total != null) {
            sb.append("\nModel usage: ").append(tokens(total)).append(" tokens (").append(tokens(total.inputTokens()))
                    .append(" in, ").append(tokens(total.outputTokens())).append(" out), cost ")
                    .append(total.costUsd() == null ? "unknown (a model has no price in CODEAGENT_MODEL_PRICES)"
                            : cost(total))
                    .append(".\n");
        }
        sb.append(CheckText.footnote(ranking));
        if (anyOffline) {
            sb.append("\n_Variants marked offline come from the ").append(OFFLINE_LABEL).append("._\n");
        }
        appendNotes(sb, variants, notes);
        if (succeeded > 0) {
            sb.append("\nReview the draft pull requests and merge the variant you prefer into `")
                    .append(Markdown.line(shortBranch(job.sourceRef()), 200)).append("`; close the others.\n");
        }
        sb.append("\nJob `").append(job.id()).append("` · [details](").append(jobUrl(job)).append(")\n\n")
                .append(AgentMarker.of("job", job.id(), "kind", "summary"));
        return sb.toString();
    }

    public String pullRequestTitle(JobRecord job, int k, boolean offline, String strategy) {
        String title = (offline ? "[Code Agent, offline] " : "[Code Agent] ")
                + Markdown.line(job.intent(), 120) + " (variant " + k + "/" + job.variantsRequested()
                + (strategy == null || strategy.isBlank() ? "" : ", " + Markdown.line(strategy, 40)) + ")";
        return title.length() > 400 ? title.substring(0, 399) + "…" : title;
    }

    public String pullRequestDescription(JobRecord job, VariantRecord v, String marker) {
        return pullRequestDescription(job, v, null, marker);
    }

    /**
     * The description after refine round {@code round}: the variant's figures as they are now, and the feedback of
     * the round — a comment anyone allowed to refine wrote, so rendered inert like every untrusted text.
     */
    public String refinedPullRequestDescription(JobRecord job, VariantRecord v, int round, String feedback,
            String marker) {
        return pullRequestDescription(job, v, "**Refined** (round " + round + "): " + Markdown.inline(feedback, 300)
                + "\n\n", marker);
    }

    private String pullRequestDescription(JobRecord job, VariantRecord v, String refinement, String marker) {
        StringBuilder sb = new StringBuilder();
        sb.append("Variant **").append(v.k()).append(" of ").append(job.variantsRequested())
                .append("** written by Code Agent for pull request !").append(job.pullRequestId())
                .append(" on request of ").append(Markdown.inline(authorName(job), 100)).append(".\n\n")
                .append("**Intent**\n\n").append(Markdown.quote(job.intent(), 4000)).append("\n\n");
        if (v.offline()) {
            sb.append("⚠️ **Offline output**: produced by the ").append(OFFLINE_LABEL).append(".\n\n");
        }
        sb.append("| | |\n|---|---|\n")
                .append("| Approach | ").append(Markdown.inline(v.approach(), 600)).append(" |\n")
                .append("| Strategy | ").append(Markdown.inline(v.strategy(), 100)).append(" |\n")
                .append("| Model | ").append(modelText(v)).append(" |\n")
                .append("| Files | ").append(v.filesChanged() == null ? "" : v.filesChanged()).append(" (")
                .append(lines(v)).append(") |\n")
                .append("| Job | [").append(job.id()).append("](").append(jobUrl(job)).append(") |\n\n");
        if (refinement != null) {
            sb.append(refinement);
        }
        sb.append("This is a draft: review it, then merge the variant you prefer into `")
                .append(Markdown.line(shortBranch(job.sourceRef()), 200)).append("`.\n\n")
                .append(marker);
        String text = sb.toString();
        // Azure DevOps limits descriptions to 4000 characters; keep the marker at the end.
        if (text.length() > 3900) {
            text = text.substring(0, 3890 - marker.length()) + "…\n\n" + marker;
        }
        return text;
    }

    public String commitMessage(JobRecord job, int k, PatchOutline patch) {
        return "Code Agent variant " + k + "/" + job.variantsRequested() + ": " + Markdown.line(job.intent(), 72)
                .replace("\\|", "|") + "\n\n" + (patch.approach() == null ? "" : patch.approach().strip() + "\n\n")
                + "Strategy: " + patch.strategy() + "\nModel: " + patch.provider() + "/" + patch.model()
                + (patch.offline() ? " (" + OFFLINE_LABEL + ")" : "") + "\nJob: " + job.id() + "\n";
    }

    public String statusDescription(JobRecord job, Outcome outcome, List<VariantRecord> variants) {
        long succeeded = variants.stream().filter(v -> v.state() == VariantState.SUCCEEDED).count();
        if (outcome == null) {
            return "Code Agent: " + plural(job.variantsRequested(), "variant") + " in progress";
        }
        String base = "Code Agent: " + succeeded + "/" + variants.size() + " variants succeeded";
        if (job.cancelReason() == null) {
            return base;
        }
        return base + switch (job.cancelReason()) {
            case TERMINATED -> " (cancelled)";
            case TIMEOUT -> " (job timed out)";
        };
    }

    static String modelText(VariantRecord v) {
        if (v.provider() == null && v.model() == null) {
            return "";
        }
        String text = Markdown.inline(v.provider(), 50) + "/" + Markdown.inline(v.model(), 80);
        return v.offline() ? text + " (" + OFFLINE_LABEL + ")" : text;
    }

    private static void appendNotes(StringBuilder sb, List<VariantRecord> variants, Map<Integer, List<String>> notes) {
        StringBuilder lines = new StringBuilder();
        for (VariantRecord v : variants) {
            List<String> own = notes.getOrDefault(v.k(), List.of());
            own.stream().limit(NOTES_PER_VARIANT).forEach(n -> lines.append("- Variant ").append(v.k()).append(": ")
                    .append(Markdown.inline(n, 400)).append('\n'));
            if (own.size() > NOTES_PER_VARIANT) {
                lines.append("- Variant ").append(v.k()).append(": ").append(own.size() - NOTES_PER_VARIANT)
                        .append(" more in the job's details\n");
            }
        }
        if (!lines.isEmpty()) {
            sb.append("\n**Notes**\n\n").append(lines);
        }
    }

    private static void appendProgressTable(StringBuilder sb, List<VariantRecord> variants) {
        appendProgressTable(sb, variants, List.of());
    }

    private static void appendProgressTable(StringBuilder sb, List<VariantRecord> variants,
            List<PipelineRunRecord> pipelineRuns) {
        sb.append("| Variant | Status | Approach | Files | +/− lines | Pull request |\n|---|---|---|---|---|---|\n");
        for (VariantRecord v : variants) {
            sb.append("| ").append(v.k()).append(" | ").append(stateText(v)).append(waitingFor(v, pipelineRuns))
                    .append(" | ").append(approach(v))
                    .append(" | ").append(v.filesChanged() == null ? "" : v.filesChanged()).append(" | ")
                    .append(lines(v)).append(" | ").append(prLink(v)).append(" |\n");
        }
    }

    private static String approach(VariantRecord v) {
        String text = Markdown.inline(v.approach() != null ? v.approach() : v.strategy(), 160);
        return v.offline() ? text + " _(offline)_" : text;
    }

    private static String stateText(VariantRecord v) {
        return switch (v.state()) {
            case PENDING -> "⏳ waiting";
            case RUNNING -> "🔄 " + v.step().label() + (v.attempts() > 0 && v.error() != null
                    ? " — waiting to retry (" + v.attempts() + " failed): " + Markdown.inline(v.error(), 200) : "");
            case SUCCEEDED -> "✅ succeeded";
            case CANCELLED -> "⛔ cancelled";
            case FAILED -> "❌ failed" + (v.error() == null ? "" : ": " + Markdown.inline(v.error(), 300));
        };
    }

    /**
     * {@code  — Azure DevOps: [Payments-CI 20260302.901](…) in progress since 10:02 UTC} for a variant whose round waits
     * for pipeline runs (the runs that ended already with their result); empty otherwise.
     */
    private static String waitingFor(VariantRecord v, List<PipelineRunRecord> pipelineRuns) {
        if (v.state() != VariantState.RUNNING || v.step() != VariantPhase.CHECK) {
            return "";
        }
        List<PipelineRunRecord> round = pipelineRuns.stream()
                .filter(r -> r.k() == v.k() && r.round() == v.checkRound()).toList();
        if (round.stream().noneMatch(PipelineRunRecord::running)) {
            return "";
        }
        return " — Azure DevOps: " + round.stream().map(CommentRenderer::pipelineRun).collect(Collectors.joining("; "));
    }

    private static String pipelineRun(PipelineRunRecord run) {
        String name = Markdown.inline(run.displayName() + (run.runName() != null ? " " + run.runName()
                : run.runId() != null ? " #" + run.runId() : ""), 120);
        String url = CheckText.safeUrl(run.webUrl());
        String link = url == null ? name : "[" + name + "](" + url + ")";
        if (!run.running()) {
            return link + " " + switch (run.state()) {
                case COMPLETED -> run.result() == null ? "completed" : Markdown.inline(run.result(), 20);
                case TIMED_OUT -> "timed out";
                case STOPPED -> "stopped";
                case ERROR -> "error";
                case RUNNING -> "running";
            };
        }
        String state = "canceling".equals(run.runState()) ? "being cancelled" : "in progress";
        return link + " " + state + " since " + TIME_OF_DAY.format(run.queuedAt());
    }

    private static String prLink(VariantRecord v) {
        if (v.pullRequestId() == null) {
            return "";
        }
        return v.pullRequestUrl() == null || v.pullRequestUrl().isBlank() ? "!" + v.pullRequestId()
                : "[!" + v.pullRequestId() + "](" + v.pullRequestUrl().replace(")", "%29").replace(" ", "%20") + ")";
    }

    private static String lines(VariantRecord v) {
        return v.linesAdded() == null ? "" : "+" + v.linesAdded() + " / −" + v.linesRemoved();
    }

    private static String outcomeText(Outcome outcome) {
        return switch (outcome) {
            case SUCCESS -> "success";
            case PARTIAL_SUCCESS -> "partial success";
            case FAILED -> "failed";
            case REJECTED -> "not allowed";
        };
    }

    private static String cancelNote(JobRecord job) {
        return job.cancelReason() == CancelReason.TIMEOUT
                ? "⏱️ The job ran out of time; unfinished variants were stopped."
                : "⛔ The job was cancelled on request; unfinished variants were stopped.";
    }

    /**
     * {@code @Name, text}, the author's name as written (nothing in a name can become markdown); the text alone,
     * capitalised, when the author is unknown.
     */
    private static String addressed(JobRecord job, String text) {
        String name = job.author() == null ? "" : Markdown.literal(authorName(job), 100);
        return name.isEmpty() ? Character.toUpperCase(text.charAt(0)) + text.substring(1) : "@" + name + ", " + text;
    }

    /** {@code A}, {@code A or B}, {@code A, B or C}, each as written. */
    private static String alternatives(List<String> names) {
        List<String> literal = names.stream().map(n -> Markdown.literal(n, 200)).toList();
        return literal.size() == 1 ? literal.get(0)
                : String.join(", ", literal.subList(0, literal.size() - 1)) + " or " + literal.get(literal.size() - 1);
    }

    private static String authorName(JobRecord job) {
        if (job.author() == null) {
            return "a reviewer";
        }
        return job.author().displayName() != null ? job.author().displayName() : job.author().uniqueName();
    }

    static String shortBranch(String ref) {
        return ref == null ? "" : ref.startsWith("refs/heads/") ? ref.substring("refs/heads/".length()) : ref;
    }

    private static String seconds(long ms) {
        return ms < 10_000 ? String.format(Locale.ROOT, "%.1f s", ms / 1000.0) : (ms / 1000) + " s";
    }

    /** Tokens in and out, e.g. {@code 950}, {@code 12.3k}, {@code 1.2M}. */
    static String tokens(ModelUsage usage) {
        return tokens(usage.inputTokens() + usage.outputTokens());
    }

    private static String tokens(long n) {
        return n < 1000 ? Long.toString(n)
                : n < 1_000_000 ? String.format(Locale.ROOT, "%.1fk", n / 1000.0)
                : String.format(Locale.ROOT, "%.1fM", n / 1_000_000.0);
    }

    /** USD to a tenth of a cent, e.g. {@code $0.042}; {@code —} when unknown, never a partial sum. */
    static String cost(ModelUsage usage) {
        BigDecimal usd = usage.costUsd();
        if (usd == null) {
            return "—";
        }
        if (usd.signum() == 0) {
            return "$0";
        }
        return usd.compareTo(MIN_COST) < 0 ? "<$0.001" : "$" + usd.setScale(3, RoundingMode.HALF_UP).toPlainString();
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private static String human(Duration d) {
        return d.toMinutes() >= 1 ? d.toMinutes() + " minutes at most" : d.toSeconds() + " seconds at most";
    }
}
