package dev.codeagent.adapter.trigger;

import dev.codeagent.adapter.provider.GitProvider;
import dev.codeagent.adapter.provider.RepositoryCoordinates;
import dev.codeagent.adapter.provider.TriggerPolicy;
import dev.codeagent.contracts.command.Author;
import dev.codeagent.contracts.git.TriggerPermission;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a comment's author may ask the agent for changes, before any work is done. Under the
 * {@code members} policy the users named in {@code CODEAGENT_TRIGGER_USERS} may, and so may the members (direct or
 * nested) of the provider's default groups and of {@code CODEAGENT_TRIGGER_GROUPS}, as the git host answers; under
 * {@code any} everyone may. The host's answers, yes or no, are reused for {@code CODEAGENT_TRIGGER_CACHE_TTL} per
 * author and project; a host that cannot answer is not an answer: its problem goes to the caller, which retries.
 */
public class TriggerGate {

    private static final Logger log = LoggerFactory.getLogger(TriggerGate.class);
    /** Beyond this many remembered answers, the expired ones are dropped (and all, if none has expired). */
    static final int MAX_REMEMBERED = 10_000;

    private final TriggerProperties properties;
    private final Clock clock;
    private final Map<AnswerKey, Remembered> answers = new ConcurrentHashMap<>();

    public TriggerGate(TriggerProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    public TriggerPermission check(GitProvider provider, RepositoryCoordinates repo, Author author) {
        TriggerPermission answer = decide(provider, repo, author);
        log.info("Trigger permission on {} {} for {}: {} ({})", provider.name(), repo.slug(), who(author),
                answer.allowed() ? "allowed" : "denied", answer.reason());
        return answer;
    }

    /** The policy in force for {@code provider}: the configured one, else the provider's default. */
    public TriggerPolicy policyOf(GitProvider provider) {
        return properties.policy() != null ? properties.policy() : provider.defaultTriggerPolicy();
    }

    /** Logs, once at start-up, who may trigger the agent on each provider; loudly when nobody is checked. */
    public void logPolicies(Collection<GitProvider> providers) {
        for (GitProvider provider : providers) {
            boolean open = policyOf(provider) == TriggerPolicy.ANY;
            boolean nobody = !open && properties.users().isEmpty() && groupsOf(provider, placeholder()).isEmpty();
            String text = "Who may trigger the agent on " + provider.name() + ": " + describe(provider);
            if (nobody || open && provider.defaultTriggerPolicy() == TriggerPolicy.MEMBERS) {
                log.warn(text);
            } else {
                log.info(text);
            }
        }
    }

    /** Who may trigger on {@code provider}, in words, for the start-up log. */
    String describe(GitProvider provider) {
        String source = properties.policy() != null ? "CODEAGENT_TRIGGER_POLICY=" + name(properties.policy())
                : "the default of " + provider.name() + "; set CODEAGENT_TRIGGER_POLICY to change it";
        if (policyOf(provider) == TriggerPolicy.ANY) {
            return "anyone who can comment on a pull request; the trigger gate is OFF (" + source + ")";
        }
        List<String> groups = groupsOf(provider, placeholder());
        List<String> who = new ArrayList<>();
        if (!groups.isEmpty()) {
            who.add("members (direct or nested) of " + String.join(", ", groups));
        }
        if (!properties.users().isEmpty()) {
            who.add("the users " + String.join(", ", properties.users()));
        }
        if (who.isEmpty()) {
            return "NOBODY: policy members, but " + provider.name() + " has no groups and CODEAGENT_TRIGGER_USERS "
                    + "is empty (" + source + ")";
        }
        return String.join(" and ", who) + "; the git host's answers are reused for "
                + properties.cacheTtl().toString().substring(2).toLowerCase(Locale.ROOT) + " (" + source + ")";
    }

    private TriggerPermission decide(GitProvider provider, RepositoryCoordinates repo, Author author) {
        if (policyOf(provider) == TriggerPolicy.ANY) {
            return new TriggerPermission(true, "anyone may trigger the agent on " + provider.name()
                    + " (trigger policy any)", List.of());
        }
        List<String> groups = groupsOf(provider, repo);
        if (author == null) {
            return new TriggerPermission(false, "the comment's author is unknown", groups);
        }
        if (isNamedUser(author)) {
            return new TriggerPermission(true, who(author) + " is named in CODEAGENT_TRIGGER_USERS", groups);
        }
        if (groups.isEmpty()) {
            return new TriggerPermission(false, who(author) + " is not named in CODEAGENT_TRIGGER_USERS, the only "
                    + "way to be allowed on " + provider.name() + ", which has no groups", groups);
        }
        AnswerKey key = new AnswerKey(provider.name(), repo.organization(), repo.project(), author.id(),
                author.uniqueName());
        Instant now = clock.instant();
        Remembered remembered = answers.get(key);
        if (remembered != null && now.isBefore(remembered.until())) {
            return remembered.answer();
        }
        Optional<String> group = provider.groupOf(repo, author, groups);
        TriggerPermission answer = group.isPresent()
                ? new TriggerPermission(true, who(author) + " is a member of " + group.get(), groups)
                : new TriggerPermission(false, who(author) + " is not a member of " + String.join(" or ", groups),
                        groups);
        remember(key, answer, now);
        return answer;
    }

    /** The provider's default groups first, then the configured ones, each once. */
    private List<String> groupsOf(GitProvider provider, RepositoryCoordinates repo) {
        List<String> groups = new ArrayList<>(provider.defaultTriggerGroups(repo));
        properties.groups().stream()
                .filter(g -> groups.stream().noneMatch(g::equalsIgnoreCase))
                .forEach(groups::add);
        return List.copyOf(groups);
    }

    private boolean isNamedUser(Author author) {
        return author.uniqueName() != null
                && properties.users().stream().anyMatch(author.uniqueName().strip()::equalsIgnoreCase);
    }

    private void remember(AnswerKey key, TriggerPermission answer, Instant now) {
        if (properties.cacheTtl().isZero()) {
            return;
        }
        if (answers.size() >= MAX_REMEMBERED) {
            answers.values().removeIf(r -> !now.isBefore(r.until()));
            if (answers.size() >= MAX_REMEMBERED) {
                answers.clear();
            }
        }
        answers.put(key, new Remembered(answer, now.plus(properties.cacheTtl())));
    }

    private static RepositoryCoordinates placeholder() {
        return new RepositoryCoordinates("{organization}", "{project}", "{repository}");
    }

    private static String who(Author author) {
        if (author == null) {
            return "an unknown author";
        }
        return author.uniqueName() != null ? author.uniqueName() : "identity " + author.id();
    }

    private static String name(TriggerPolicy policy) {
        return policy.name().toLowerCase(Locale.ROOT);
    }

    private record AnswerKey(String provider, String organization, String project, String authorId,
            String uniqueName) {
    }

    private record Remembered(TriggerPermission answer, Instant until) {
    }
}
