package dev.codeagent.healthmonitor.web;

import dev.codeagent.healthmonitor.recovery.ContainerRecovery;
import dev.codeagent.healthmonitor.recovery.ContainerRestart;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The monitor's latest container restarts, for the dashboard. */
@RestController
class RecoveryController {

    private final ContainerRecovery recovery;

    RecoveryController(ContainerRecovery recovery) {
        this.recovery = recovery;
    }

    /** Whether restarts are enabled, and the latest ones, newest first. */
    record Recoveries(boolean enabled, List<ContainerRestart> restarts) {
    }

    @GetMapping("/api/recoveries")
    Recoveries recoveries() {
        return new Recoveries(recovery.enabled(), recovery.recent());
    }
}
