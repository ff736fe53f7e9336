package dev.codeagent.healthmonitor.recovery;

import java.util.List;

/** The container API the monitor restarts containers through. */
public interface ContainerRuntime {

    /**
     * Restarts every container labelled {@code dev.codeagent.service=<service>} (a paused one is resumed first);
     * returns their names, empty when there is none.
     */
    List<String> restart(String service);
}
