package dev.codeagent.llmpatch.context;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Words as people write them and as code spells them, brought to one form: identifiers split on camelCase,
 * underscores, digits and punctuation, lower-cased, plural and common suffixes stemmed ("passwords" and
 * {@code password}, "registered" and {@code register} meet). An intent also yields the joined pairs of adjacent
 * words ("user names" → {@code username}, "last name" → {@code lastName}) and the code words its words stand for
 * ("account" → {@code user}, {@code login}), weighted below the words themselves.
 */
final class Words {

    /** Weight of a word the intent says itself, a joined pair, and a synonym from {@link #SYNONYMS}. */
    static final double SAID = 1.0;
    static final double JOINED = 0.9;
    static final double SYNONYM = 0.5;

    private static final Set<String> STOP = Set.of("the", "and", "for", "with", "from", "into", "this", "that",
            "add", "make", "use", "all", "should", "when", "then", "also", "more", "less", "new", "fix", "to", "in",
            "of", "a", "an", "on", "by", "it", "is", "be", "or", "as", "at", "we", "please", "code", "file", "files",
            "let", "can", "must", "need", "not", "does", "doe", "don", "get", "got", "they", "their", "them", "there",
            "only", "every", "each", "some", "any", "after", "before", "instead", "still", "well", "its", "our",
            "your", "you", "has", "have", "been", "was", "were", "will", "would", "could", "what", "which", "who",
            "how", "why", "than", "too", "very", "one", "two", "way", "may", "just", "give", "clear", "people",
            "someone", "somebody", "things", "thing", "sure", "able", "want", "like", "but", "are", "via", "per",
            "java", "class", "method", "function", "public", "private", "return", "string", "int", "void", "static",
            "final", "import", "const", "self", "def", "var", "none", "null", "true", "false", "lib", "src",
            "main", "app", "test", "tests", "index");

    /**
     * Code words an intent's word may stand for, both ways where it makes sense. Small on purpose: each entry is
     * a habit of naming seen across code bases, not a guess about one repository.
     */
    private static final Map<String, List<String>> SYNONYMS = synonyms(
            "account=user,login,auth,profile", "user=account,member,profile", "sign=login,register,auth",
            "signup=register,registration,user", "signin=login,auth", "login=auth,signin,session,user",
            "logout=auth,session", "password=credential,auth,hash,login", "register=signup,registration,create",
            "delete=remove,destroy", "remove=delete", "email=mail,smtp,sender", "mail=email,smtp,sender",
            "telephone=phone", "phone=telephone", "people=user,person,member", "person=user,people",
            "search=find,query,index", "find=search,query", "page=paging,pagination,offset,limit",
            "paging=page,pagination,offset,limit", "paginate=page,paging,offset,limit",
            "translation=translate,locale,messages,i18n", "translate=translation,locale", "wording=messages,text",
            "message=notification,messages", "notify=notification,message,email", "notification=notify,message",
            "token=jwt,auth,bearer", "expire=expiry,expires,expiration,ttl", "metric=meter,metrics,counter,timed",
            "count=counter,metric", "cache=cached,caching,ttl", "log=logger,logging", "logging=logger,log",
            "duration=time,timer,elapsed", "request=middleware,http", "error=exception,problem,fault",
            "exception=error", "seed=sample", "sample=seed", "database=db,data,dbcontext,repository",
            "save=persist,commit,savechanges", "event=events,dispatch,handler", "sort=order,sorted,orderby",
            "unique=duplicate,exists,constraint", "validation=validator,validate", "validate=validation,validator",
            "reject=validate,validator,check", "chat=assistant,bot,ai,llm", "assistant=chat,bot,ai,agent,tool",
            "list=all,findall", "status=state", "follow=follower,following", "follower=follow,following",
            "down=fallback,timeout,unavailable", "lock=locked,attempt,lockout");

    private Words() {
    }

    /** The distinct terms of a text (an identifier, a path segment, a line of code): split, lower-cased, stemmed. */
    static List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        for (String raw : split(text)) {
            if (raw.length() < 2 || STOP.contains(raw)) {
                continue;
            }
            String t = stem(raw);
            if (!out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /** The lower-case pieces of a text, split on case changes, digits and everything that is not a letter. */
    static List<String> split(String text) {
        String s = text.replaceAll("([a-z])([A-Z])", "$1 $2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2");
        List<String> out = new ArrayList<>();
        for (String raw : s.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
            if (!raw.isEmpty()) {
                out.add(raw);
            }
        }
        return out;
    }

    /**
     * The weighted terms of an intent: its own words, adjacent pairs joined (when a code word could be spelled
     * that way) and synonyms; the highest weight wins for a term that comes more than once.
     */
    static Map<String, Double> intent(String intent) {
        Map<String, Double> weights = new LinkedHashMap<>();
        List<String> words = split(intent);
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.length() >= 2 && !STOP.contains(w)) {
                String t = stem(w);
                weights.merge(t, SAID, Math::max);
                for (String syn : SYNONYMS.getOrDefault(t, List.of())) {
                    weights.merge(stem(syn), SYNONYM, Math::max);
                }
            }
            if (i + 1 < words.size() && w.length() >= 2 && words.get(i + 1).length() >= 2 && !STOP.contains(w)
                    && !STOP.contains(words.get(i + 1))) {
                String joined = stem(w + words.get(i + 1));
                weights.merge(joined, JOINED, Math::max);
                for (String syn : SYNONYMS.getOrDefault(joined, List.of())) {
                    weights.merge(stem(syn), SYNONYM, Math::max);
                }
            }
        }
        return weights;
    }

    /**
     * A light suffix stemmer, the same on both sides of a match: plural, past, gerund and a few derivations
     * ("passwords", "registered", "searchable", "validation" → "password", "regist", "search", "valid").
     */
    static String stem(String w) {
        String s = w;
        if (s.length() > 4 && s.endsWith("ies")) {
            s = s.substring(0, s.length() - 3) + "y";
        } else if (s.length() > 4 && (s.endsWith("sses") || s.endsWith("xes") || s.endsWith("ches")
                || s.endsWith("shes") || s.endsWith("zes"))) {
            s = s.substring(0, s.length() - 2);
        } else if (s.length() > 3 && s.endsWith("s") && !s.endsWith("ss") && !s.endsWith("us")) {
            s = s.substring(0, s.length() - 1);
        }
        for (String suffix : List.of("ations", "ation", "able", "ing", "er", "ed", "ly")) {
            if (s.length() > suffix.length() + 2 && s.endsWith(suffix)) {
                s = s.substring(0, s.length() - suffix.length());
                break;
            }
        }
        if (s.length() > 4 && s.endsWith("e")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    private static Map<String, List<String>> synonyms(String... entries) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (String entry : entries) {
            String[] kv = entry.split("=");
            List<String> values = List.of(kv[1].split(","));
            map.put(stem(kv[0]), values);
        }
        return map;
    }
}
