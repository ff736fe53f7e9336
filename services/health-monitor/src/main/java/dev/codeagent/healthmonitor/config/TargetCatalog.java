package dev.codeagent.healthmonitor.config;

import java.util.List;
import org.springframework.stereotype.Component;

/** The targets this monitor watches: the compact override when given, else the configured defaults. */
@Component
public class TargetCatalog {

    private final List<Target> targets;
    private final boolean overridden;

    public TargetCatalog(MonitorProperties properties) {
        this.overridden = properties.targets() != null && !properties.targets().isBlank();
        this.targets = overridden
                ? TargetListParser.parse(properties.targets(), properties.timeout())
                : TargetListParser.requireUniqueNames(properties.defaultTargets().stream()
                        .map(t -> TargetListParser.target(t.name().strip(), t.url().strip(),
                                ExpectedStatus.parse(t.expectedStatus()),
                                t.timeout() == null ? properties.timeout() : t.timeout(), t.critical()))
                        .toList());
    }

    public List<Target> targets() {
        return targets;
    }

    /** Whether CODEAGENT_MONITOR_TARGETS replaced the default list. */
    public boolean overridden() {
        return overridden;
    }
}
