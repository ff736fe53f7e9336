package dev.codeagent.runner.plan;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A dependency cache kept between runs of one repository (a container volume), and the environment that points the
 * tool at it. The cache lives at {@link #MOUNT} inside the check's container.
 */
public enum CacheKind {
    /**
     * Checks of one repository may share the cache at the same time: Maven Resolver's file locks (Maven 3.9 and
     * later; older ones ignore the properties) coordinate them across processes, where its default locks only
     * threads of one JVM.
     */
    MAVEN(Map.of("MAVEN_OPTS", "-Dmaven.repo.local=/cache/repository -Daether.syncContext.named.factory=file-lock"
            + " -Daether.syncContext.named.nameMapper=file-gav")),
    GRADLE(Map.of("GRADLE_USER_HOME", "/cache")),
    NPM(Map.of("npm_config_cache", "/cache")),
    PIP(Map.of("PIP_CACHE_DIR", "/cache")),
    GO(Map.of("GOMODCACHE", "/cache/mod", "GOCACHE", "/cache/build"));

    public static final String MOUNT = "/cache";

    private final Map<String, String> environment;

    CacheKind(Map<String, String> environment) {
        this.environment = environment;
    }

    public Map<String, String> environment() {
        return environment;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CacheKind> of(String label) {
        return Arrays.stream(values()).filter(kind -> kind.label().equals(label)).findFirst();
    }
}
