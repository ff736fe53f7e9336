package dev.codeagent.runner.web;

import dev.codeagent.contracts.ProblemTypes;
import dev.codeagent.contracts.check.CheckRunRequest;
import dev.codeagent.contracts.check.CheckRunResult;
import dev.codeagent.platform.web.ApiProblemException;
import dev.codeagent.runner.run.CheckRuns;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The runner's REST API; paths and shapes are fixed in {@code dev.codeagent.contracts.check}. */
@RestController
@RequestMapping("/api/checks/runs")
public class CheckRunController {

    private final CheckRuns runs;

    public CheckRunController(CheckRuns runs) {
        this.runs = runs;
    }

    /** Synchronous: answers when every check ended, failed, timed out or was cancelled. */
    @PostMapping
    public CheckRunResult run(@Valid @RequestBody CheckRunRequest request) {
        return runs.run(request);
    }

    @DeleteMapping("/{runId}")
    public ResponseEntity<Void> cancel(@PathVariable String runId) {
        if (!runs.cancel(runId)) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found",
                    "Run " + runId + " is not running on this runner");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).build();
    }
}
