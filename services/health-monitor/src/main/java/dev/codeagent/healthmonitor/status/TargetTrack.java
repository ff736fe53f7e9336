package dev.codeagent.healthmonitor.status;

import dev.codeagent.healthmonitor.config.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Current status and bounded check history of one target. Not thread-safe: {@link StatusBoard} guards it. */
final class TargetTrack {

    private static final String NOT_CHECKED = "Not checked yet";

    private final Target target;
    private final int historySize;
    private final int failureThreshold;
    private final Deque<CheckResult> history = new ArrayDeque<>();
    private ServiceStatus status = ServiceStatus.DOWN;
    private boolean checked;
    private boolean everUp;
    private Instant since;
    private int consecutiveFailures;
    private CheckResult last;

    TargetTrack(Target target, int historySize, int failureThreshold, Instant startedAt) {
        this.target = target;
        this.historySize = historySize;
        this.failureThreshold = failureThreshold;
        this.since = startedAt;
    }

    /** Records a check; returns the change it causes, or null. */
    StatusChange record(CheckResult result) {
        history.addLast(result);
        while (history.size() > historySize) {
            history.removeFirst();
        }
        last = result;
        consecutiveFailures = result.up() ? 0 : consecutiveFailures + 1;
        ServiceStatus next;
        if (result.up()) {
            next = ServiceStatus.UP;
        } else if (!checked || status == ServiceStatus.DOWN || consecutiveFailures >= failureThreshold) {
            next = ServiceStatus.DOWN;
        } else {
            next = ServiceStatus.UP;
        }
        boolean first = !checked;
        checked = true;
        everUp |= result.up();
        if (first || next != status) {
            ServiceStatus previous = first ? null : status;
            Instant previousSince = since;
            status = next;
            since = result.at();
            return new StatusChange(target.name(), target.critical(), previous, next, result.at(), error(),
                    previousSince);
        }
        return null;
    }

    /** Whether a check is due: every interval, sooner after a failed check. */
    boolean due(Instant now, Duration interval, Duration retryInterval) {
        if (last == null) {
            return true;
        }
        Duration wait = last.up() ? interval : retryInterval;
        return !now.isBefore(last.at().plus(wait));
    }

    Target target() {
        return target;
    }

    ServiceStatus status() {
        return status;
    }

    boolean checked() {
        return checked;
    }

    boolean everUp() {
        return everUp;
    }

    Instant since() {
        return since;
    }

    CheckResult last() {
        return last;
    }

    /** Why the target is down, or why its latest check failed while it still counts as up; null if fine. */
    String error() {
        if (!checked) {
            return NOT_CHECKED;
        }
        return last.up() ? null : last.error();
    }

    Long latencyMs() {
        return last == null ? null : last.latencyMs();
    }

    List<CheckResult> history() {
        return new ArrayList<>(history);
    }
}
