package dev.codeagent.gateway.scope;

import java.util.regex.Pattern;

/**
 * An allow-list entry: a name in which {@code *} matches any run of characters. Azure DevOps compares
 * project and repository names without regard to case, and so does this.
 */
record NamePattern(Pattern regex) {

    static NamePattern of(String glob) {
        StringBuilder regex = new StringBuilder();
        int from = 0;
        for (int star = glob.indexOf('*'); star >= 0; star = glob.indexOf('*', from)) {
            regex.append(Pattern.quote(glob.substring(from, star))).append(".*");
            from = star + 1;
        }
        regex.append(Pattern.quote(glob.substring(from)));
        return new NamePattern(Pattern.compile(regex.toString(),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL));
    }

    boolean matches(String name) {
        return regex.matcher(name).matches();
    }
}
