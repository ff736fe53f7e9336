package dev.codeagent.healthmonitor.web;

import dev.codeagent.healthmonitor.status.HealthReport;
import dev.codeagent.healthmonitor.status.ServicesReport;
import dev.codeagent.healthmonitor.status.StatusBoard;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The aggregate health of the system and the per-service detail behind the dashboard. */
@RestController
class HealthController {

    private final StatusBoard board;

    HealthController(StatusBoard board) {
        this.board = board;
    }

    /** 200 while every critical target is up (HEALTHY or DEGRADED), 503 otherwise. */
    @GetMapping("/health")
    ResponseEntity<HealthReport> health() {
        HealthReport report = board.health();
        return ResponseEntity.status(report.status().serving() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .cacheControl(CacheControl.noStore())
                .body(report);
    }

    @GetMapping("/api/services")
    ResponseEntity<ServicesReport> services() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(board.services());
    }
}
