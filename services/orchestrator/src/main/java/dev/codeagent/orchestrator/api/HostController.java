package dev.codeagent.orchestrator.api;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /admin/host/ping}, answered like an Azure Functions host for tooling that probes it. */
@RestController
public class HostController {

    @GetMapping("/admin/host/ping")
    public ResponseEntity<Void> ping() {
        return ResponseEntity.ok().build();
    }
}
