package dev.codeagent.llmpatch.secrets;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds credentials in file content before it enters a prompt: a file with one is left out, never redacted
 * (a redacted file would come back from the model with the placeholder in it).
 *
 * <p>The patterns are ported, not invented: most from gitleaks' {@code config/gitleaks.toml} (MIT License,
 * Copyright (c) 2019 Zachary Rice, https://github.com/gitleaks/gitleaks, commit b58d3f10), keeping each rule's id,
 * regex, keywords, secret group, entropy threshold and allowlist regex; the Azure storage key, AWS secret key and
 * URL-credential patterns, which gitleaks has no rule for, from Yelp's detect-secrets ({@code
 * detect_secrets/plugins/}: {@code azure_storage_key.py}, {@code aws.py}, {@code basic_auth.py}; Apache License
 * 2.0, https://github.com/Yelp/detect-secrets). The connection-string password rule is ours.
 */
public final class SecretScanner {

    /** Where a credential was found: which rule, on which line (1-based). */
    public record Finding(String rule, String description, int line) {
    }

    /**
     * A detection rule. {@code keywords}: lower-case strings one of which the content must contain before the
     * regex runs (gitleaks' pre-filter); {@code group}: the secret's capture group (0 = the whole match), whose
     * Shannon entropy must reach {@code minEntropy} and which {@code allow}, if set, must not match.
     */
    private record Rule(String id, String description, Pattern regex, int group, double minEntropy,
            List<String> keywords, Pattern allow) {
    }

    /** Characters URLs reserve (RFC 3986 gen-delims and sub-delims), as detect-secrets' basic_auth.py. */
    private static final String URL_RESERVED = ":/?#\\[\\]@!$\\&'()*+,;=";

    private static final String END = "(?:[\\x60'\"\\s;]|\\\\[nr]|$)";

    /**
     * Values that stand for a password rather than being one: variables and template fields, and gitleaks'
     * curl-auth-user allowlist of dummy words.
     */
    private static final String PLACEHOLDER =
            "(?i)[$%{<*(\\[].*|.*[}>)\\]]|(?:change(?:it|me)|pass(?:word)?|pwd|test|token|secret|x+|\\*+)";

    private static final List<Rule> RULES = List.of(
            // gitleaks
            rule("private-key", "private key block",
                    "(?i)-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----[\\s\\S-]{64,}?KEY(?: BLOCK)?-----", 0, 0,
                    List.of("-----begin"), null),
            rule("aws-access-token", "AWS access key", "\\b((?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\\b", 1,
                    3, List.of("a3t", "akia", "asia", "abia", "acca"), ".+EXAMPLE$"),
            rule("azure-ad-client-secret", "Azure AD client secret",
                    "(?:^|[\\\\'\"\\x60\\s>=:(,)])([a-zA-Z0-9_~.]{3}\\dQ~[a-zA-Z0-9_~.-]{31,34})(?:$|[\\\\'\"\\x60\\s<),])",
                    1, 3, List.of("q~"), null),
            rule("github-pat", "GitHub personal access token", "ghp_[0-9a-zA-Z]{36}", 0, 3, List.of("ghp_"), null),
            rule("github-fine-grained-pat", "GitHub fine-grained token", "github_pat_\\w{82}", 0, 3,
                    List.of("github_pat_"), null),
            rule("github-oauth", "GitHub OAuth token", "gho_[0-9a-zA-Z]{36}", 0, 3, List.of("gho_"), null),
            rule("github-app-token", "GitHub app token", "(?:ghu|ghs)_[0-9a-zA-Z]{36}", 0, 3,
                    List.of("ghu_", "ghs_"), null),
            rule("github-refresh-token", "GitHub refresh token", "ghr_[0-9a-zA-Z]{36}", 0, 3, List.of("ghr_"), null),
            rule("gitlab-pat", "GitLab personal access token", "glpat-[\\w-]{20}", 0, 3, List.of("glpat-"), null),
            rule("openai-api-key", "OpenAI API key", "\\b(sk-(?:proj|svcacct|admin)-(?:[A-Za-z0-9_-]{74}|"
                    + "[A-Za-z0-9_-]{58})T3BlbkFJ(?:[A-Za-z0-9_-]{74}|[A-Za-z0-9_-]{58})\\b|"
                    + "sk-[a-zA-Z0-9]{20}T3BlbkFJ[a-zA-Z0-9]{20})" + END, 1, 3, List.of("t3blbkfj"), null),
            rule("anthropic-api-key", "Anthropic API key", "\\b(sk-ant-api03-[a-zA-Z0-9_\\-]{93}AA)" + END, 1, 0,
                    List.of("sk-ant-api03"), null),
            rule("slack-bot-token", "Slack bot token", "xoxb-[0-9]{10,13}-[0-9]{10,13}[a-zA-Z0-9-]*", 0, 3,
                    List.of("xoxb"), null),
            rule("slack-user-token", "Slack user token", "xox[pe](?:-[0-9]{10,13}){3}-[a-zA-Z0-9-]{28,34}", 0, 2,
                    List.of("xoxp-", "xoxe-"), null),
            rule("slack-app-token", "Slack app token", "(?i)xapp-\\d-[A-Z0-9]+-\\d+-[a-z0-9]+", 0, 2,
                    List.of("xapp"), null),
            rule("slack-webhook-url", "Slack webhook URL",
                    "(?:https?://)?hooks.slack.com/(?:services|workflows|triggers)/[A-Za-z0-9+/]{43,56}", 0, 0,
                    List.of("hooks.slack.com"), null),
            rule("npm-access-token", "npm access token", "(?i)\\b(npm_[a-z0-9]{36})" + END, 1, 2, List.of("npm_"),
                    null),
            rule("gcp-api-key", "Google Cloud API key", "\\b(AIza[\\w-]{35})" + END, 1, 4, List.of("aiza"), null),
            // detect-secrets
            rule("azure-storage-key", "Azure storage account key", "AccountKey=[a-zA-Z0-9+/=]{88}", 0, 0,
                    List.of("accountkey="), null),
            rule("aws-secret-key", "AWS secret access key",
                    "(?i)aws.{0,20}?(?:key|pwd|pw|password|pass|token).{0,20}?['\"]([0-9a-zA-Z/+]{40})['\"]", 1, 0,
                    List.of("aws"), null),
            rule("url-credentials", "password in a URL",
                    "://[^" + URL_RESERVED + "\\s]+:([^" + URL_RESERVED + "\\s]+)@", 1, 0, List.of("://"), PLACEHOLDER),
            // ours: a password in a key=value; connection string (ADO.NET, ODBC, Azure Storage and Service Bus)
            rule("connection-string-password", "password in a connection string",
                    "(?im)^(?=[^\\n]*\\b(?:server|data source|host|database|initial catalog|user id|uid|user(?:name)?|"
                            + "accountname|endpoint|defaultendpointsprotocol|address|dsn)\\s*=[^;\\n]*;)"
                            + "[^\\n]*?(?:^|[;\"'])\\s*(?:password|pwd|sharedaccesskey)\\s*=\\s*([^;\"'\\s]{4,})",
                    1, 0, List.of("password", "pwd", "sharedaccesskey"), PLACEHOLDER));

    private static Rule rule(String id, String description, String regex, int group, double minEntropy,
            List<String> keywords, String allow) {
        return new Rule(id, description, Pattern.compile(regex), group, minEntropy, keywords,
                allow == null ? null : Pattern.compile(allow));
    }

    /** The first credential in {@code content}, if any. */
    public Optional<Finding> scan(String content) {
        String lower = content.toLowerCase(Locale.ROOT);
        for (Rule rule : RULES) {
            if (rule.keywords().stream().noneMatch(lower::contains)) {
                continue;
            }
            Matcher m = rule.regex().matcher(content);
            while (m.find()) {
                String secret = m.group(rule.group());
                if (secret == null || entropy(secret) < rule.minEntropy()
                        || rule.allow() != null && rule.allow().matcher(secret).matches()) {
                    continue;
                }
                return Optional.of(new Finding(rule.id(), rule.description(), lineOf(content, m.start(rule.group()))));
            }
        }
        return Optional.empty();
    }

    /** Shannon entropy in bits per character, as gitleaks computes it for its thresholds. */
    static double entropy(String text) {
        Map<Character, Integer> counts = new HashMap<>();
        for (char c : text.toCharArray()) {
            counts.merge(c, 1, Integer::sum);
        }
        double bits = 0;
        for (int count : counts.values()) {
            double p = (double) count / text.length();
            bits -= p * (Math.log(p) / Math.log(2));
        }
        return bits;
    }

    private static int lineOf(String content, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (content.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
