package dev.codeagent.deployment.compose;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The output of {@code docker-compose config} for one scenario, with the questions the tests ask of it. */
record RenderedCompose(ComposeScenario scenario, Map<String, Object> model) {

    /** The Code Agent services: scalable, built from deploy/docker/Dockerfile. */
    static final Set<String> CODE_AGENT_SERVICES = Set.of("gateway", "orchestrator", "adapter", "llm-patch",
            "runner", "health-monitor");

    Map<String, Map<String, Object>> services() {
        return mapOfMaps(model.get("services"));
    }

    /** Services that `up` starts in this scenario: no profile, or one of the active profiles. */
    Map<String, Map<String, Object>> activeServices() {
        Map<String, Map<String, Object>> active = new LinkedHashMap<>();
        services().forEach((name, service) -> {
            if (isActive(service)) {
                active.put(name, service);
            }
        });
        return active;
    }

    boolean isActive(Map<String, Object> service) {
        List<String> profiles = profiles(service);
        return profiles.isEmpty() || profiles.stream().anyMatch(scenario.profiles()::contains);
    }

    static List<String> profiles(Map<String, Object> service) {
        Object profiles = service.get("profiles");
        return profiles == null ? List.of() : ((Collection<?>) profiles).stream().map(String::valueOf).toList();
    }

    static Map<String, Object> map(Object value) {
        if (value == null) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) value;
        return map;
    }

    static Map<String, Map<String, Object>> mapOfMaps(Object value) {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        map(value).forEach((key, entry) -> result.put(key, map(entry)));
        return result;
    }

    /** depends_on in either the short (list) or the long (map with conditions) form. */
    static Map<String, Map<String, Object>> dependsOn(Map<String, Object> service) {
        Object deps = service.get("depends_on");
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        if (deps instanceof Collection<?> list) {
            list.forEach(name -> result.put(String.valueOf(name), Map.of()));
        } else if (deps != null) {
            result.putAll(mapOfMaps(deps));
        }
        return result;
    }

    /** environment in either the list ("K=V") or the map form; values as strings, null when only named. */
    static Map<String, Object> environment(Map<String, Object> service) {
        Map<String, Object> result = new LinkedHashMap<>();
        Object env = service.get("environment");
        if (env instanceof List<?> list) {
            for (Object entry : list) {
                String text = String.valueOf(entry);
                int eq = text.indexOf('=');
                result.put(eq < 0 ? text : text.substring(0, eq), eq < 0 ? null : text.substring(eq + 1));
            }
        } else {
            map(env).forEach((key, value) -> result.put(key, value == null ? null : String.valueOf(value)));
        }
        return result;
    }

    /** Network names of a service (list or map form). */
    static List<String> networks(Map<String, Object> service) {
        Object networks = service.get("networks");
        if (networks instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.copyOf(map(networks).keySet());
    }

    /** Host-facing published ports of a service (any syntax compose renders). */
    static List<Map<String, Object>> ports(Map<String, Object> service) {
        Object ports = service.get("ports");
        if (ports == null) {
            return List.of();
        }
        return ((Collection<?>) ports).stream().map(port -> port instanceof Map<?, ?> ? map(port)
                : Map.<String, Object>of("raw", String.valueOf(port))).toList();
    }

    /** Memory in bytes from "512M", "1G", "1g" or a plain byte count. */
    static long bytes(Object value) {
        String text = String.valueOf(value).trim().toLowerCase(Locale.ROOT);
        long factor = 1;
        if (text.endsWith("b")) {
            text = text.substring(0, text.length() - 1);
        }
        switch (text.charAt(text.length() - 1)) {
            case 'k' -> factor = 1L << 10;
            case 'm' -> factor = 1L << 20;
            case 'g' -> factor = 1L << 30;
            default -> factor = 1;
        }
        if (factor != 1) {
            text = text.substring(0, text.length() - 1);
        }
        return (long) (Double.parseDouble(text) * factor);
    }
}
