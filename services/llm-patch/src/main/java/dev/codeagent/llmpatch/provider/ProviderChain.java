package dev.codeagent.llmpatch.provider;

import dev.codeagent.platform.concurrent.DaemonThreads;
import dev.codeagent.platform.web.CorrelationId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ordered provider chain. A 429/503 whose Retry-After is short is retried on the same provider a few
 * times; any other failure or a timeout moves on to the next provider. A prompt estimated too large for the
 * provider's context window is rebuilt smaller by the request's fitter; when even that does not fit, the provider
 * is skipped and the next one gets the whole prompt. Each call runs under the provider's own timeout, enforced here as well as
 * in the client, so a stuck connection cannot hold a variant forever.
 */
public final class ProviderChain implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProviderChain.class);

    private final List<ProviderSlot> slots;
    private final ProviderPolicy policy;
    private final int rateLimitRetries;
    private final Duration maxRetryAfter;
    private final ExecutorService executor = Executors.newCachedThreadPool(DaemonThreads.named("model-call"));

    public ProviderChain(List<ProviderSlot> slots, int rateLimitRetries, Duration maxRetryAfter) {
        this(slots, ProviderPolicy.none(), rateLimitRetries, maxRetryAfter);
    }

    public ProviderChain(List<ProviderSlot> slots, ProviderPolicy policy, int rateLimitRetries, Duration maxRetryAfter) {
        this.slots = List.copyOf(slots);
        this.policy = policy;
        this.rateLimitRetries = rateLimitRetries;
        this.maxRetryAfter = maxRetryAfter;
    }

    public List<ProviderSlot> slots() {
        return slots;
    }

    public ProviderPolicy policy() {
        return policy;
    }

    public boolean hasEnabledProvider() {
        return slots.stream().anyMatch(ProviderSlot::enabled);
    }

    /** Asks providers in order, starting at slot {@code from}, until one answers. */
    public ChainReply complete(ModelRequest request, int from) {
        return complete(request, from, null);
    }

    /**
     * As {@link #complete(ModelRequest, int)}, asking only the providers the policy allows for {@code project}: the
     * others are not called at all, even when every allowed one is down. A content-filter refusal ends the chain
     * ({@link ContentFilteredException}).
     */
    public ChainReply complete(ModelRequest request, int from, String project) {
        return complete(request, from, project, CallGate.OPEN);
    }

    /**
     * As {@link #complete(ModelRequest, int, String)}, asking {@code gate} before each provider is called with the
     * prompt it will get; a refusal propagates and no later provider is asked.
     */
    public ChainReply complete(ModelRequest request, int from, String project, CallGate gate) {
        ProviderPolicy.Rule rule = policy.ruleFor(project);
        List<String> failures = new ArrayList<>();
        // What the variant's notes report: providers that were tried, not those switched off in the configuration.
        List<String> fallbacks = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            ProviderSlot slot = slots.get(i);
            if (rule != null && !rule.allows(slot.name())) {
                continue;
            }
            if (!slot.enabled()) {
                if (i >= from) {
                    failures.add(slot.name() + ": skipped (" + slot.skippedReason() + ")");
                }
                continue;
            }
            if (i < from) {
                continue;
            }
            ModelProvider provider = slot.provider();
            ContextWindow window = provider.contextWindow();
            ModelRequest sent = request.withWindow(window);
            PromptFitter.Fitted shrunk = null;
            if (request.estimatedPromptTokens() > window.promptTokens()) {
                shrunk = request.fitter() == null ? null : request.fitter().fit(window.promptTokens()).orElse(null);
                if (shrunk == null) {
                    ProviderException e = new ProviderException(FailureKind.CONTEXT_TOO_LARGE,
                            "prompt of about " + request.estimatedPromptTokens() + " tokens does not fit the context "
                                    + "window (" + window.describe() + ")"
                                    + (request.fitter() == null ? "" : ", not even with the least context"), null);
                    slot.counters().failure(e);
                    slot.counters().fallback();
                    failures.add(slot.name() + ": " + e.describe());
                    fallbacks.add(slot.name() + ": " + e.describe());
                    log.info("provider {} skipped for this request: {}", slot.name(), e.describe());
                    continue;
                }
                sent = shrunk.request().withWindow(window);
                log.info("prompt for provider {} shrunk from about {} to {} tokens to fit its window ({})", slot.name(),
                        request.estimatedPromptTokens(), sent.estimatedPromptTokens(), window.describe());
            }
            gate.admit(provider, sent.estimatedPromptTokens(), window.answerTokens());
            try {
                Answered answered = callWithRetries(slot, sent);
                return new ChainReply(answered.reply(), provider, i, fallbacks, window, shrunk, answered.latencyMs());
            } catch (ProviderException e) {
                if (e.kind() == FailureKind.CONTENT_FILTERED) {
                    failures.add(slot.name() + ": " + e.describe());
                    log.warn("provider {} refused by its content filter; not falling back: {}", slot.name(), e.describe());
                    throw new ContentFilteredException(slot.name(), e, failures);
                }
                slot.counters().fallback();
                failures.add(slot.name() + ": " + e.describe());
                fallbacks.add(slot.name() + ": " + e.describe());
                log.warn("provider {} failed, falling back: {}", slot.name(), e.describe());
            }
        }
        if (rule != null) {
            for (String allowed : rule.providers()) {
                if (slots.stream().noneMatch(s -> s.name().equals(allowed))) {
                    failures.add(allowed + ": not in the chain (CODEAGENT_LLM_PROVIDERS)");
                }
            }
            throw new AllProvidersFailedException(rule.describe(project), failures);
        }
        throw new AllProvidersFailedException(failures.isEmpty() ? List.of("no provider is enabled") : failures);
    }

    /** A reply and how long its call took. */
    private record Answered(ModelReply reply, long latencyMs) {
    }

    private Answered callWithRetries(ProviderSlot slot, ModelRequest request) {
        ModelProvider provider = slot.provider();
        for (int attempt = 0; ; attempt++) {
            slot.counters().request();
            long started = System.nanoTime();
            try {
                ModelReply reply = callOnce(provider, request);
                slot.counters().success();
                return new Answered(reply, Duration.ofNanos(System.nanoTime() - started).toMillis());
            } catch (ProviderException e) {
                slot.counters().failure(e);
                boolean retryable = e.kind() == FailureKind.RATE_LIMITED || e.kind() == FailureKind.UNAVAILABLE;
                if (!retryable || e.retryAfter() == null || e.retryAfter().compareTo(maxRetryAfter) > 0
                        || attempt >= rateLimitRetries) {
                    throw e;
                }
                log.info("provider {} answered {}; retrying in {} ms", provider.settings().name(), e.describe(),
                        e.retryAfter().toMillis());
                sleep(e.retryAfter());
            }
        }
    }

    private ModelReply callOnce(ModelProvider provider, ModelRequest request) {
        ProviderSettings settings = provider.settings();
        double temperature = settings.temperature(request.k());
        Future<ModelReply> future = executor.submit(CorrelationId.wrap(
                () -> provider.complete(request, temperature)));
        try {
            return future.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ProviderException(FailureKind.TIMEOUT,
                    "no answer within " + settings.timeout().toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw ErrorClassifier.classify(e.getCause());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ProviderException(FailureKind.ERROR, "interrupted", e);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(Math.max(0, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(FailureKind.ERROR, "interrupted", e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
