package dev.codeagent.llmpatch.patch;

import dev.codeagent.contracts.ProblemTypes;
import dev.codeagent.contracts.git.FileChange;
import dev.codeagent.contracts.patch.ModelCall;
import dev.codeagent.contracts.patch.EditFormat;
import dev.codeagent.contracts.patch.PatchRequest;
import dev.codeagent.contracts.patch.PatchResponse;
import dev.codeagent.contracts.patch.SourceFile;
import dev.codeagent.contracts.patch.TokenUsage;
import dev.codeagent.llmpatch.context.ContextSelector;
import dev.codeagent.llmpatch.engine.BlockFailure;
import dev.codeagent.llmpatch.engine.EngineResult;
import dev.codeagent.llmpatch.engine.PatchEngine;
import dev.codeagent.llmpatch.prompt.PromptBuilder;
import dev.codeagent.llmpatch.prompt.VariantStrategy;
import dev.codeagent.llmpatch.provider.AllProvidersFailedException;
import dev.codeagent.llmpatch.provider.ChainReply;
import dev.codeagent.llmpatch.provider.ContentFilteredException;
import dev.codeagent.llmpatch.provider.ModelMessage;
import dev.codeagent.llmpatch.provider.ModelRequest;
import dev.codeagent.llmpatch.provider.PromptFitter;
import dev.codeagent.llmpatch.provider.ProviderChain;
import dev.codeagent.llmpatch.provider.ProviderSettings;
import dev.codeagent.llmpatch.provider.ProviderSlot;
import dev.codeagent.llmpatch.provider.TokenEstimator;
import dev.codeagent.llmpatch.secrets.SecretScreen;
import dev.codeagent.llmpatch.usage.BudgetCheck;
import dev.codeagent.llmpatch.usage.BudgetReachedException;
import dev.codeagent.llmpatch.usage.UsageMeter;
import dev.codeagent.platform.web.ApiProblemException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Generates one variant: prompt for the variant's strategy, ask the chain, apply the answer with the engine,
 * and send blocks that failed back to the model with the closest file lines — at most {@code maxAttempts}
 * answers in all. Blocks that applied stay applied between attempts. Files that may hold secrets are left out
 * of the prompt (and may not be edited); the response's notes say which, and which edits were refused. Every
 * answer is priced and counted by the {@link UsageMeter}, and the response lists each call. No call is made that
 * could exceed one of the request's budgets ({@link BudgetCheck}): the request ends with 422 "budget reached".
 */
public final class PatchService {

    private static final Logger log = LoggerFactory.getLogger(PatchService.class);

    /** The system prompt and the task; later turns are the model's answers and the retries. */
    private static final int INITIAL_TURNS = 2;

    private final ProviderChain chain;
    private final PatchEngine engine;
    private final UsageMeter usage;
    private final PromptBuilder prompts = new PromptBuilder();
    private final SecretScreen secrets = new SecretScreen();
    private final UnifiedDiffWriter diffs = new UnifiedDiffWriter();
    private final int maxAttempts;
    private final long wholeFileMaxBytes;

    public PatchService(ProviderChain chain, PatchEngine engine, UsageMeter usage, int maxAttempts,
            long wholeFileMaxBytes) {
        this.chain = chain;
        this.engine = engine;
        this.usage = usage;
        this.maxAttempts = maxAttempts;
        this.wholeFileMaxBytes = wholeFileMaxBytes;
    }

    public PatchResponse generate(PatchRequest request) {
        if (request.k() > request.n()) {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid variant",
                    "k (" + request.k() + ") must not exceed n (" + request.n() + ")");
        }
        VariantStrategy strategy = VariantStrategy.forVariant(request.k());
        SecretScreen.Screened screened = secrets.screen(request.files());
        if (!screened.withheld().isEmpty()) {
            log.info("variant {}: not shown to the model: {}", request.k(), screened.withheld());
        }
        PatchRequest shown = new PatchRequest(request.jobId(), request.intent(), request.k(), request.n(),
                request.pullRequest(), screened.shown(), request.changedPaths(), request.tree(), request.project(),
                request.budgets(), request.followUp(), request.repositoryMap(), request.askedFor());
        Map<String, String> original = new LinkedHashMap<>();
        for (SourceFile f : shown.files()) {
            original.put(f.path(), f.content());
        }
        Outcome outcome = converse(shown, strategy, original, engine.withholding(screened.withheld()),
                usage.budget(request.budgetsOrNone()));
        Changes changes = changes(original, outcome.files());
        VariantNotes notes = new VariantNotes(screened.withheld(), outcome.context().leftOut(), outcome.refused(),
                outcome.context().notes());
        if (changes.files().isEmpty()) {
            if (!outcome.refused().isEmpty()) {
                throw spent(allRefused(notes, outcome.attempts(), outcome.reply()), outcome.calls());
            }
            throw spent(unprocessable(List.of(new BlockFailure(null, 0, List.of(), "the answer changed nothing", null)),
                    outcome.attempts(), outcome.reply()), outcome.calls());
        }
        boolean offline = outcome.reply().provider().offline();
        ProviderSettings provider = outcome.reply().provider().settings();
        String answer = outcome.reply().reply().text();
        return new PatchResponse(request.k(), strategy.id(),
                summary(answer, strategy, changes.files(), offline, notes.notice()), changes.files(), changes.diff(),
                changes.added(), changes.removed(), provider.name(), provider.model(), offline,
                new TokenUsage(outcome.promptTokens(), outcome.completionTokens()), outcome.attempts(),
                withAskedFor(notes.notes(), request.askedForOrNone()), outcome.calls());
    }

    /**
     * Where the conversation ended: every file with all blocks applied, the paths refused by the policy (path →
     * why), what the chain did to the prompts, the last reply and what it all cost, call by call.
     */
    private record Outcome(Map<String, String> files, Map<String, String> refused, ContextNotes context,
            ChainReply reply, long promptTokens, long completionTokens, int attempts, List<ModelCall> calls) {
    }

    /** The changed files with their unified diff and line counts. */
    private record Changes(List<FileChange> files, String diff, int added, int removed) {
    }

    /**
     * Asks the chain and applies the answer until every block applied, resending the failed blocks; throws
     * 422 when blocks still fail after {@code maxAttempts} answers. Edits of protected paths are refused, not
     * resent: no answer can make them apply. {@code requestEngine} also refuses the files kept from the model.
     */
    private Outcome converse(PatchRequest request, VariantStrategy strategy, Map<String, String> original,
            PatchEngine requestEngine, BudgetCheck budget) {
        Map<String, String> current = new LinkedHashMap<>(original);
        boolean wholeFile = wholeFile(original);
        List<ModelMessage> messages = new ArrayList<>(prompts.initial(request, strategy, wholeFile));
        ContextNotes context = new ContextNotes();
        int from = 0;
        long promptTokens = 0;
        long completionTokens = 0;
        List<BlockFailure> failures = List.of();
        Map<String, String> refused = new LinkedHashMap<>();
        ChainReply reply = null;
        List<ModelCall> calls = new ArrayList<>();
        int attempts = 0;
        try {
            while (attempts < maxAttempts) {
                attempts++;
                reply = ask(request, strategy, wholeFile, messages, current, from, budget);
                from = reply.slotIndex();
                // The model did not see the files left out of its prompt: an edit of one would be written blind.
                PatchEngine answerEngine = requestEngine.withholding(context.record(reply));
                promptTokens += reply.reply().promptTokens();
                completionTokens += reply.reply().completionTokens();
                ProviderSettings answeredBy = reply.provider().settings();
                ModelCall call = usage.record(answeredBy.name(), answeredBy.model(), reply.reply().promptTokens(),
                        reply.reply().completionTokens(), reply.latencyMs());
                calls.add(call);
                budget.spent(call);
                String answer = reply.reply().text();
                EngineResult result = answerEngine.apply(current, answer, EditFormat.AUTO);
                List<String> unseen = unseen(request, current, result.failures());
                if (!unseen.isEmpty()) {
                    throw notShown(unseen, attempts, reply);
                }
                current.putAll(result.partial());
                failures = result.failures();
                refused.putAll(result.refused());
                if (failures.isEmpty()) {
                    break;
                }
                log.info("variant {} attempt {} by {}: {} block(s) failed", request.k(), attempts,
                        reply.provider().settings().name(), failures.size());
                messages.add(ModelMessage.assistant(answer));
                messages.add(ModelMessage.user(prompts.retry(failures, refused)));
            }
            if (!failures.isEmpty()) {
                throw unprocessable(failures, attempts, reply);
            }
        } catch (ApiProblemException e) {
            throw spent(e, calls);
        }
        return new Outcome(current, refused, context, reply, promptTokens, completionTokens, attempts, calls);
    }

    /**
     * Files the answer edited that exist in the repository (the request's tree) but were not shown: the model
     * needs their content, not the closest lines of nothing. Empty once the request already is the one extra
     * round ({@link PatchRequest#askedFor}), so a model cannot keep asking.
     */
    private static List<String> unseen(PatchRequest request, Map<String, String> current, List<BlockFailure> failures) {
        if (!request.askedForOrNone().isEmpty() || request.tree() == null || failures.isEmpty()) {
            return List.of();
        }
        Set<String> tree = new HashSet<>();
        request.tree().forEach(e -> tree.add(e.path()));
        Set<String> unseen = new LinkedHashSet<>();
        for (BlockFailure f : failures) {
            if (f.path() != null && !current.containsKey(f.path()) && tree.contains(f.path())) {
                unseen.add(f.path());
            }
        }
        return List.copyOf(unseen);
    }

    /** The notes of the answer, and the extra round when there was one. */
    private static List<String> withAskedFor(List<String> notes, List<String> askedFor) {
        if (askedFor.isEmpty()) {
            return notes;
        }
        List<String> all = new ArrayList<>(notes);
        all.add("Asked for " + String.join(", ", askedFor) + ": the first answer edited "
                + (askedFor.size() == 1 ? "it" : "them") + " without having been shown "
                + (askedFor.size() == 1 ? "it" : "them") + "; shown in one extra round.");
        return all;
    }

    /** One answer from the chain, starting at slot {@code from}, for the conversation so far and the current files. */
    private ChainReply ask(PatchRequest request, VariantStrategy strategy, boolean wholeFile,
            List<ModelMessage> messages, Map<String, String> current, int from, BudgetCheck budget) {
        PromptFitter fitter = fitter(request, strategy, wholeFile,
                List.copyOf(messages.subList(INITIAL_TURNS, messages.size())), current);
        try {
            return chain.complete(modelRequest(request, strategy, messages, current, fitter), from, request.project(),
                    budget);
        } catch (BudgetReachedException e) {
            throw budgetReached(e);
        } catch (AllProvidersFailedException e) {
            throw unavailable(e);
        } catch (ContentFilteredException e) {
            throw contentFiltered(e);
        }
    }

    private static ModelRequest modelRequest(PatchRequest request, VariantStrategy strategy,
            List<ModelMessage> messages, Map<String, String> current, PromptFitter fitter) {
        List<SourceFile> files = current.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> new SourceFile(e.getKey(), e.getValue())).toList();
        return new ModelRequest(List.copyOf(messages), request.k(), strategy, request.intent(), files,
                estimate(messages), fitter, null);
    }

    /**
     * Rebuilds the conversation for a window too small for it, keeping the later turns ({@code later}): the
     * repository's file list goes first, then files from the lowest ranked up, each whole ({@link ContextSelector#fit}).
     * Empty when the prompt does not fit with a single file (or none, when the request has none).
     */
    private PromptFitter fitter(PatchRequest request, VariantStrategy strategy, boolean wholeFile,
            List<ModelMessage> later, Map<String, String> current) {
        return budget -> {
            long fixed = estimate(prompts.initial(narrowed(request, List.of()), strategy, wholeFile)) + estimate(later);
            // Estimates add up: the task is its text without files followed by each file's block.
            ContextSelector.Fit fit = ContextSelector.fit(request.files(), budget - fixed,
                    f -> TokenEstimator.estimate(prompts.file(f)));
            if (fixed > budget || fit.kept().isEmpty() && !request.files().isEmpty()) {
                return Optional.empty();
            }
            List<ModelMessage> messages = new ArrayList<>(prompts.initial(narrowed(request, fit.kept()), strategy,
                    wholeFile));
            messages.addAll(later);
            Map<String, String> leftOut = new LinkedHashMap<>();
            fit.leftOut().forEach(f -> leftOut.put(f.path(), "about " + TokenEstimator.estimate(prompts.file(f))
                    + " tokens"));
            Set<String> kept = new LinkedHashSet<>();
            fit.kept().forEach(f -> kept.add(f.path()));
            Map<String, String> shown = new LinkedHashMap<>(current);
            shown.keySet().retainAll(kept);
            List<String> parts = new ArrayList<>();
            if (request.tree() != null && !request.tree().isEmpty()) {
                parts.add("the repository's file list (" + request.tree().size() + " paths)");
            }
            if (request.repositoryMap() != null && !request.repositoryMap().isBlank()) {
                parts.add("the repository map");
            }
            return Optional.of(new PromptFitter.Fitted(modelRequest(request, strategy, messages, shown, null),
                    leftOut, parts));
        };
    }

    /**
     * The request with only {@code files}, without the repository's file list and map: in a window too small for
     * everything, the files themselves matter more than the overview.
     */
    private static PatchRequest narrowed(PatchRequest request, List<SourceFile> files) {
        return new PatchRequest(request.jobId(), request.intent(), request.k(), request.n(), request.pullRequest(),
                files, request.changedPaths(), List.of(), request.project(), request.budgets(), request.followUp());
    }

    private static long estimate(List<ModelMessage> messages) {
        return messages.stream().mapToLong(m -> TokenEstimator.estimate(m.text())).sum();
    }

    private Changes changes(Map<String, String> original, Map<String, String> current) {
        List<FileChange> files = new ArrayList<>();
        StringBuilder diff = new StringBuilder();
        int added = 0;
        int removed = 0;
        Set<String> paths = new LinkedHashSet<>(original.keySet());
        paths.addAll(current.keySet());
        for (String path : paths) {
            String before = original.get(path);
            String after = current.get(path);
            if (Objects.equals(before, after)) {
                continue;
            }
            files.add(before == null ? FileChange.add(path, after)
                    : after == null ? FileChange.delete(path) : FileChange.edit(path, after));
            UnifiedDiffWriter.FileDiff d = diffs.diff(path, before, after);
            diff.append(d.text());
            added += d.added();
            removed += d.removed();
        }
        return new Changes(files, diff.toString(), added, removed);
    }

    private boolean wholeFile(Map<String, String> files) {
        ProviderSlot first = chain.slots().stream().filter(ProviderSlot::enabled).findFirst().orElse(null);
        if (first == null || !first.provider().settings().prefersWholeFile() || files.isEmpty()) {
            return false;
        }
        long bytes = files.values().stream().mapToLong(c -> c.getBytes(StandardCharsets.UTF_8).length).sum();
        return bytes <= wholeFileMaxBytes;
    }

    /**
     * 1–3 sentences: the model's "Summary:" (untrusted, so cleaned and capped), prefixed by the strategy and the
     * {@code notice} of what the variant left alone, if any: first, where a shortened summary still shows it.
     */
    static String summary(String answer, VariantStrategy strategy, List<FileChange> changes, boolean offline,
            String notice) {
        String text = null;
        int at = answer.lastIndexOf("Summary:");
        if (at >= 0) {
            text = answer.substring(at + "Summary:".length()).strip();
        }
        if (text == null || text.isEmpty()) {
            text = "Changed " + changes.size() + " file(s): "
                    + String.join(", ", changes.stream().map(FileChange::path).limit(5).toList()) + ".";
        }
        text = text.replaceAll("<!--|-->|<<<<<<<|>>>>>>>|```", " ").replaceAll("[\\p{Cntrl}&&[^\n]]", "")
                .replaceAll("\\s+", " ").strip();
        String[] sentences = text.split("(?<=[.!?])\\s+");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(3, sentences.length); i++) {
            out.append(i == 0 ? "" : " ").append(sentences[i]);
        }
        String result = out.length() > 500 ? out.substring(0, 500) + "…" : out.toString();
        String prefix = strategy.title() + " variant";
        if (offline && !result.toLowerCase(java.util.Locale.ROOT).contains("offline")) {
            prefix += " (offline provider, no model)";
        }
        if (!notice.isEmpty()) {
            return prefix + ": " + notice + " " + result;
        }
        return result.startsWith(strategy.title()) || result.startsWith("Offline") ? result : prefix + ": " + result;
    }

    /**
     * The calls a failed request made: they were spent all the same, so the problem answer lists them
     * ({@code calls}) for the orchestrator to count in the variant's usage and the job's budgets.
     */
    private static ApiProblemException spent(ApiProblemException e, List<ModelCall> calls) {
        if (!calls.isEmpty()) {
            e.properties().put("calls", List.copyOf(calls));
        }
        return e;
    }

    private static ApiProblemException unavailable(AllProvidersFailedException e) {
        return new ApiProblemException(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE,
                "No model provider available", e.getMessage(), null, Map.of("providers", e.failures()), e);
    }

    /** Final, not retried: the same request would meet the same filter, and no other provider may be asked. */
    private static ApiProblemException contentFiltered(ContentFilteredException e) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("provider", e.provider());
        props.put("providers", e.failures());
        return new ApiProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.UNPROCESSABLE,
                "Refused by the content filter", e.getMessage(), null, props, e);
    }

    /**
     * Final, not retried: the budget is only spent further by other requests. The caller's budget name, limit and
     * use before the refused call are properties, so a client need not parse the detail.
     */
    private static ApiProblemException budgetReached(BudgetReachedException e) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("budget", e.budget().name());
        props.put("unit", e.budget().unit().name());
        props.put("limit", e.budget().limit());
        props.put("use", e.use());
        return new ApiProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.UNPROCESSABLE, "Budget reached",
                e.getMessage(), null, props, e);
    }

    private static ApiProblemException allRefused(VariantNotes notes, int attempts, ChainReply reply) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("attempts", attempts);
        props.put("notes", notes.notes());
        props.put("provider", reply.provider().settings().name());
        props.put("model", reply.provider().settings().model());
        return new ApiProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.UNPROCESSABLE, "Edits refused",
                "Nothing changed: every edit was refused; " + notes.firstRefusal(), null, props, null);
    }

    /**
     * The answer edited files that exist but were not shown ({@code unseenFiles}): the caller fetches them and asks
     * once more with them added and listed in {@link PatchRequest#askedFor}.
     */
    private static ApiProblemException notShown(List<String> unseen, int attempts, ChainReply reply) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("attempts", attempts);
        props.put("unseenFiles", unseen);
        props.put("provider", reply.provider().settings().name());
        props.put("model", reply.provider().settings().model());
        return new ApiProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.UNPROCESSABLE, "Files not shown",
                "The answer edited " + String.join(", ", unseen) + ", which exist but were not shown; send "
                        + (unseen.size() == 1 ? "it" : "them") + " in askedFor to let the model answer again",
                null, props, null);
    }

    private static ApiProblemException unprocessable(List<BlockFailure> failures, int attempts, ChainReply reply) {
        List<Map<String, Object>> details = new ArrayList<>();
        for (BlockFailure f : failures) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("path", f.path());
            d.put("reason", f.reason());
            details.add(d);
        }
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("attempts", attempts);
        props.put("failures", details);
        if (reply != null) {
            props.put("provider", reply.provider().settings().name());
            props.put("model", reply.provider().settings().model());
        }
        String first = failures.get(0).reason();
        return new ApiProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.UNPROCESSABLE,
                "Edits did not apply", failures.size() + " edit(s) still failed after " + attempts + " attempt(s); first: "
                        + first, null, props, null);
    }
}
